using Compliance.Engine.Claims;
using Compliance.Engine.Ontology;

namespace Compliance.Engine.Matching;

/// <summary>Turns the verdicts of one kind × data type × recipient (or a set of conflicts) into one finding.</summary>
internal sealed class FindingBuilder
{
    private readonly EvidenceBuilder _evidence;
    private readonly Explanations _explanations;
    private readonly Dictionary<string, int> _claimOrder = new(StringComparer.Ordinal);

    public FindingBuilder(OntologyModel ontology, MatcherOptions options, IReadOnlyList<Claim> claims)
    {
        _evidence = new EvidenceBuilder(ontology, options);
        _explanations = new Explanations(ontology, _evidence);
        for (var i = 0; i < claims.Count; i++)
            _claimOrder.TryAdd(claims[i].Id, i);
    }

    public Finding FromVerdicts(FindingKind kind, string dataType, string recipient, IReadOnlyList<Verdict> verdicts)
    {
        var claims = InDocumentOrder(verdicts.SelectMany(v => v.Claims));
        return new Finding
        {
            Id = "",
            Kind = kind,
            Severity = Matcher.SeverityOf(kind),
            DataType = dataType,
            Recipient = recipient,
            ClaimIds = claims.Select(c => c.Id).ToList(),
            // Flows keep the order of the input: capture by capture, entry by entry.
            FlowIds = verdicts.Select(v => v.Item).DistinctBy(i => i.FlowIndex).OrderBy(i => i.FlowIndex).Select(i => i.Flow.Id).ToList(),
            Explanation = _explanations.For(kind, verdicts, claims),
            Confidence = verdicts.Max(v => v.Confidence),
            MissingContext = verdicts.SelectMany(v => v.MissingContext).Distinct().Order(StringComparer.Ordinal).ToList(),
            Countries = verdicts.Where(v => v.Regions.Count > 0)
                .Select(v => v.Item.Flow.Destination.Country!.Trim().ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal).ToList(),
            Evidence = _evidence.Build(claims, verdicts),
        };
    }

    public Finding FromConflicts(string dataType, string recipient, IReadOnlyList<Conflict> conflicts)
    {
        var affirmatives = InDocumentOrder(conflicts.Select(c => c.Affirmative));
        var negatives = InDocumentOrder(conflicts.Select(c => c.Negative));
        var claims = InDocumentOrder(affirmatives.Concat(negatives));
        return new Finding
        {
            Id = "",
            Kind = FindingKind.PolicyConflict,
            Severity = Matcher.SeverityOf(FindingKind.PolicyConflict),
            DataType = dataType,
            Recipient = recipient,
            ClaimIds = claims.Select(c => c.Id).ToList(),
            Explanation = _explanations.Conflict(dataType, recipient, affirmatives, negatives),
            Confidence = Math.Round(conflicts.Max(c => Math.Min(ClaimRules.ConfidenceOf(c.Affirmative), ClaimRules.ConfidenceOf(c.Negative))), 3),
            Evidence = new FindingEvidence { Quotes = claims.Select(EvidenceBuilder.Quote).ToList() },
        };
    }

    private List<Claim> InDocumentOrder(IEnumerable<Claim> claims) =>
        claims.DistinctBy(c => c.Id).OrderBy(c => _claimOrder.GetValueOrDefault(c.Id, int.MaxValue)).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
}
