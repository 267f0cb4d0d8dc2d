namespace Compliance.Engine.Traffic;

/// <summary>One transmission of personal data found in traffic (CONTRACT.md, "Flow").</summary>
public sealed record Flow
{
    public required string Id { get; init; }
    /// <summary>0-based position of the entry in the HAR's log.entries (or of the observation).</summary>
    public required int EntryIndex { get; init; }
    /// <summary>File name of the capture the flow came from, when there are several.</summary>
    public string? Capture { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public required string Method { get; init; }
    public required string Url { get; init; }
    public required Destination Destination { get; init; }
    public TrafficContext? Context { get; init; }
    public IReadOnlyList<DataItem> Data { get; init; } = [];
}

/// <summary>Where a flow went and who is behind that host.</summary>
public sealed record Destination
{
    public required string Host { get; init; }
    public string? Organization { get; init; }
    /// <summary>An ontology recipient id: first-party, service-provider, third-party, advertiser …</summary>
    public required string Recipient { get; init; }
    public string? HostingOrganization { get; init; }
    /// <summary>ISO 3166 alpha-2 country of the server, when known.</summary>
    public string? Country { get; init; }
    public string? ServerIp { get; init; }
}

/// <summary>One piece of personal data inside a flow, with where and how it was found.</summary>
public sealed record DataItem
{
    /// <summary>The most specific ontology data type.</summary>
    public required string Type { get; init; }
    public required string Value { get; init; }
    /// <summary>The decoding path, e.g. "body → base64 → json $.events[2].url".</summary>
    public required string Location { get; init; }
    /// <summary>known-value, pattern, url-in-payload, search-term, app-activity …</summary>
    public required string Detector { get; init; }
    public double Confidence { get; init; }
    /// <summary>True when the value was sent as a hash of the original (MD5/SHA-1/SHA-256).</summary>
    public bool Hashed { get; init; }
}
