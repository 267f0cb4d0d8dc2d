using System.Globalization;
using System.Text.Json;

namespace Compliance.Engine.Traffic.Har;

/// <summary>
/// Reads one log.entries object straight from the HAR reader's token stream (no DOM), keeping only
/// what the analysis uses. Returns false when the buffer ends inside the entry, so the caller can
/// refill and read the entry again; a missing or mistyped field names the entry and field.
/// </summary>
internal static partial class HarEntryReader
{
    private sealed class Builder(int index)
    {
        public readonly int Index = index;
        public bool HasRequest;
        public string? Url, Method, Started, ServerIp;
        public List<HarPair> Headers = [], Query = [], Cookies = [];
        public HarPostData? Post;
        public HarResponse? Response;
        public List<HarWebSocketMessage> Messages = [];
    }

    private static readonly PropertyNames s_entryNames = new("request", "response", "startedDateTime", "serverIPAddress", "_webSocketMessages");
    private static readonly PropertyNames s_requestNames = new("url", "method", "headers", "queryString", "cookies", "postData");
    private static readonly PropertyNames s_postNames = new("mimeType", "text", "encoding", "params");
    private static readonly PropertyNames s_responseNames = new("status", "content");
    private static readonly PropertyNames s_contentNames = new("mimeType", "encoding", "text");
    private static readonly PropertyNames s_messageNames = new("type", "data", "opcode");
    private static readonly PropertyNames s_pairNames = new("name", "value");

    /// <summary>The property names one HAR object kind is read for, kept as UTF-8 so they compare with the raw token.</summary>
    private sealed class PropertyNames(params string[] names)
    {
        public readonly string[] Names = names;
        public readonly byte[][] Utf8 = [.. names.Select(System.Text.Encoding.UTF8.GetBytes)];
    }

    /// <summary>The property name if it is one of <paramref name="names"/> (no string is allocated), else "".</summary>
    private static string Name(ref Utf8JsonReader r, PropertyNames names)
    {
        // Names with escapes are rare; ValueTextEquals unescapes them, the raw comparison does not.
        if (!r.ValueIsEscaped)
        {
            var raw = r.ValueSpan;
            for (var i = 0; i < names.Utf8.Length; i++)
                if (raw.SequenceEqual(names.Utf8[i]))
                    return names.Names[i];
            return "";
        }
        for (var i = 0; i < names.Utf8.Length; i++)
            if (r.ValueTextEquals(names.Utf8[i]))
                return names.Names[i];
        return "";
    }

    public static bool TryRead(ref Utf8JsonReader r, int index, TrafficLimits limits, out HarEntry? entry)
    {
        entry = null;
        var b = new Builder(index);
        while (true)
        {
            if (!r.Read())
                return false;
            if (r.TokenType == JsonTokenType.EndObject)
                break;
            var name = Name(ref r, s_entryNames);
            if (!r.Read())
                return false;
            var ok = name switch
            {
                "request" => ReadRequest(ref r, b),
                "response" => ReadResponse(ref r, b, limits),
                "startedDateTime" => Scalar(ref r, out b.Started),
                "serverIPAddress" => Scalar(ref r, out b.ServerIp),
                "_webSocketMessages" => ReadMessages(ref r, b),
                _ => Skip(ref r),
            };
            if (!ok)
                return false;
        }
        if (!b.HasRequest)
            throw new TrafficFormatException($"entry {index}: request is missing");
        if (b.Url is null)
            throw new TrafficFormatException($"entry {index}: request.url is missing");
        entry = new HarEntry
        {
            Index = index,
            StartedAt = DateTimeOffset.TryParse(b.Started, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t.ToUniversalTime() : null,
            Method = (b.Method ?? "GET").ToUpperInvariant(),
            Url = b.Url,
            Headers = b.Headers,
            QueryString = b.Query,
            Cookies = b.Cookies,
            PostData = b.Post,
            Response = b.Response,
            ServerIp = b.ServerIp,
            WebSocketMessages = b.Messages,
        };
        return true;
    }

    private static bool ReadRequest(ref Utf8JsonReader r, Builder b)
    {
        if (r.TokenType != JsonTokenType.StartObject)
            throw new TrafficFormatException($"entry {b.Index}: request is not an object");
        b.HasRequest = true;
        while (true)
        {
            if (!r.Read())
                return false;
            if (r.TokenType == JsonTokenType.EndObject)
                return true;
            var name = Name(ref r, s_requestNames);
            if (!r.Read())
                return false;
            bool ok;
            switch (name)
            {
                case "url":
                    if (r.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
                        throw new TrafficFormatException($"entry {b.Index}: request.url is not a string");
                    ok = Scalar(ref r, out b.Url);
                    break;
                case "method": ok = Scalar(ref r, out b.Method); break;
                case "headers": ok = ReadPairs(ref r, b.Headers, b.Index, "request.headers"); break;
                case "queryString": ok = ReadPairs(ref r, b.Query, b.Index, "request.queryString"); break;
                case "cookies": ok = ReadPairs(ref r, b.Cookies, b.Index, "request.cookies"); break;
                case "postData": ok = ReadPostData(ref r, b); break;
                default: ok = Skip(ref r); break;
            }
            if (!ok)
                return false;
        }
    }

    private static bool ReadPostData(ref Utf8JsonReader r, Builder b)
    {
        if (r.TokenType != JsonTokenType.StartObject)
            return Skip(ref r);
        string? mime = null, text = null, encoding = null;
        var pairs = new List<HarPair>();
        while (true)
        {
            if (!r.Read())
                return false;
            if (r.TokenType == JsonTokenType.EndObject)
                break;
            var name = Name(ref r, s_postNames);
            if (!r.Read())
                return false;
            var ok = name switch
            {
                "mimeType" => Scalar(ref r, out mime),
                "text" => Scalar(ref r, out text),
                "encoding" => Scalar(ref r, out encoding),
                "params" => ReadPairs(ref r, pairs, b.Index, "request.postData.params"),
                _ => Skip(ref r),
            };
            if (!ok)
                return false;
        }
        b.Post = new HarPostData { MimeType = mime, Text = text, Encoding = encoding, Params = pairs };
        return true;
    }

    private static bool ReadResponse(ref Utf8JsonReader r, Builder b, TrafficLimits limits)
    {
        if (r.TokenType != JsonTokenType.StartObject)
            return Skip(ref r);
        var status = 0;
        string? mime = null, text = null, encoding = null, title = null;
        while (true)
        {
            if (!r.Read())
                return false;
            if (r.TokenType == JsonTokenType.EndObject)
                break;
            var name = Name(ref r, s_responseNames);
            if (!r.Read())
                return false;
            bool ok;
            switch (name)
            {
                case "status":
                    if (r.TokenType == JsonTokenType.Number)
                        r.TryGetInt32(out status);
                    ok = Skip(ref r);
                    break;
                case "content": ok = ReadContent(ref r, limits, ref mime, ref text, ref encoding, ref title); break;
                default: ok = Skip(ref r); break;
            }
            if (!ok)
                return false;
        }
        b.Response = new HarResponse { Status = status, MimeType = mime, Text = text, Encoding = encoding, Title = title };
        return true;
    }
}
