using System.Text.Json;
using Compliance.Engine.Traffic;

namespace Compliance.Engine.Tests.Traffic;

/// <summary>Scores the analyzer against flows.json of every dev case: (entryIndex, dataType) pairs.</summary>
public static class CaseEvaluation
{
    /// <summary>Items at or above this confidence count as detections (the matcher uses the same bound).</summary>
    public const double Threshold = 0.5;

    public sealed record CaptureScore(string Case, string Capture, int TruePositives, int FalsePositives, int FalseNegatives, IReadOnlyList<string> Errors);

    public static IEnumerable<CaptureScore> ScoreAll(bool withKnownValues = true)
    {
        var manifest = JsonDocument.Parse(File.ReadAllText(SharedData.Path("cases", "vendors.json")));
        foreach (var vendor in manifest.RootElement.GetProperty("vendors").EnumerateArray())
        {
            var domains = vendor.GetProperty("domains").EnumerateArray().Select(d => d.GetString()!).ToList();
            var name = vendor.GetProperty("name").GetString();
            foreach (var traffic in vendor.GetProperty("traffic").EnumerateArray())
            {
                var file = traffic.GetProperty("file").GetString()!;
                var ctxFile = traffic.GetProperty("context").GetString()!;
                yield return Score(file, ctxFile, domains, name, withKnownValues);
            }
        }
    }

    private static CaptureScore Score(string file, string ctxFile, IReadOnlyList<string> domains, string? vendor, bool withKnownValues)
    {
        var caseDir = Path.GetDirectoryName(file)!;
        var capture = Path.GetFileName(file);
        var context = JsonSerializer.Deserialize<TrafficContext>(File.ReadAllText(SharedData.Path("cases", ctxFile)), EngineJson.Options);
        if (!withKnownValues)
            context = context! with { KnownValues = null };
        using var stream = File.OpenRead(SharedData.Path("cases", file));
        var analysis = TrafficAnalyzer.Analyze(stream, context, new TrafficOptions { VendorDomains = domains, VendorName = vendor, CaptureName = capture });
        var found = analysis.Flows
            .SelectMany(f => f.Data.Where(d => d.Confidence >= Threshold).Select(d => (f.EntryIndex, d.Type, d.Location, d.Value)))
            .ToList();
        var expected = new HashSet<(int, string)>();
        using var truth = JsonDocument.Parse(File.ReadAllText(SharedData.Path("cases", caseDir, "flows.json")));
        if (truth.RootElement.TryGetProperty(capture, out var list))
            foreach (var flow in list.EnumerateArray())
                foreach (var t in flow.GetProperty("dataTypes").EnumerateArray())
                    expected.Add((flow.GetProperty("entryIndex").GetInt32(), t.GetString()!));
        var foundPairs = found.Select(f => (f.EntryIndex, f.Type)).ToHashSet();
        var errors = new List<string>();
        foreach (var f in found.Where(f => !expected.Contains((f.EntryIndex, f.Type))))
            errors.Add($"FP {capture} #{f.EntryIndex} {f.Type} = {Short(f.Value)} @ {f.Location}");
        foreach (var e in expected.Where(e => !foundPairs.Contains(e)).Order())
            errors.Add($"FN {capture} #{e.Item1} {e.Item2}");
        var tp = foundPairs.Count(expected.Contains);
        return new CaptureScore(caseDir, capture, tp, foundPairs.Count - tp, expected.Count - tp, errors);
    }

    private static string Short(string s) => s.Length > 60 ? s[..60] + "…" : s;
}
