using Compliance.Engine.Traffic.Har;

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
    /// <summary>Size, depth and decompression bounds; the defaults suit captures of any size.</summary>
    public TrafficLimits Limits { get; init; } = TrafficLimits.Default;
    /// <summary>The user's entity lists, suffix list and address databases; the shipped data when null.</summary>
    public Compliance.Engine.Recipients.RecipientOptions? Recipients { get; init; }
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
    /// <summary>
    /// Streams the capture entry by entry. A context given by the caller wins over log._context, field
    /// by field (TrafficContext.MergedWith).
    /// </summary>
    public static TrafficAnalysis Analyze(Stream capture, TrafficContext? context, TrafficOptions options)
    {
        try
        {
            return AnalyzeCore(capture, context, options);
        }
        catch (Exception e) when (e is InvalidDataException or System.Text.DecoderFallbackException or System.Text.Json.JsonException
                                       or EndOfStreamException
                                       || (e is InvalidOperationException && e.StackTrace?.Contains("System.Text.Json", StringComparison.Ordinal) == true))
        {
            // Whatever the bytes, a hostile or damaged capture ends in the format error callers turn into a 4xx.
            throw new TrafficFormatException($"unreadable capture: {e.Message}");
        }
    }

    private static TrafficAnalysis AnalyzeCore(Stream capture, TrafficContext? context, TrafficOptions options)
    {
        var start = capture.CanSeek ? capture.Position : -1;
        var first = Run(capture, context, options, null);
        // log._context written after the entries: a seekable capture is read again with it from the start.
        if (first.LateContext is { } late && start >= 0)
        {
            capture.Position = start;
            return Run(capture, context, options, late).Analysis;
        }
        return first.Analysis;
    }

    private static (TrafficAnalysis Analysis, TrafficContext? LateContext) Run(Stream capture, TrafficContext? given, TrafficOptions options, TrafficContext? preset)
    {
        var reader = new HarReader(capture, options.Limits);
        CaptureAnalysis? analysis = null;
        TrafficContext? effective = null;
        foreach (var item in reader.ReadItems())
        {
            if (analysis is null)
            {
                effective = (preset ?? reader.Context ?? TrafficContext.Unknown).MergedWith(given);
                analysis = new CaptureAnalysis(effective, options, options.Limits);
            }
            if (item is HarEntry entry)
                analysis.Add(entry);
            else if (item is Observation observation)
                analysis.Add(observation);
        }
        if (!reader.SawLog && reader.Format is null)
            throw new TrafficFormatException("top level: neither a HAR file (no \"log\") nor an observation report (no \"format\")");
        if (reader.Format is { } format && !reader.SawLog && format != "observation-report/v1")
            throw new TrafficFormatException($"format: \"{format}\" is not a supported format (observation-report/v1)");
        effective ??= (reader.Context ?? TrafficContext.Unknown).MergedWith(given);
        analysis ??= new CaptureAnalysis(effective, options, options.Limits);
        var warnings = reader.Warnings.Concat(analysis.Warnings).ToList();
        var late = preset is null && reader.ContextAfterEntries && reader.Context is not null ? reader.Context : null;
        return (new TrafficAnalysis
        {
            Flows = analysis.Flows(),
            Context = effective,
            EntriesRead = reader.ItemsRead,
            Warnings = warnings,
        }, late);
    }
}
