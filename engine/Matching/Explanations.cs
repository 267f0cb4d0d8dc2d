using Compliance.Engine.Claims;
using Compliance.Engine.Ontology;

namespace Compliance.Engine.Matching;

/// <summary>One or two plain sentences per finding that a journalist could quote.</summary>
internal sealed class Explanations(OntologyModel ontology, EvidenceBuilder evidence)
{
    private const int MaxQuotes = 3;

    public string For(FindingKind kind, IReadOnlyList<Verdict> verdicts, IReadOnlyList<Claim> claims)
    {
        var first = verdicts[0].Item;
        var type = Wording.DataType(ontology, first.Type);
        var sent = $"{Wording.Capitalised(type)} {Wording.Was(first.Type)} sent to {Hosts(verdicts)} {Wording.Requests(verdicts.Select(v => v.Item.FlowIndex).Distinct().Count())}";
        var quotes = Quotes(claims);
        return kind switch
        {
            FindingKind.Contradicted => $"{sent}{Example(verdicts)}{PrivateMode(verdicts)}. {Denial(claims)}.",
            FindingKind.ConditionViolated =>
                $"{sent} while {Wording.JoinAnd(verdicts.SelectMany(v => v.FalseFacts).Select(f => f.WhenFalse).Distinct().ToList())}. "
                + $"The policy allows this only under conditions that did not hold: {quotes}.",
            FindingKind.IdentifiabilityViolated => $"{sent} {Identifiable(verdicts)}. "
                + $"The policy promises it only in a form that cannot identify anyone: {quotes}.",
            FindingKind.RecipientMismatch => RecipientMismatch(sent, verdicts, claims),
            FindingKind.Undisclosed => $"{sent}{Example(verdicts)}{PrivateMode(verdicts)}, and the policy does not mention {type} for {Wording.Recipient(first.Recipient)}.",
            FindingKind.Vague => $"{sent}; the policy mentions it only in general terms: {quotes}.",
            FindingKind.Consistent => $"{sent}, as the policy says: {quotes}.{Missing(verdicts)}",
            _ => sent + ".",
        };
    }

    public string Conflict(string dataType, string recipient, IReadOnlyList<Claim> affirmatives, IReadOnlyList<Claim> negatives)
    {
        var named = affirmatives.Concat(negatives).Select(c => c.Document).Distinct().Count() > 1;
        return $"The documents say {Quotes(affirmatives, named)}, but also {Quotes(negatives, named)}; both cannot hold for "
            + $"{Wording.DataType(ontology, dataType)} and {Wording.Recipient(recipient)}.";
    }

    // The denial is the point; a general affirmative quoted beside it stays in the evidence, not in the sentence.
    private static string Denial(IReadOnlyList<Claim> claims)
    {
        var negatives = claims.Where(c => c.Polarity == Polarity.Negative).ToList();
        return negatives.Count > 0
            ? $"The policy says {Quotes(negatives)}"
            : $"The policy promises the data stays on the device: {Quotes(claims.Where(ClaimRules.StaysOnDevice).ToList())}";
    }

    private string RecipientMismatch(string sent, IReadOnlyList<Verdict> verdicts, IReadOnlyList<Claim> claims)
    {
        var parts = new List<string>();
        var named = verdicts.Where(v => v.Regions.Count == 0).ToList();
        if (named.Count > 0)
        {
            var recipients = named.SelectMany(v => v.Claims).SelectMany(ClaimRules.Recipients).Distinct().Select(Wording.Recipient).ToList();
            parts.Add($"{sent}, although the policy discloses it only for {Wording.JoinAnd(recipients)}: {Quotes(named.SelectMany(v => v.Claims).Distinct().ToList())}.");
        }
        var abroad = verdicts.Where(v => v.Regions.Count > 0).ToList();
        if (abroad.Count > 0)
        {
            var countries = abroad.Select(v => v.Item.Flow.Destination.Country!).Distinct().Order(StringComparer.Ordinal).Select(Wording.Country).ToList();
            var regions = abroad.SelectMany(v => v.Regions).Distinct().Order(StringComparer.Ordinal).Select(Wording.Country).ToList();
            var lead = named.Count > 0 ? "It also went" : sent + ", that is";
            parts.Add($"{lead} to servers in {Wording.JoinAnd(countries)}, although the policy says such data is stored or processed in "
                + $"{Wording.JoinAnd(regions)}: {Quotes(abroad.SelectMany(v => v.Claims).Distinct().ToList())}.");
        }
        return parts.Count > 0 ? string.Join(" ", parts) : sent + $": {Quotes(claims)}.";
    }

    // Hosts behind the same organisation and servers are named together: "a.x.test and b.x.test (X, on servers …)".
    private static string Hosts(IReadOnlyList<Verdict> verdicts)
    {
        var hosts = verdicts.Select(v => v.Item.Flow.Destination).DistinctBy(d => d.Host).ToList();
        var groups = hosts.Take(3).GroupBy(About).Select(g =>
        {
            var names = Wording.JoinAnd(g.Select(d => d.Host).ToList());
            return g.Key.Length == 0 ? names : $"{names} ({g.Key})";
        }).ToList();
        if (hosts.Count > 3)
            groups.Add($"{hosts.Count - 3} more hosts");
        return Wording.JoinAnd(groups);
    }

    private static string About(Engine.Traffic.Destination d)
    {
        var about = new List<string>();
        if (!string.IsNullOrEmpty(d.Organization))
            about.Add(d.Organization);
        var country = string.IsNullOrEmpty(d.Country) ? "" : "in " + Wording.Country(d.Country);
        if (!string.IsNullOrEmpty(d.HostingOrganization) && d.HostingOrganization != d.Organization)
            about.Add($"on servers rented from {d.HostingOrganization}{(country.Length > 0 ? " " + country : "")}");
        else if (country.Length > 0)
            about.Add(country);
        return string.Join(", ", about);
    }

    private string Example(IReadOnlyList<Verdict> verdicts)
    {
        var item = verdicts[0].Item.Items.FirstOrDefault(i => i.Value.Length > 0);
        if (item is null)
            return "";
        var shown = evidence.Shown(item);
        return item.Hashed ? $" (as a hash, {shown})" : $" (e.g. {Wording.Cut(shown, 60)})";
    }

    private string Identifiable(IReadOnlyList<Verdict> verdicts)
    {
        var link = verdicts.SelectMany(v => v.Identifiers).FirstOrDefault();
        if (link is null)
            return $"as the raw, identifiable value{Example(verdicts)}";
        var how = link.Item.Hashed ? $"a hash of {Wording.DataType(ontology, link.Item.Type)}" : Wording.DataType(ontology, link.Item.Type);
        var value = link.Item.Value.Length > 0 ? $" ({evidence.Shown(link.Item)})" : "";
        var where = link.SameRequest ? "together with" : "in the same session as";
        return $"{where} {how}{value}, a persistent identifier";
    }

    private static string PrivateMode(IReadOnlyList<Verdict> verdicts) =>
        verdicts.Any(v => v.Item.Flow.Context?.PrivateMode == true) ? ", also in private mode" : "";

    private static string Missing(IReadOnlyList<Verdict> verdicts)
    {
        var facts = verdicts.SelectMany(v => v.MissingContext).Distinct().Order(StringComparer.Ordinal)
            .Select(f => f == "user-initiated" ? "whether the user asked for it" : f).ToList();
        return facts.Count == 0 ? "" : $" Whether its conditions held is unknown until the tester records {Wording.JoinAnd(facts)}.";
    }

    // Quotes name their document when the claims come from more than one.
    private static string Quotes(IReadOnlyList<Claim> claims, bool nameDocuments = false)
    {
        nameDocuments |= claims.Select(c => c.Document).Distinct().Count() > 1;
        var quotes = claims.DistinctBy(c => c.Sentence).Take(MaxQuotes)
            .Select(c => nameDocuments ? $"{Wording.Quote(c)} ({Wording.Document(c.Document)})" : Wording.Quote(c))
            .ToList();
        return quotes.Count == 0 ? "nothing about it" : string.Join("; ", quotes);
    }
}
