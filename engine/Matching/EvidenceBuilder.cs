using Compliance.Engine.Claims;
using Compliance.Engine.Ontology;
using Compliance.Engine.Traffic;

namespace Compliance.Engine.Matching;

/// <summary>Builds the quotes and flow details a finding cites; identifier values are masked.</summary>
internal sealed class EvidenceBuilder(OntologyModel ontology, MatcherOptions options)
{
    public FindingEvidence Build(IReadOnlyList<Claim> claims, IReadOnlyList<Verdict> verdicts)
    {
        var byFlow = verdicts.GroupBy(v => v.Item.FlowIndex).OrderBy(g => g.Key).ToList();
        var flows = byFlow.Take(options.MaxEvidenceFlows).Select(g => Flow(g.First().Item.Flow, g.ToList())).ToList();
        return new FindingEvidence
        {
            Quotes = claims.Select(Quote).ToList(),
            Flows = flows,
            FlowsOmitted = byFlow.Count - flows.Count,
        };
    }

    public static EvidenceQuote Quote(Claim claim) => new()
    {
        ClaimId = claim.Id,
        Sentence = claim.Sentence,
        Span = claim.Span,
        Section = claim.Section,
        DocumentTitle = claim.Document.Title,
        DocumentKind = claim.Document.Kind,
    };

    private EvidenceFlow Flow(Flow flow, IReadOnlyList<Verdict> verdicts)
    {
        var items = verdicts.SelectMany(v => v.Item.Items).Distinct().Select(i => Item(i, "observed")).ToList();
        foreach (var link in verdicts.SelectMany(v => v.Identifiers).DistinctBy(l => (l.Flow.Id, l.Item.Type, l.Item.Value)))
        {
            var item = Item(link.Item, "identifier");
            items.Add(link.SameRequest ? item : item with { Location = $"{link.Flow.Id} (same session): {item.Location}" });
        }
        var d = flow.Destination;
        return new EvidenceFlow
        {
            FlowId = flow.Id,
            Capture = flow.Capture,
            EntryIndex = flow.EntryIndex,
            Host = d.Host,
            Organization = d.Organization,
            HostingOrganization = d.HostingOrganization,
            Country = d.Country,
            Items = items,
        };
    }

    private EvidenceItem Item(DataItem item, string role) => new()
    {
        Type = item.Type,
        Location = item.Location,
        Value = Shown(item),
        Hashed = item.Hashed,
        Role = role,
    };

    /// <summary>Identifiers and contact details are masked; other values are cut to a readable length.</summary>
    public string Shown(DataItem item) =>
        IsSensitive(item.Type) ? Wording.Mask(item.Value) : Wording.Cut(item.Value, options.MaxEvidenceValueLength);

    private bool IsSensitive(string type) =>
        ontology.IsDataTypeUnder(type, "identifiers") || ontology.IsDataTypeUnder(type, "contact-info")
        || ontology.IsDataTypeUnder(type, "contacts") || ontology.IsDataTypeUnder(type, "financial-data");
}
