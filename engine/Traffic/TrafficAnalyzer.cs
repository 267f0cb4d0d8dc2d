namespace Compliance.Engine.Traffic;

/// <summary>What the analyzer needs beside the capture: who the vendor is.</summary>
public sealed record TrafficOptions
{
    public string? VendorName { get; init; }
    public IReadOnlyList<string> VendorDomains { get; init; } = [];
    /// <summary>Name of the capture file, recorded on each flow.</summary>
    public string? CaptureName { get; init; }
    /// <summary>Prefix of flow ids ("f-" gives f-1, f-2 …).</summary>
    public string IdPrefix { get; init; } = "f-";
}

/// <summary>The flows found in one capture, with the context used and what was skipped.</summary>
public sealed record TrafficAnalysis
{
    public required IReadOnlyList<Flow> Flows { get; init; }
    public required TrafficContext Context { get; init; }
    public int EntriesRead { get; init; }
    /// <summary>Bounded, reported skips: bodies that did not decode, bombs stopped at the bound …</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>A capture that cannot be read; the message names the entry and field.</summary>
public sealed class TrafficFormatException(string message) : Exception(message);

/// <summary>Reads a HAR file or an observation report and returns the flows of personal data it shows.</summary>
public static class TrafficAnalyzer
{
    // PLACEHOLDER until the traffic-analysis work lands: finds nothing.
    public static TrafficAnalysis Analyze(Stream capture, TrafficContext? context, TrafficOptions options) =>
        new() { Flows = [], Context = context ?? TrafficContext.Unknown };
}
