using System.Text;
using System.Text.Json;
using Compliance.Engine.Traffic.Har;

namespace Compliance.Engine.Traffic.Decoding;

/// <summary>
/// Peels the encoding layers of one request's values recursively (URL and form encoding, JSON, JSON in
/// strings, base64/base64url, hex, gzip/zlib/deflate/brotli, multipart) within depth and size bounds,
/// and collects every scalar found with its path.
/// </summary>
public sealed partial class PayloadDecoder(
    TrafficLimits limits, string entryLabel, ICollection<string> warnings, FieldNameCache? names = null, PlainStrings? plain = null)
{
    private readonly FieldNameCache _names = names ?? new FieldNameCache();

    private readonly List<PayloadValue> _values = [];
    private long _budget = limits.MaxDecodedBytes;
    private bool _budgetReported;

    public IReadOnlyList<PayloadValue> Values => _values;

    public void DecodeString(string s, DecodeScope scope, int depth = 0)
    {
        if (s.Length == 0)
            return;
        if (s.Length > limits.MaxBodyBytes)
        {
            warnings.Add($"{entryLabel}: {scope.Location}: value of {s.Length} characters is over the body limit; not decoded");
            return;
        }
        if (depth >= limits.MaxDecodeDepth || !Spend(s.Length) || plain?.Contains(s) == true)
        {
            Emit(s, scope);
            return;
        }
        var t = s.Trim();
        if (TextSniffer.LooksLikeJson(t) && TryJson(t, scope, depth))
            return;
        if (t.StartsWith("--", StringComparison.Ordinal) && Multipart.TrySplit(Encoding.UTF8.GetBytes(t), out var parts))
        {
            DecodeParts(parts, scope, depth);
            return;
        }
        if (DataUri(t) is { } data)
        {
            if (Codecs.TryBase64(data, out var dataBytes, out _))
                DecodeBytes(dataBytes, scope.Step("data-uri base64"), depth + 1, hint: null, fromText: true);
            else
                Emit(s, scope);
            return;
        }
        // Hex digits are base64 characters too: hex that decodes to text is taken first.
        if (TryHexLayer(t, scope, depth) || TryBase64Layer(t, scope, depth))
            return;
        if (FormCodec.TryParse(t, out var pairs))
        {
            foreach (var (name, value) in pairs)
                DecodeString(value, scope.Named($"form {name}", _names.Get(name), _names), depth + 1);
            return;
        }
        Emit(s, scope);
        if (t.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || t.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            DecodeUrlQuery(t, scope, depth);
            return;
        }
        if (t.Contains('%') && FormCodec.TryPercentDecode(t, out var unescaped) && unescaped != t)
        {
            DecodeString(unescaped, scope.Step("url-decoded"), depth + 1);
            return;
        }
        // No layer applied, and trying them had no effect beside this: the next time the text is taken as it is.
        plain?.Add(s);
    }

    /// <summary>Raw bytes of a body or of a decoded layer.</summary>
    public void DecodeBytes(byte[] bytes, DecodeScope scope, int depth, string? hint, bool fromText = false)
    {
        if (bytes.Length == 0 || depth >= limits.MaxDecodeDepth)
            return;
        var method = TextSniffer.IsGzip(bytes) ? "gzip"
            : TextSniffer.IsZlib(bytes) ? "zlib"
            : hint is "br" ? "brotli"
            : hint is "deflate" ? "deflate"
            : null;
        if (method is not null)
        {
            // Two zlib header bytes happen by chance in random data: only gzip, or a declared encoding, is reported.
            var declared = method == "gzip" || hint is not null;
            if (Inflate(bytes, method, scope, depth, reportInvalid: declared) || declared)
                return;
        }
        if (TextSniffer.MediaType(bytes) is { } media)
        {
            EmitMedia(media, bytes.Length, scope);
            return;
        }
        if (LooksLikeJson(bytes) && Spend(bytes.Length) && TryJson(bytes, scope, depth))
            return;
        // A multipart body with binary parts (HAR exporters write it as base64) is split on bytes, not text.
        if (!fromText && Multipart.TrySplit(bytes, out var binaryParts))
        {
            DecodeParts(binaryParts, scope, depth);
            return;
        }
        if (TextSniffer.TryText(bytes, out var text))
        {
            if (fromText && text.Length < 4)
                return;
            DecodeString(text, scope, depth);
            return;
        }
        // No magic bytes: brotli and raw deflate are tried, kept only when they give text.
        if (!fromText && bytes.Length >= 8)
        {
            if (!Inflate(bytes, "brotli", scope, depth, reportInvalid: false))
                Inflate(bytes, "deflate", scope, depth, reportInvalid: false);
        }
    }

    private bool Inflate(byte[] bytes, string method, DecodeScope scope, int depth, bool reportInvalid)
    {
        var limit = Math.Min(_budget, limits.MaxBodyBytes);
        var result = Codecs.TryInflate(bytes, method, limit, out var output);
        var step = scope.Step(method);
        switch (result)
        {
            case Codecs.InflateResult.TooLarge:
                warnings.Add($"{entryLabel}: {step.Location}: decompressed data exceeds the limit of {limit} bytes; not followed (possible decompression bomb)");
                return true;
            case Codecs.InflateResult.Invalid:
                if (reportInvalid)
                    warnings.Add($"{entryLabel}: {step.Location}: {method} data does not decompress; skipped");
                return false;
        }
        if (!reportInvalid && !TextSniffer.IsText(output))
            return false;
        if (!Spend(output.Length))
            return true;
        DecodeBytes(output, step, depth + 1, hint: null);
        return true;
    }

    private bool TryBase64Layer(string t, DecodeScope scope, int depth)
    {
        if (!Codecs.TryBase64(t, out var bytes, out var url))
            return false;
        var worth = TextSniffer.IsGzip(bytes) || TextSniffer.IsZlib(bytes) || TextSniffer.IsText(bytes) || TextSniffer.MediaType(bytes) is not null;
        if (!worth)
            return false;
        // Keep the raw form too: a short base64-looking word might be a plain value after all.
        Emit(t, scope);
        DecodeBytes(bytes, scope.Step(url ? "base64url" : "base64"), depth + 1, hint: null, fromText: true);
        return true;
    }

    private bool TryHexLayer(string t, DecodeScope scope, int depth)
    {
        if (!Codecs.TryHex(t, out var bytes))
            return false;
        if (!TextSniffer.IsGzip(bytes) && !TextSniffer.IsZlib(bytes) && !TextSniffer.IsText(bytes))
            return false;
        Emit(t, scope);
        DecodeBytes(bytes, scope.Step("hex"), depth + 1, hint: null, fromText: true);
        return true;
    }

    private void DecodeUrlQuery(string url, DecodeScope scope, int depth)
    {
        var q = url.IndexOf('?');
        if (q < 0 || q == url.Length - 1)
            return;
        var query = url[(q + 1)..];
        var hash = query.IndexOf('#');
        if (hash >= 0)
            query = query[..hash];
        foreach (var (name, value) in FormCodec.SplitPairs(query))
            DecodeString(value, scope.Named($"url-query {name}", _names.Get(name), _names), depth + 1);
    }

    private bool Spend(long bytes)
    {
        _budget -= bytes;
        if (_budget >= 0)
            return true;
        if (!_budgetReported)
        {
            _budgetReported = true;
            warnings.Add($"{entryLabel}: decoded data exceeds the limit of {limits.MaxDecodedBytes} bytes; the rest is not decoded");
        }
        return false;
    }

    /// <summary>
    /// The parts of a multipart body: media by its declared type (a binary part written into a text body is not
    /// readable any more, its type still says what it was), text as text, anything else as bytes.
    /// </summary>
    private void DecodeParts(List<(string Name, string? Type, byte[] Body)> parts, DecodeScope scope, int depth)
    {
        foreach (var (name, type, body) in parts)
        {
            var part = scope.Named($"multipart {name}", _names.Get(name), _names);
            if (type is not null && Multipart.IsMedia(type))
                EmitMedia(type, body.Length, part);
            else if (System.Text.Unicode.Utf8.IsValid(body))
                DecodeString(Encoding.UTF8.GetString(body), part, depth + 1);
            else
                DecodeBytes(body, part, depth + 1, hint: null);
        }
    }

    /// <summary>The base64 part of a "data:image/png;base64,…" URI, or null.</summary>
    private static string? DataUri(string t)
    {
        if (!t.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            return null;
        var marker = t.IndexOf(";base64,", StringComparison.OrdinalIgnoreCase);
        return marker is > 5 and < 200 ? t[(marker + 8)..] : null;
    }

    /// <summary>Binary media is described, not decoded: its type, its size and where it was.</summary>
    private void EmitMedia(string mediaType, long length, DecodeScope scope) =>
        Emit($"{mediaType}, {length} bytes", scope.Step(mediaType), mediaType: mediaType, mediaLength: length);

    private void Emit(string value, DecodeScope scope, bool isNumber = false, bool isBoolean = false, string? mediaType = null, long mediaLength = 0) =>
        _values.Add(new PayloadValue
        {
            Value = value,
            Path = scope.Location,
            Name = scope.Field,
            Trail = scope.Trail,
            Container = scope.Container,
            Origin = scope.Origin,
            IsNumber = isNumber,
            IsBoolean = isBoolean,
            Decoded = scope.Decoded,
            MediaType = mediaType,
            MediaLength = mediaLength,
        });

    /// <summary>Decoded bytes that are a JSON object or array are parsed as they are, without a string in between.</summary>
    private static bool LooksLikeJson(ReadOnlySpan<byte> bytes)
    {
        var t = bytes.Trim(" \t\r\n"u8);
        return t.Length >= 2 && ((t[0] == '{' && t[^1] == '}') || (t[0] == '[' && t[^1] == ']'));
    }

    private bool TryJson(byte[] bytes, DecodeScope scope, int depth)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = limits.MaxJsonDepth });
        }
        catch (JsonException)
        {
            return false;
        }
        return Walk(doc, scope, depth);
    }

    private bool TryJson(string t, DecodeScope scope, int depth)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(t, new JsonDocumentOptions { MaxDepth = limits.MaxJsonDepth });
        }
        catch (JsonException)
        {
            return false;
        }
        return Walk(doc, scope, depth);
    }

    private bool Walk(JsonDocument doc, DecodeScope scope, int depth)
    {
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.String)
            {
                DecodeString(root.GetString()!, scope.Step("json-string"), depth + 1);
                return true;
            }
            WalkJson(root, scope with { Location = scope.Location.Step("json $") }, depth + 1);
        }
        return true;
    }
}

/// <summary>
/// Texts of one capture that carry no encoding layer. Analytics SDKs send the same event names and
/// device properties in every request; each is tried against the layers once. Bounded, so a hostile
/// capture cannot grow it without end.
/// </summary>
public sealed class PlainStrings
{
    private const int MaxTexts = 50_000;
    private const int MaxLength = 512;
    private readonly HashSet<string> _texts = new(StringComparer.Ordinal);

    public bool Contains(string text) => text.Length <= MaxLength && _texts.Contains(text);

    public void Add(string text)
    {
        if (text.Length <= MaxLength && _texts.Count < MaxTexts)
            _texts.Add(text);
    }
}
