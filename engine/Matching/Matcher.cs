using Compliance.Engine.Claims;
using Compliance.Engine.Ontology;
using Compliance.Engine.Traffic;

namespace Compliance.Engine.Matching;

/// <summary>Compares what the claims say with what the flows show and returns the findings.</summary>
public sealed class Matcher(OntologyModel ontology, MatcherOptions? options = null)
{
    public OntologyModel Ontology { get; } = ontology;
    public MatcherOptions Options { get; } = options ?? MatcherOptions.Default;

    /// <summary>
    /// Every kind whose definition holds, one finding per kind × data type × recipient, sorted by severity,
    /// kind, data type and recipient, with ids x-1, x-2 …
    /// </summary>
    public IReadOnlyList<Finding> Match(IReadOnlyList<Claim> claims, IReadOnlyList<Flow> flows)
    {
        // A claim that names no data type states nothing the traffic could confirm or refute.
        var usable = claims.Where(c => c.DataTypes.Count > 0 && ClaimRules.ConfidenceOf(c) >= Options.MinClaimConfidence).ToList();
        var index = new CoverageIndex(Ontology, usable);
        var judge = new ItemJudge(Ontology, Options, new IdentifierLinks(Ontology, Options, flows));
        var regions = new RegionCheck(Ontology, usable);
        var verdicts = new List<Verdict>();
        for (var i = 0; i < flows.Count; i++)
        {
            foreach (var item in Observed(i, flows[i]))
            {
                verdicts.AddRange(judge.Judge(item, index.For(item.Type, item.Recipient)));
                if (regions.Judge(item) is { } abroad)
                    verdicts.Add(abroad);
            }
        }

        var builder = new FindingBuilder(Ontology, Options, claims);
        var findings = verdicts
            .GroupBy(v => (v.Kind, v.Item.Type, v.Item.Recipient))
            .Select(g => builder.FromVerdicts(g.Key.Kind, g.Key.Type, g.Key.Recipient, g.ToList()))
            .Concat(PolicyConflicts.Find(Ontology, usable)
                .GroupBy(c => (c.DataType, c.Recipient))
                .Select(g => builder.FromConflicts(g.Key.DataType, g.Key.Recipient, g.ToList())))
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Kind)
            .ThenBy(f => f.DataType, StringComparer.Ordinal)
            .ThenBy(f => f.Recipient, StringComparer.Ordinal)
            .ToList();
        return findings.Select((f, n) => f with { Id = $"x-{n + 1}" }).ToList();
    }

    private IEnumerable<ObservedItem> Observed(int index, Flow flow) =>
        flow.Data
            .Where(d => d.Confidence >= Options.MinItemConfidence && !string.IsNullOrEmpty(d.Type))
            .GroupBy(d => d.Type, StringComparer.Ordinal)
            .Select(g => new ObservedItem(index, flow, g.Key, g.ToList()));

    /// <summary>The severity CONTRACT.md gives each kind.</summary>
    public static Severity SeverityOf(FindingKind kind) => kind switch
    {
        FindingKind.Contradicted or FindingKind.ConditionViolated or FindingKind.IdentifiabilityViolated
            or FindingKind.RecipientMismatch => Severity.High,
        FindingKind.Undisclosed or FindingKind.PolicyConflict => Severity.Medium,
        FindingKind.Vague => Severity.Low,
        _ => Severity.Info,
    };
}
