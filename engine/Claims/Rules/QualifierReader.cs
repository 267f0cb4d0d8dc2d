using System.Text.RegularExpressions;

namespace Compliance.Engine.Claims.Rules;

/// <summary>Reads how a clause says data is protected (ONTOLOGY.md "Qualifiers").</summary>
public static partial class QualifierReader
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\b(aggregat(e|ed|es|ing|ion)|in aggregate)\b", Options)]
    private static partial Regex Aggregated();

    [GeneratedRegex(@"(?<!delete(d)? or )\b(anonymi[sz](ed|es|ing|ation)|anonymous(ly)?)\b", Options)]
    private static partial Regex Anonymized();

    [GeneratedRegex(@"\bde-?identif(ied|y|ies|ication)\b", Options)]
    private static partial Regex DeIdentified();

    [GeneratedRegex(@"\bpseudonym(i[sz]ed|ous|ised|ized|i[sz]ation)\b", Options)]
    private static partial Regex Pseudonymized();

    [GeneratedRegex(@"\bhash(ed|es|ing)?\b", Options)]
    private static partial Regex Hashed();

    [GeneratedRegex(@"(?<!\bnot (end-to-end |end to end |fully )?)(?<!\bnot protected by ([\w'’-]+ ){0,4})\bencrypt(ed|s|ion|ing)?\b", Options)]
    private static partial Regex Encrypted();

    [GeneratedRegex(@"\b(cannot|can ?not|can't|can’t|could not|will not|won't|does not|do not|never) (be used to )?(identify|re-identify|personally identify)|\bnon-identifying\b|\bnot (personally )?identifiable\b|\b(never|not) (be )?(linked|tied|connected|associated) (to|with) (you|your)\b|\bno (individual|single) (user|person|customer|household)|\bwithout identifying\b|\bdo not identify\b|\bdoes not identify\b|\bthat (do|does) not identify\b", Options)]
    private static partial Regex NonIdentifying();

    [GeneratedRegex(@"\bdifferential(ly)? priva(cy|te)\b", Options)]
    private static partial Regex DifferentialPrivacy();

    [GeneratedRegex(@"\b(only|entirely|locally|stays?|remains?|kept|processed|analy[sz]ed|happens|runs) (only )?(on|within) (your|the|this) (device|phone|tv|computer|watch|band|tablet)\b|\bnever leaves? (your|the|this) (device|phone|tv|computer)\b|\bon-device\b|\blocally on\b|\bdoes not leave (your|the) device\b|\bon (the|your) device only\b", Options)]
    private static partial Regex OnDeviceOnly();

    public static SortedSet<string> Read(string text)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        Add(found, Aggregated(), text, "aggregated");
        Add(found, Anonymized(), text, "anonymized");
        Add(found, DeIdentified(), text, "de-identified");
        Add(found, Pseudonymized(), text, "pseudonymized");
        Add(found, Hashed(), text, "hashed");
        Add(found, Encrypted(), text, "encrypted");
        Add(found, NonIdentifying(), text, "non-identifying");
        Add(found, DifferentialPrivacy(), text, "differential-privacy");
        Add(found, OnDeviceOnly(), text, "on-device-only");
        return found;
    }

    /// <summary>
    /// Where the text states that data cannot identify anyone (character ranges): a negation word there qualifies
    /// the data ("can never be tied back to a person"), it does not deny the practice.
    /// </summary>
    public static IEnumerable<(int Start, int End)> NonIdentifyingPhrases(string text) =>
        NonIdentifying().Matches(text).Select(m => (m.Index, m.Index + m.Length));

    private static void Add(SortedSet<string> found, Regex regex, string text, string id)
    {
        if (regex.IsMatch(text))
            found.Add(id);
    }
}
