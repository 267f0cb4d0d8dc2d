using Compliance.Engine.Claims;
using Compliance.Engine.Ontology;

namespace Compliance.Engine.Matching;

/// <summary>How far a claim reaches: data types through the ontology tree, recipients, actions, promises.</summary>
internal static class ClaimRules
{
    public const string FirstParty = "first-party";
    public const string ThirdParty = "third-party";
    public const string DataBroker = "data-broker";
    public const string OnDeviceOnly = "on-device-only";

    /// <summary>Qualifiers that promise the data cannot be tied to a person (pseudonymized and encrypted do not).</summary>
    public static readonly IReadOnlySet<string> IdentifiabilityPromises = new HashSet<string>(StringComparer.Ordinal)
    {
        "aggregated", "anonymized", "de-identified", "non-identifying", "hashed", "differential-privacy",
    };

    private static readonly IReadOnlySet<string> s_sharingActions = new HashSet<string>(StringComparer.Ordinal)
    {
        "share", "sell", "transfer-abroad",
    };

    /// <summary>
    /// The recipients a claim names; a claim that names none speaks of the vendor itself, or of
    /// "third parties" in general when its action hands data on.
    /// </summary>
    public static IReadOnlyList<string> Recipients(Claim claim) =>
        claim.Recipients.Count > 0 ? claim.Recipients
        : s_sharingActions.Contains(claim.Action) ? [ThirdParty] : [FirstParty];

    public static bool CoversRecipient(OntologyModel ontology, Claim claim, string recipient) =>
        Recipients(claim).Any(r => ontology.IsRecipientUnder(recipient, r));

    /// <summary>Specific when a named type below the root covers the item; Broad when only the root does.</summary>
    public static TypeReach ReachOf(OntologyModel ontology, Claim claim, string type)
    {
        var reach = TypeReach.None;
        foreach (var named in claim.DataTypes)
        {
            if (!ontology.IsDataTypeUnder(type, named))
                continue;
            if (named != OntologyModel.Root)
                return TypeReach.Specific;
            reach = TypeReach.Broad;
        }
        return reach;
    }

    /// <summary>
    /// The actions a flow shows: collect always (every action implies it), share when the data leaves the
    /// vendor, and sell when it goes to a data broker.
    /// </summary>
    public static bool FlowShows(OntologyModel ontology, string recipient, string action) => action switch
    {
        "collect" => true,
        "share" => !ontology.IsRecipientUnder(recipient, FirstParty),
        "sell" => ontology.IsRecipientUnder(recipient, DataBroker),
        // "We do not store / sync / use X" is not refuted by seeing X sent: the capture cannot show what happens next.
        _ => false,
    };

    /// <summary>True when the affirmative action implies the negative one (sell implies share; all imply collect).</summary>
    public static bool Implies(string affirmative, string negative) =>
        affirmative == negative
        || negative == "collect"
        || (negative == "share" && affirmative is "sell" or "transfer-abroad");

    public static bool PromisesUnidentifiable(Claim claim) =>
        claim.Qualifiers.Count > 0 && claim.Qualifiers.Any(IdentifiabilityPromises.Contains);

    public static bool PromisesOnlyHashing(Claim claim) =>
        claim.Qualifiers.Contains("hashed") && !claim.Qualifiers.Any(q => q != "hashed" && IdentifiabilityPromises.Contains(q));

    public static bool StaysOnDevice(Claim claim) => claim.Qualifiers.Contains(OnDeviceOnly);

    /// <summary>Claims without a confidence (hand-written ones) count as certain.</summary>
    public static double ConfidenceOf(Claim claim) => claim.Confidence > 0 ? claim.Confidence : 1.0;
}

internal enum TypeReach
{
    None,
    Broad,
    Specific,
}
