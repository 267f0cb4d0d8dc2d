namespace Compliance.Engine.Traffic.Har;

/// <summary>Bounds that keep hostile captures from taking unbounded memory or time.</summary>
public sealed record TrafficLimits
{
    /// <summary>Largest single entry (its JSON text) the reader buffers.</summary>
    public int MaxEntryBytes { get; init; } = 64 * 1024 * 1024;
    /// <summary>Largest request body that is decoded; bigger bodies are skipped with a warning.</summary>
    public int MaxBodyBytes { get; init; } = 16 * 1024 * 1024;
    /// <summary>Largest response body kept (HTML for page titles, gzip to report corruption); responses are never flows.</summary>
    public int MaxResponseTextBytes { get; init; } = 1024 * 1024;
    /// <summary>How many decoding layers are peeled at most.</summary>
    public int MaxDecodeDepth { get; init; } = 12;
    /// <summary>Total bytes all decoding layers of one entry may produce (decompression bombs stop here).</summary>
    public long MaxDecodedBytes { get; init; } = 32L * 1024 * 1024;
    /// <summary>Largest JSON nesting inside a payload.</summary>
    public int MaxJsonDepth { get; init; } = 64;

    /// <summary>A gzip/zlib capture may expand at most this many times (real HARs compress 5–20×).</summary>
    public int MaxCaptureExpansion { get; init; } = 1000;
    /// <summary>The expansion check starts once this much has been inflated (tiny files have odd ratios).</summary>
    public long MinBombBytes { get; init; } = 64L * 1024 * 1024;

    public static TrafficLimits Default { get; } = new();
}
