using Compliance.Engine.Claims;
using Compliance.Engine.Ontology;

namespace Compliance.Engine.Matching;

/// <summary>The claims that speak about one data type sent to one recipient, sorted by how they speak.</summary>
internal sealed record Coverage
{
    /// <summary>Negative claims whose type, recipient and action cover the item (before their conditions).</summary>
    public required IReadOnlyList<Claim> Negatives { get; init; }
    /// <summary>Affirmative claims naming the type (or an ancestor below the root) for this recipient.</summary>
    public required IReadOnlyList<Claim> Specific { get; init; }
    /// <summary>
    /// The most specific of <see cref="Specific"/>: those naming the deepest type that covers the item. A more
    /// specific claim outranks a broader one ("device model" decides before "device information").
    /// </summary>
    public required IReadOnlyList<Claim> Decisive { get; init; }
    /// <summary>Affirmative claims about the root type for this recipient: they make the item vague at best.</summary>
    public required IReadOnlyList<Claim> Broad { get; init; }
    /// <summary>Affirmative claims naming the type for other recipients only.</summary>
    public required IReadOnlyList<Claim> NamedElsewhere { get; init; }
    /// <summary>Affirmative claims promising the data stays on the device: a flow refutes them like a negative.</summary>
    public required IReadOnlyList<Claim> OnDevice { get; init; }
}

/// <summary>Finds and caches the coverage of each (data type, recipient) pair.</summary>
internal sealed class CoverageIndex(OntologyModel ontology, IReadOnlyList<Claim> claims)
{
    private readonly Dictionary<(string Type, string Recipient), Coverage> _cache = [];

    public Coverage For(string type, string recipient)
    {
        if (_cache.TryGetValue((type, recipient), out var cached))
            return cached;
        var coverage = Compute(type, recipient);
        _cache[(type, recipient)] = coverage;
        return coverage;
    }

    private Coverage Compute(string type, string recipient)
    {
        List<Claim> negatives = [], specific = [], broad = [], elsewhere = [], onDevice = [];
        foreach (var claim in claims)
        {
            var reach = ClaimRules.ReachOf(ontology, claim, type);
            if (reach == TypeReach.None)
                continue;
            var forRecipient = ClaimRules.CoversRecipient(ontology, claim, recipient);
            if (claim.Polarity == Polarity.Negative)
            {
                if (forRecipient && ClaimRules.FlowShows(ontology, recipient, claim.Action))
                    negatives.Add(claim);
                continue;
            }
            if (ClaimRules.StaysOnDevice(claim))
            {
                if (forRecipient)
                    onDevice.Add(claim);
                continue;
            }
            if (reach == TypeReach.Broad)
            {
                if (forRecipient)
                    broad.Add(claim);
                continue;
            }
            (forRecipient ? specific : elsewhere).Add(claim);
        }
        var depths = specific.Select(c => Depth(c, type)).ToList();
        var deepest = depths.Count == 0 ? 0 : depths.Max();
        var decisive = specific.Where((_, i) => depths[i] == deepest).ToList();
        // A flow is a transmission. A claim about how data is used or kept presumes it was collected but does not
        // say when; where the policy also states the transmission itself (collect, share, sync …), with its
        // conditions, that statement decides ("we sync X only when signed in" over "we use X to improve the app").
        if (decisive.Any(c => s_transmissions.Contains(c.Action)))
            decisive = decisive.Where(c => s_transmissions.Contains(c.Action)).ToList();
        return new Coverage
        {
            Negatives = negatives, Specific = specific, Decisive = decisive, Broad = broad, NamedElsewhere = elsewhere, OnDevice = onDevice,
        };
    }

    private static readonly HashSet<string> s_transmissions = new(StringComparer.Ordinal) { "collect", "share", "sync", "sell", "transfer-abroad" };

    private int Depth(Claim claim, string type) =>
        claim.DataTypes.Where(named => ontology.IsDataTypeUnder(type, named)).Max(ontology.DataTypeDepth);
}
