using System.Text.Json;

namespace Compliance.Engine.Traffic.Har;

/// <summary>
/// Reads a HAR 1.2 file (or an observation report) item by item with Utf8JsonReader over a growing
/// buffer: only one entry is held in memory at a time, so captures larger than memory can be read.
/// </summary>
public sealed class HarReader
{
    private enum Frame { RootObject, Log, Entries, Observations }
    private enum StepResult { Item, NeedMore, Done }

    private static readonly JsonReaderOptions s_readerOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
    };

    private readonly Stream _stream;
    private readonly TrafficLimits _limits;
    private readonly List<Frame> _frames = [];
    private readonly List<string> _warnings = [];
    private byte[] _buffer = new byte[1024 * 1024];
    private int _pos;
    private int _len;
    private long _committed;
    private bool _eof;
    private bool _started;
    private bool _finished;
    private JsonReaderState _state = new(s_readerOptions);
    private string? _property;
    private int _itemIndex;
    private object? _item;

    public HarReader(Stream capture, TrafficLimits? limits = null)
    {
        _limits = limits ?? TrafficLimits.Default;
        _stream = CaptureStream.Open(capture, _limits);
    }

    /// <summary>The context found in log._context, once the reader has passed it.</summary>
    public TrafficContext? Context { get; private set; }
    /// <summary>The top-level "format" property ("observation-report/v1" for reports).</summary>
    public string? Format { get; private set; }
    public bool SawLog { get; private set; }
    /// <summary>True when log._context came after some entries (a second pass may be needed).</summary>
    public bool ContextAfterEntries { get; private set; }
    public IReadOnlyList<string> Warnings => _warnings;
    public int ItemsRead => _itemIndex;

    /// <summary>Yields HarEntry or Observation items in file order.</summary>
    public IEnumerable<object> ReadItems()
    {
        while (true)
        {
            var result = Step();
            if (result == StepResult.Done)
                yield break;
            if (result == StepResult.Item && _item is not null)
            {
                var item = _item;
                _item = null;
                yield return item;
            }
            else if (result == StepResult.NeedMore)
                Fill();
        }
    }

    private string Where() => _frames.Count > 0 && _frames[^1] is Frame.Entries or Frame.Observations
        ? $"entry {_itemIndex}"
        : _frames.Count > 1 ? "log" : "top level";

    private StepResult Step()
    {
        if (_finished)
            return StepResult.Done;
        var reader = new Utf8JsonReader(_buffer.AsSpan(_pos, _len - _pos), _eof, _state);
        try
        {
            return Process(ref reader);
        }
        catch (JsonException ex)
        {
            var at = _committed + reader.BytesConsumed;
            if (_eof && !_started && ex.Message.Contains("does not contain any JSON tokens", StringComparison.Ordinal))
                throw new TrafficFormatException("top level: the capture is empty");
            if (_eof && (ex.Message.Contains("end of data", StringComparison.Ordinal) || ex.Message.Contains("Expected depth to be zero", StringComparison.Ordinal)))
                throw new TrafficFormatException($"{Where()}: the capture ends early (truncated at byte {_committed + (_len - _pos)})");
            throw new TrafficFormatException($"{Where()}: not valid JSON near byte {at} ({FirstSentence(ex.Message)})");
        }
    }

    private StepResult Process(ref Utf8JsonReader reader)
    {
        while (true)
        {
            var before = reader.CurrentState;
            var beforeConsumed = reader.BytesConsumed;
            if (!reader.Read())
            {
                if (_eof)
                {
                    if (!_started)
                        throw new TrafficFormatException("top level: the capture is empty");
                    throw new TrafficFormatException($"{Where()}: the capture ends early (truncated at byte {_committed + reader.BytesConsumed})");
                }
                return Rewind(before, beforeConsumed);
            }
            if (!_started)
            {
                _started = true;
                if (reader.TokenType != JsonTokenType.StartObject)
                    throw new TrafficFormatException("top level: expected a JSON object (HAR or observation report)");
                _frames.Add(Frame.RootObject);
                continue;
            }
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                _property = reader.GetString();
                continue;
            }
            var frame = _frames[^1];
            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                _frames.RemoveAt(_frames.Count - 1);
                if (_frames.Count == 0)
                {
                    _finished = true;
                    Commit(ref reader);
                    return StepResult.Done;
                }
                continue;
            }
            if (frame is Frame.Entries or Frame.Observations)
            {
                var result = ReadArrayItem(ref reader, frame, before, beforeConsumed);
                if (result is not null)
                    return result.Value;
                continue;
            }
            var name = _property;
            _property = null;
            if (frame == Frame.RootObject && name == "log")
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                    throw new TrafficFormatException($"log: expected an object, found {Describe(reader.TokenType)} (byte {_committed + reader.TokenStartIndex})");
                SawLog = true;
                _frames.Add(Frame.Log);
                continue;
            }
            if (frame == Frame.RootObject && name == "format" && reader.TokenType == JsonTokenType.String)
            {
                Format = reader.GetString();
                continue;
            }
            if ((frame == Frame.Log && name == "entries") || (frame == Frame.RootObject && name == "observations"))
            {
                if (reader.TokenType != JsonTokenType.StartArray)
                    throw new TrafficFormatException($"{(frame == Frame.Log ? "log.entries" : "observations")}: expected an array, found {Describe(reader.TokenType)}");
                _frames.Add(frame == Frame.Log ? Frame.Entries : Frame.Observations);
                continue;
            }
            if (frame == Frame.Log && name == "_context" && reader.TokenType == JsonTokenType.StartObject)
            {
                var start = reader.TokenStartIndex;
                if (!reader.TrySkip())
                    return Rewind(before, beforeConsumed);
                ReadContext(start, reader.BytesConsumed);
                continue;
            }
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                return Rewind(before, beforeConsumed);
        }
    }

    private StepResult? ReadArrayItem(ref Utf8JsonReader reader, Frame frame, JsonReaderState before, long beforeConsumed)
    {
        var index = _itemIndex;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            if (reader.TokenType == JsonTokenType.StartArray && !reader.TrySkip())
                return Rewind(before, beforeConsumed);
            _warnings.Add($"entry {index}: not a JSON object ({Describe(reader.TokenType)}); skipped");
            _itemIndex++;
            return null;
        }
        if (frame == Frame.Entries)
        {
            if (!HarEntryReader.TryRead(ref reader, index, _limits, out var entry))
                return Rewind(before, beforeConsumed);
            _item = entry;
        }
        else
        {
            var start = reader.TokenStartIndex;
            if (!reader.TrySkip())
                return Rewind(before, beforeConsumed);
            var memory = _buffer.AsMemory(_pos + (int)start, (int)(reader.BytesConsumed - start));
            using var doc = JsonDocument.Parse(memory, new JsonDocumentOptions { MaxDepth = 256, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            _item = ObservationParser.Parse(doc.RootElement, index);
        }
        _itemIndex++;
        Commit(ref reader);
        return StepResult.Item;
    }

    private void ReadContext(long start, long end)
    {
        var memory = _buffer.AsMemory(_pos + (int)start, (int)(end - start));
        try
        {
            Context = JsonSerializer.Deserialize<TrafficContext>(memory.Span, EngineJson.Options);
            ContextAfterEntries = _itemIndex > 0;
        }
        catch (JsonException ex)
        {
            _warnings.Add($"log._context: not a traffic context ({FirstSentence(ex.Message)}); ignored");
        }
    }

    private void Commit(ref Utf8JsonReader reader)
    {
        _state = reader.CurrentState;
        _pos += (int)reader.BytesConsumed;
        _committed += reader.BytesConsumed;
    }

    private StepResult Rewind(JsonReaderState before, long beforeConsumed)
    {
        _state = before;
        _pos += (int)beforeConsumed;
        _committed += beforeConsumed;
        if (_eof)
            throw new TrafficFormatException($"{Where()}: the capture ends early (truncated at byte {_committed})");
        return StepResult.NeedMore;
    }

    private void Fill()
    {
        var pending = _len - _pos;
        if (pending > 0 && _pos > 0)
            Buffer.BlockCopy(_buffer, _pos, _buffer, 0, pending);
        _pos = 0;
        _len = pending;
        if (_len == _buffer.Length)
        {
            if (_buffer.Length >= _limits.MaxEntryBytes)
                throw new TrafficFormatException($"{Where()}: larger than the limit of {_limits.MaxEntryBytes / (1024 * 1024)} MB for one entry");
            Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, _limits.MaxEntryBytes));
        }
        do
        {
            var n = _stream.Read(_buffer, _len, _buffer.Length - _len);
            if (n == 0)
                _eof = true;
            _len += n;
        }
        while (!_eof && _committed == 0 && _len < 3);
        if (_committed == 0 && _len >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
        {
            // A UTF-8 byte-order mark some exporters write; Utf8JsonReader does not skip it.
            _pos = 3;
            _committed = 3;
        }
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    internal static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim().TrimEnd('.');
    }
}
