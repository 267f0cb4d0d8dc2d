namespace Compliance.Engine.Traffic.Har;

/// <summary>A name/value pair of a HAR header, query parameter, cookie or form parameter.</summary>
public sealed record HarPair(string Name, string Value);

/// <summary>The request body of a HAR entry as the exporter wrote it.</summary>
public sealed record HarPostData
{
    public string? MimeType { get; init; }
    public string? Text { get; init; }
    /// <summary>Non-standard "encoding": "base64" some exporters write for binary request bodies.</summary>
    public string? Encoding { get; init; }
    public IReadOnlyList<HarPair> Params { get; init; } = [];
}

/// <summary>The parts of a HAR response the analysis needs (responses are never flows, so their headers are skipped).</summary>
public sealed record HarResponse
{
    public int Status { get; init; }
    public string? MimeType { get; init; }
    public string? Text { get; init; }
    public string? Encoding { get; init; }
    /// <summary>The &lt;title&gt; of an HTML response (the body itself is not kept).</summary>
    public string? Title { get; init; }
}

/// <summary>One frame of the Chrome/mitmproxy "_webSocketMessages" extension.</summary>
public sealed record HarWebSocketMessage(string Type, string Data, int Opcode);

/// <summary>One entry of log.entries, read on its own.</summary>
public sealed record HarEntry
{
    public required int Index { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public required string Method { get; init; }
    public required string Url { get; init; }
    public IReadOnlyList<HarPair> Headers { get; init; } = [];
    public IReadOnlyList<HarPair> QueryString { get; init; } = [];
    public IReadOnlyList<HarPair> Cookies { get; init; } = [];
    public HarPostData? PostData { get; init; }
    public HarResponse? Response { get; init; }
    public string? ServerIp { get; init; }
    public IReadOnlyList<HarWebSocketMessage> WebSocketMessages { get; init; } = [];

    public string? Header(string name)
    {
        foreach (var h in Headers)
            if (string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))
                return h.Value;
        return null;
    }
}
