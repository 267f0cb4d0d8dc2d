using Compliance.Engine.Traffic.Har;

namespace Compliance.Engine.Traffic.Decoding;

/// <summary>
/// Collects the decoded values of what a request sends: URL path and query, non-standard headers,
/// the body and WebSocket frames sent. Responses and standard headers are out of scope.
/// </summary>
public static class RequestPayload
{
    private static readonly string[] s_standardPrefixes = ["accept", "content-", "sec-", "if-", "proxy-", "access-control-", ":"];
    private static readonly HashSet<string> s_standardHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "user-agent", "referer", "origin", "cookie", "authorization", "date", "host", "connection", "cache-control", "pragma",
        "upgrade-insecure-requests", "dnt", "range", "te", "upgrade", "via", "keep-alive", "priority", "expect", "x-requested-with",
        "purpose", "save-data", "downlink", "ect", "rtt", "viewport-width", "device-memory", "dpr", "width", "trailer",
        "transfer-encoding", "sec-gpc", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port",
    };

    public static bool IsStandardHeader(string name)
    {
        if (s_standardHeaders.Contains(name))
            return true;
        foreach (var prefix in s_standardPrefixes)
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

    public static IReadOnlyList<PayloadValue> Collect(HarEntry entry, Uri? url, PayloadDecoder decoder, FieldNameCache names)
    {
        var root = DecodeScope.Root("body", FieldName.None, ValuePath.Root("body"), ValueOrigin.Body);
        if (url is not null)
        {
            var urlPath = ValuePath.Root("url path");
            var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < segments.Length; i++)
            {
                var segment = Uri.UnescapeDataString(segments[i]);
                if (segment.Length >= 6)
                    decoder.DecodeString(segment, DecodeScope.Root($"url path[{i}]", FieldName.None, urlPath, ValueOrigin.UrlPath));
            }
        }
        var query = ValuePath.Root("query");
        foreach (var (name, value) in QueryPairs(entry, url))
            decoder.DecodeString(value, DecodeScope.Root($"query {name}", names.Get(name), query, ValueOrigin.Query, names));
        var headers = ValuePath.Root("headers");
        foreach (var header in entry.Headers)
            if (!IsStandardHeader(header.Name))
                decoder.DecodeString(header.Value, DecodeScope.Root($"header {header.Name}", names.Get(header.Name), headers, ValueOrigin.Header, names));
        CollectBody(entry, decoder, root, names);
        var frame = 0;
        foreach (var message in entry.WebSocketMessages)
        {
            if (string.Equals(message.Type, "send", StringComparison.OrdinalIgnoreCase))
                decoder.DecodeString(message.Data, DecodeScope.Root($"websocket[{frame}]", FieldName.None, ValuePath.Root($"websocket[{frame}]"), ValueOrigin.WebSocket));
            frame++;
        }
        return decoder.Values;
    }

    private static IEnumerable<(string Name, string Value)> QueryPairs(HarEntry entry, Uri? url)
    {
        var query = url?.Query;
        if (!string.IsNullOrEmpty(query) && query.Length > 1)
            return FormCodec.SplitPairs(query[1..]);
        return entry.QueryString.Select(p => (p.Name, p.Value));
    }

    private static void CollectBody(HarEntry entry, PayloadDecoder decoder, DecodeScope body, FieldNameCache names)
    {
        var post = entry.PostData;
        if (post is null)
            return;
        var contentEncoding = entry.Header("Content-Encoding")?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(post.Text))
        {
            if (string.Equals(post.Encoding, "base64", StringComparison.OrdinalIgnoreCase) && Codecs.TryBase64(post.Text, out var bytes, out _))
                decoder.DecodeBytes(bytes, body, 0, contentEncoding);
            else
                decoder.DecodeString(post.Text, body);
            return;
        }
        // Only params: some exporters drop the text of form posts.
        foreach (var p in post.Params)
            decoder.DecodeString(p.Value, body.Named($"form {p.Name}", names.Get(p.Name), names), 1);
    }
}
