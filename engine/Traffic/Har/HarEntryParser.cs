using System.Globalization;
using System.Text.Json;

namespace Compliance.Engine.Traffic.Har;

/// <summary>Turns one log.entries element into a HarEntry; a missing or mistyped field names itself.</summary>
internal static class HarEntryParser
{
    public static HarEntry Parse(JsonElement entry, int index)
    {
        if (!entry.TryGetProperty("request", out var request) || request.ValueKind != JsonValueKind.Object)
            throw Missing(index, "request");
        var url = RequiredString(request, "url", index, "request.url");
        var method = OptionalString(request, "method") ?? "GET";
        return new HarEntry
        {
            Index = index,
            StartedAt = ParseTime(OptionalString(entry, "startedDateTime")),
            Method = method.ToUpperInvariant(),
            Url = url,
            Headers = Pairs(request, "headers", index, "request.headers"),
            QueryString = Pairs(request, "queryString", index, "request.queryString"),
            Cookies = Pairs(request, "cookies", index, "request.cookies"),
            PostData = PostData(request, index),
            Response = Response(entry, index),
            ServerIp = OptionalString(entry, "serverIPAddress"),
            WebSocketMessages = WebSocket(entry),
        };
    }

    private static TrafficFormatException Missing(int index, string field) => new($"entry {index}: {field} is missing");

    private static string RequiredString(JsonElement obj, string name, int index, string field)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            throw Missing(index, field);
        if (value.ValueKind != JsonValueKind.String)
            throw new TrafficFormatException($"entry {index}: {field} is not a string");
        return value.GetString()!;
    }

    internal static string? OptionalString(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                _ => null,
            }
            : null;

    private static IReadOnlyList<HarPair> Pairs(JsonElement obj, string name, int index, string field)
    {
        if (!obj.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
            return [];
        if (array.ValueKind != JsonValueKind.Array)
            throw new TrafficFormatException($"entry {index}: {field} is not an array");
        var pairs = new List<HarPair>();
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
                throw new TrafficFormatException($"entry {index}: {field}[{i}] is not an object");
            // Exporters write empty names (query strings like "?&a=1"); keep them, they still carry values.
            pairs.Add(new HarPair(OptionalString(item, "name") ?? "", OptionalString(item, "value") ?? ""));
            i++;
        }
        return pairs;
    }

    private static HarPostData? PostData(JsonElement request, int index)
    {
        if (!request.TryGetProperty("postData", out var post) || post.ValueKind != JsonValueKind.Object)
            return null;
        return new HarPostData
        {
            MimeType = OptionalString(post, "mimeType"),
            Text = OptionalString(post, "text"),
            Encoding = OptionalString(post, "encoding"),
            Params = Pairs(post, "params", index, "request.postData.params"),
        };
    }

    private static HarResponse? Response(JsonElement entry, int index)
    {
        if (!entry.TryGetProperty("response", out var response) || response.ValueKind != JsonValueKind.Object)
            return null;
        response.TryGetProperty("content", out var content);
        var status = 0;
        if (response.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Number)
            s.TryGetInt32(out status);
        return new HarResponse
        {
            Status = status,
            MimeType = OptionalString(content, "mimeType"),
            Text = OptionalString(content, "text"),
            Encoding = OptionalString(content, "encoding"),
            Headers = Pairs(response, "headers", index, "response.headers"),
        };
    }

    private static IReadOnlyList<HarWebSocketMessage> WebSocket(JsonElement entry)
    {
        if (!entry.TryGetProperty("_webSocketMessages", out var messages) || messages.ValueKind != JsonValueKind.Array)
            return [];
        var list = new List<HarWebSocketMessage>();
        foreach (var m in messages.EnumerateArray())
        {
            if (m.ValueKind != JsonValueKind.Object)
                continue;
            var opcode = m.TryGetProperty("opcode", out var op) && op.ValueKind == JsonValueKind.Number && op.TryGetInt32(out var o) ? o : 1;
            list.Add(new HarWebSocketMessage(OptionalString(m, "type") ?? "", OptionalString(m, "data") ?? "", opcode));
        }
        return list;
    }

    private static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUniversalTime()
            : null;
}
