using System.Text.RegularExpressions;

namespace Compliance.Engine.Claims.Rules;

/// <summary>
/// Reads where a clause says data is stored or processed: ISO 3166 alpha-2 codes, or EU/EEA, and whether
/// the clause speaks of data leaving the user's country at all.
/// </summary>
public static partial class RegionReader
{
    private static readonly PhraseMatcher s_places = new(
    [
        ("european economic area", "EEA"), ("eea", "EEA"), ("european union", "EU"), ("eu", "EU"), ("europe", "EU"),
        ("united states", "US"), ("usa", "US"), ("u s", "US"), ("america", "US"), ("china", "CN"), ("mainland china", "CN"),
        ("hong kong", "HK"), ("singapore", "SG"), ("germany", "DE"), ("frankfurt", "DE"), ("ireland", "IE"), ("dublin", "IE"),
        ("netherlands", "NL"), ("amsterdam", "NL"), ("france", "FR"), ("paris", "FR"), ("united kingdom", "GB"), ("uk", "GB"),
        ("london", "GB"), ("india", "IN"), ("japan", "JP"), ("tokyo", "JP"), ("south korea", "KR"), ("korea", "KR"),
        ("canada", "CA"), ("australia", "AU"), ("sydney", "AU"), ("brazil", "BR"), ("russia", "RU"), ("sweden", "SE"),
        ("stockholm", "SE"), ("finland", "FI"), ("switzerland", "CH"), ("zurich", "CH"), ("luxembourg", "LU"),
        ("belgium", "BE"), ("spain", "ES"), ("italy", "IT"), ("poland", "PL"), ("israel", "IL"), ("taiwan", "TW"),
        ("vietnam", "VN"), ("indonesia", "ID"), ("malaysia", "MY"), ("mexico", "MX"), ("south africa", "ZA"),
        ("virginia", "US"), ("oregon", "US"), ("california", "US"), ("shenzhen", "CN"), ("beijing", "CN"), ("shanghai", "CN"),
    ]);

    [GeneratedRegex(@"\b(outside (of )?(your|the|their) (country|countries|region|jurisdiction|eea|eu|european)|outside the (european|eea|eu)|abroad|other countries|countries other than|international(ly)? transfer|transferred internationally|cross-border|across borders|in other jurisdictions|around the world|worldwide)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AbroadCue();

    // Data a clause only says is "available in" or "governed by" a place is not stored there.
    [GeneratedRegex(@"\b(stor\w*|process\w*|host\w*|servers?|data cent(re|er)s?|transfer\w*|kept|located|cloud|infrastructure)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StorageCue();

    public static bool SpeaksOfAbroad(string text) => AbroadCue().IsMatch(text);

    public static bool NamesPlace(string text) => s_places.Find(PhraseText.Of(text).Folded).Count > 0;

    public static SortedSet<string> Read(string text)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        if (!StorageCue().IsMatch(text))
            return found;
        foreach (var match in s_places.Find(PhraseText.Of(text).Folded))
            found.Add(match.TermId);
        return found;
    }
}
