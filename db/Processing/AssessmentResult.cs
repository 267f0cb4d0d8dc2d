using Compliance.Engine.Claims;
using Compliance.Engine.Matching;
using Compliance.Engine.Traffic;

namespace Compliance.Db.Processing;

/// <summary>What an assessment found, in the shape of `worker check --format json`.</summary>
public sealed record AssessmentResult
{
    public required string Vendor { get; init; }
    public required IReadOnlyList<Claim> Claims { get; init; }
    public required IReadOnlyList<Flow> Flows { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }
    public required AssessmentSummary Summary { get; init; }

    public static AssessmentResult Create(string vendor, IReadOnlyList<Claim> claims, IReadOnlyList<Flow> flows, IReadOnlyList<Finding> findings) => new()
    {
        Vendor = vendor,
        Claims = claims,
        Flows = flows,
        Findings = findings,
        Summary = new AssessmentSummary
        {
            Claims = claims.Count,
            Flows = flows.Count,
            Findings = findings.Count,
            ByKind = findings.GroupBy(f => f.Kind).OrderBy(g => g.Key).ToDictionary(g => g.Key.ToString(), g => g.Count()),
            BySeverity = findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key).ToDictionary(g => g.Key.ToString(), g => g.Count()),
        },
    };
}

/// <summary>Counts of an assessment's results.</summary>
public sealed record AssessmentSummary
{
    public int Claims { get; init; }
    public int Flows { get; init; }
    public int Findings { get; init; }
    public IReadOnlyDictionary<string, int> ByKind { get; init; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<string, int> BySeverity { get; init; } = new Dictionary<string, int>();
}
