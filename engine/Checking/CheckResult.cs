using System.Text.Json;
using Compliance.Engine.Claims;
using Compliance.Engine.Matching;
using Compliance.Engine.Traffic;

namespace Compliance.Engine.Checking;

/// <summary>The `check --format json` object of CONTRACT.md: vendor, claims, flows, findings and a summary.</summary>
public sealed record CheckResult
{
    public required string Vendor { get; init; }
    public IReadOnlyList<string> Domains { get; init; } = [];
    public IReadOnlyList<CheckedDocument> Documents { get; init; } = [];
    public IReadOnlyList<CheckedCapture> Captures { get; init; } = [];
    public required IReadOnlyList<Claim> Claims { get; init; }
    public required IReadOnlyList<Flow> Flows { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }
    public required CheckSummary Summary { get; init; }

    /// <summary>
    /// Matches the claims against the flows and puts the answer together: the one place the one-shot check and a
    /// stored assessment both make it.
    /// </summary>
    public static CheckResult Match(Matcher matcher, string vendor, IReadOnlyList<string> domains, IReadOnlyList<CheckedDocument> documents,
        IReadOnlyList<CheckedCapture> captures, IReadOnlyList<Claim> claims, IReadOnlyList<Flow> flows)
    {
        var findings = matcher.Match(claims, flows);
        return new CheckResult
        {
            Vendor = vendor,
            Domains = domains,
            Documents = documents,
            Captures = captures,
            Claims = claims,
            Flows = flows,
            Findings = findings,
            Summary = CheckSummary.Of(documents.Count, captures.Count, claims, flows, findings, matcher.Options.MinItemConfidence),
        };
    }
}

/// <summary>What was read from one document.</summary>
public sealed record CheckedDocument(string FileName, DocumentRef Document, string Format, int Sentences, int Claims)
{
    /// <summary>The normalised text, for reports that show quotes in their paragraph; not part of the JSON.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Text { get; init; }
}

/// <summary>What was read from one capture, and the context it was judged in.</summary>
public sealed record CheckedCapture(string Name, int EntriesRead, int Flows, TrafficContext Context, IReadOnlyList<string> Warnings);

/// <summary>Counts for a reader in a hurry; dictionaries are sorted so the JSON is byte-stable.</summary>
public sealed record CheckSummary
{
    public int Documents { get; init; }
    public int Captures { get; init; }
    public int Claims { get; init; }
    public int Flows { get; init; }
    public int Findings { get; init; }
    /// <summary>Findings of the kinds that say the vendor did something it said it would not (high severity).</summary>
    public int Violations { get; init; }
    public IReadOnlyDictionary<string, int> ByKind { get; init; } = new SortedDictionary<string, int>(StringComparer.Ordinal);
    public IReadOnlyDictionary<string, int> BySeverity { get; init; } = new SortedDictionary<string, int>(StringComparer.Ordinal);
    /// <summary>The most severe finding's severity, or null when nothing was found.</summary>
    public Severity? WorstSeverity { get; init; }
    public IReadOnlyList<string> DataTypesObserved { get; init; } = [];

    public static CheckSummary Of(int documents, int captures, IReadOnlyList<Claim> claims, IReadOnlyList<Flow> flows,
        IReadOnlyList<Finding> findings, double minItemConfidence) => new()
    {
        Documents = documents,
        Captures = captures,
        Claims = claims.Count,
        Flows = flows.Count,
        Findings = findings.Count,
        Violations = findings.Count(f => f.Severity == Severity.High),
        ByKind = Count(findings.Select(f => Name(f.Kind))),
        BySeverity = Count(findings.Select(f => Name(f.Severity))),
        WorstSeverity = findings.Count == 0 ? null : findings.Max(f => f.Severity),
        DataTypesObserved = flows.SelectMany(f => f.Data).Where(d => d.Confidence >= minItemConfidence)
            .Select(d => d.Type).Distinct().Order(StringComparer.Ordinal).ToList(),
    };

    /// <summary>The kebab-case name CONTRACT.md uses for an enum value.</summary>
    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    private static SortedDictionary<string, int> Count(IEnumerable<string> names)
    {
        var result = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in names)
            result[name] = result.GetValueOrDefault(name) + 1;
        return result;
    }
}
