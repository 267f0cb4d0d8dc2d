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
    private string? _location;
    private Decoding.ValuePath? _path;

    /// <summary>The most specific ontology data type.</summary>
    public required string Type { get; init; }
    public required string Value { get; init; }
    /// <summary>The decoding path, e.g. "body → base64 → json $.events[2].url".</summary>
    public string Location
    {
        // Detectors give the path; its text is made only for the items a flow keeps.
        get => _location ??= _path?.ToString() ?? "";
        init => _location = value;
    }
    /// <summary>The decoding path before it is written out as <see cref="Location"/>.</summary>
    internal Decoding.ValuePath? Path
    {
        get => _path;
        init => _path = value;
    }
    /// <summary>known-value, pattern, url-in-payload, search-term, app-activity …</summary>
    public required string Detector { get; init; }
    public double Confidence { get; init; }
    /// <summary>True when the value was sent as a hash of the original (MD5/SHA-1/SHA-256).</summary>
    public bool Hashed { get; init; }

    // Equal items are equal whether or not their location has been written out yet.
    public bool Equals(DataItem? other) =>
        other is not null && Type == other.Type && Value == other.Value && Location == other.Location
        && Detector == other.Detector && Confidence.Equals(other.Confidence) && Hashed == other.Hashed;

    public override int GetHashCode() => HashCode.Combine(Type, Value, Location, Detector, Confidence, Hashed);
}
