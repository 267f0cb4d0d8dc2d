using Compliance.Engine.Claims;
using Compliance.Engine.Ontology;

namespace Compliance.Engine.Matching;

/// <summary>
/// Cross-border check: claims that say where data is stored or processed, against the country of the server a
/// flow went to. A storage claim about the vendor's own or its providers' servers applies to first-party hosts
/// (which are often rented); claims naming other recipients apply to those recipients.
/// </summary>
internal sealed class RegionCheck(OntologyModel ontology, IReadOnlyList<Claim> claims)
{
    private static readonly HashSet<string> s_eu = new(StringComparer.Ordinal)
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
        "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    };

    private static readonly HashSet<string> s_eeaOnly = new(StringComparer.Ordinal) { "IS", "LI", "NO" };

    private readonly IReadOnlyList<Claim> _regional =
        claims.Where(c => c.Polarity == Polarity.Affirmative && c.Regions.Count > 0).ToList();

    public Verdict? Judge(ObservedItem item)
    {
        var country = item.Flow.Destination.Country?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(country) || _regional.Count == 0)
            return null;
        var applicable = _regional.Where(c => ClaimRules.ReachOf(ontology, c, item.Type) != TypeReach.None && Applies(c, item.Recipient)).ToList();
        // "We may transfer your data to the US" names a permitted destination, not the only place data may be:
        // it widens the regions but cannot by itself make a mismatch.
        if (!applicable.Any(c => c.Action != "transfer-abroad") || applicable.Any(c => c.Regions.Any(r => Contains(r, country))))
            return null;
        var regions = applicable.SelectMany(c => c.Regions).Select(r => r.Trim().ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal).ToList();
        return new Verdict(FindingKind.RecipientMismatch, item, applicable,
            Math.Round(Math.Min(item.Confidence, applicable.Max(ClaimRules.ConfidenceOf)), 3))
        {
            Regions = regions,
        };
    }

    private bool Applies(Claim claim, string recipient)
    {
        if (ClaimRules.CoversRecipient(ontology, claim, recipient))
            return true;
        return ontology.IsRecipientUnder(recipient, ClaimRules.FirstParty)
            && ClaimRules.Recipients(claim).Any(r => r is ClaimRules.FirstParty or "service-provider");
    }

    public static bool Contains(string region, string country)
    {
        var r = region.Trim().ToUpperInvariant();
        if (r == "UK")
            r = "GB";
        return r == country
            || (r == "EU" && s_eu.Contains(country))
            || (r == "EEA" && (s_eu.Contains(country) || s_eeaOnly.Contains(country)));
    }
}
