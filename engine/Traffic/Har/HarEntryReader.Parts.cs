using System.Text;
using System.Text.Json;

namespace Compliance.Engine.Traffic.Har;

/// <summary>The smaller HAR structures: response content, WebSocket frames, name/value pairs, scalars.</summary>
internal static partial class HarEntryReader
{
    /// <summary>Of a response body only the HTML title is kept, or a small gzip body (to report corruption).</summary>
    private static bool ReadContent(ref Utf8JsonReader r, TrafficLimits limits, ref string? mime, ref string? text, ref string? encoding, ref string? title)
    {
        if (r.TokenType != JsonTokenType.StartObject)
            return Skip(ref r);
        while (true)
        {
            if (!r.Read())
                return false;
            if (r.TokenType == JsonTokenType.EndObject)
                return true;
            var name = Name(ref r, s_contentNames);
            if (!r.Read())
                return false;
            switch (name)
            {
                case "mimeType":
                    Scalar(ref r, out mime);
                    break;
                case "encoding":
                    Scalar(ref r, out encoding);
                    break;
                case "text" when r.TokenType == JsonTokenType.String:
                    if (r.ValueSpan.Length <= limits.MaxResponseTextBytes && r.ValueSpan.TrimStart(" \t\r\n"u8).StartsWith("H4sI"u8))
                        text = r.GetString();
                    else if (LooksLikeHtml(r.ValueSpan, mime))
                        title = HtmlTitle.Find(r.ValueSpan);
                    break;
                default:
                    if (!Skip(ref r))
                        return false;
                    break;
            }
        }
    }

    private static bool LooksLikeHtml(ReadOnlySpan<byte> raw, string? mime)
    {
        if (mime?.Contains("html", StringComparison.OrdinalIgnoreCase) == true)
            return true;
        var t = raw.TrimStart(" \t\r\n"u8);
        return t.StartsWith("<"u8) || t.StartsWith("\\u003c"u8) || t.StartsWith("\\u003C"u8);
    }

    private static bool ReadMessages(ref Utf8JsonReader r, Builder b)
    {
        if (r.TokenType != JsonTokenType.StartArray)
            return Skip(ref r);
        while (true)
        {
            if (!r.Read())
                return false;
            if (r.TokenType == JsonTokenType.EndArray)
                return true;
            if (r.TokenType != JsonTokenType.StartObject)
            {
                if (!Skip(ref r))
                    return false;
                continue;
            }
            string? type = null, data = null, opcode = null;
            while (true)
            {
                if (!r.Read())
                    return false;
                if (r.TokenType == JsonTokenType.EndObject)
                    break;
                var name = Name(ref r, s_messageNames);
                if (!r.Read())
                    return false;
                var ok = name switch
                {
                    "type" => Scalar(ref r, out type),
                    "data" => Scalar(ref r, out data),
                    "opcode" => Scalar(ref r, out opcode),
                    _ => Skip(ref r),
                };
                if (!ok)
                    return false;
            }
            b.Messages.Add(new HarWebSocketMessage(type ?? "", data ?? "", int.TryParse(opcode, out var op) ? op : 1));
        }
    }

    private static bool ReadPairs(ref Utf8JsonReader r, List<HarPair> pairs, int index, string field)
    {
        if (r.TokenType == JsonTokenType.Null)
            return true;
        if (r.TokenType != JsonTokenType.StartArray)
            throw new TrafficFormatException($"entry {index}: {field} is not an array");
        var i = 0;
        while (true)
        {
            if (!r.Read())
                return false;
            if (r.TokenType == JsonTokenType.EndArray)
                return true;
            if (r.TokenType != JsonTokenType.StartObject)
                throw new TrafficFormatException($"entry {index}: {field}[{i}] is not an object");
            string? name = null, value = null;
            while (true)
            {
                if (!r.Read())
                    return false;
                if (r.TokenType == JsonTokenType.EndObject)
                    break;
                var property = Name(ref r, s_pairNames);
                if (!r.Read())
                    return false;
                var ok = property switch
                {
                    "name" => Scalar(ref r, out name),
                    "value" => Scalar(ref r, out value),
                    _ => Skip(ref r),
                };
                if (!ok)
                    return false;
            }
            // Exporters write empty names (query strings like "?&a=1"); keep them, they still carry values.
            pairs.Add(new HarPair(name ?? "", value ?? ""));
            i++;
        }
    }

    /// <summary>A string, or the text of a number or boolean; objects and arrays are skipped as null.</summary>
    private static bool Scalar(ref Utf8JsonReader r, out string? value)
    {
        value = r.TokenType switch
        {
            JsonTokenType.String => r.GetString(),
            JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => Encoding.UTF8.GetString(r.ValueSpan),
            _ => null,
        };
        return Skip(ref r);
    }

    private static bool Skip(ref Utf8JsonReader r) =>
        r.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray) || r.TrySkip();
}
