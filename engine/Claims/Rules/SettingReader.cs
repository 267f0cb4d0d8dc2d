using System.Text;
using System.Text.RegularExpressions;

namespace Compliance.Engine.Claims.Rules;

/// <summary>
/// Finds the named settings a clause makes a practice depend on ("switch on Cloud Copy", "once Trip Log is
/// activated", "unless you untick 'Share Ride Stats'") and turns each name into a kebab-case id.
/// </summary>
public static partial class SettingReader
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    // A verb that switches a setting, followed by the setting's name (quoted, or words up to a boundary).
    [GeneratedRegex(@"\b(?:[Tt]urn(?:s|ed|ing)? (?:on|off)|[Ss]witch(?:es|ed|ing)? (?:on|off)|[Ee]nabl(?:e|es|ed|ing)|[Dd]isabl(?:e|es|ed|ing)|opt(?:s|ed)? (?:in to|into|out of)|[Tt]oggl(?:e|es|ed) (?:on|off))\s+(?:the\s+)?(?<name>'[^']{2,60}'|""[^""]{2,60}""|‘[^’]{2,60}’|“[^”]{2,60}”|[^,.;:()]{2,80})", Options)]
    private static partial Regex SwitchVerb();

    // A setting named before its state: "once Trip Log is activated", "while Cloud Copy is on".
    [GeneratedRegex(@"(?<name>(?:'[^']{2,60}'|""[^""]{2,60}""|(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*|(?<=\b(?:[Ii]f|[Ww]hen|[Ww]hile|[Oo]nce|[Uu]nless)\s+(?:the\s+|your\s+)?)(?:[a-z][\w-]*\s+){0,1}[a-z][\w-]*))(?:\s+(?:is|are)\s+(?:(?:switched|turned)\s+on|enabled|on\b|activated|(?:disabled|off)\s+by\s+default)|(?<=\b[Ww]ith\s+(?:\w+\s+){0,3}\w+)\s+(?:switched|turned)\s+on)", Options)]
    private static partial Regex StateAfterName();

    [GeneratedRegex(@"\b(?:if|when|once) you back up\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BackUpVerb();

    private static readonly string[] s_boundaryWords =
    [
        " in ", " at ", " under ", " from ", " during ", " so ", " to ", " and ", " or ", " for ", " on ", " we ",
        " your ", " you ", " our ", " is ", " are ", " the ", " which ", " that ", " by ", " with ", " if ", " when ",
        " it ", " this ", " these ", " then ",
    ];

    private static readonly string[] s_genericTail = ["services", "service", "feature", "features", "setting", "settings", "option", "toggle", "program", "programme"];

    private static readonly string[] s_stopNames = ["it", "this", "them", "the", "that", "this feature", "this setting", "these", "location services", "your", "you", "all", "any", "us", "device", "it", "we", "they"];

    public static IEnumerable<string> Read(string text)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match m in SwitchVerb().Matches(text))
        {
            // "disabled by default", "enabled by your administrator": a passive names who switched, not what.
            var name = m.Groups["name"].Value.TrimStart();
            if (!name.StartsWith("by ", StringComparison.OrdinalIgnoreCase))
                Add(names, CutAtBoundary(name));
        }
        foreach (Match m in StateAfterName().Matches(text))
            Add(names, m.Groups["name"].Value);
        if (BackUpVerb().IsMatch(text))
            names.Add("backup");
        return names;
    }

    private static readonly string[] s_leadingFunctionWords =
        ["if", "when", "while", "once", "unless", "only", "and", "but", "with", "whenever", "after", "until", "the", "your", "as", "long", "is", "are"];

    private static void Add(SortedSet<string> names, string raw)
    {
        var words = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 0 && s_leadingFunctionWords.Contains(words[0].ToLowerInvariant()))
            words.RemoveAt(0);
        // "… kept locally and is off by default": the name is not next to its state; give up.
        if (words.Count == 0 || words[^1].Equals("and", StringComparison.OrdinalIgnoreCase) || words[^1].Equals("or", StringComparison.OrdinalIgnoreCase))
            return;
        var id = Canonical(Kebab(string.Join(' ', words)));
        if (id.Length > 1 && !s_stopNames.Contains(id.Replace('-', ' ')))
            names.Add(id);
    }

    private static string CutAtBoundary(string name)
    {
        if (name.Length > 0 && name[0] is '\'' or '"' or '‘' or '“')
            return name;
        var padded = " " + name + " ";
        var cut = padded.Length;
        foreach (var word in s_boundaryWords)
        {
            var at = padded.IndexOf(word, 1, StringComparison.OrdinalIgnoreCase);
            if (at > 0 && at < cut)
                cut = at;
        }
        var words = padded[..cut].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Take(4));
    }

    private static string Kebab(string raw)
    {
        var builder = new StringBuilder();
        foreach (var c in raw.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
                builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '-')
                builder.Append('-');
        }
        var id = builder.ToString().Trim('-');
        var parts = id.Split('-').ToList();
        // "Viewing Information Services" names the viewing-information switch; "Connected Services" keeps its noun.
        while (parts.Count > 2 && s_genericTail.Contains(parts[^1]))
            parts.RemoveAt(parts.Count - 1);
        return string.Join('-', parts);
    }

    // Settings that products name differently but that mean the same switch get one id.
    private static string Canonical(string id)
    {
        if (id.Contains("diagnos", StringComparison.Ordinal) || id.Contains("usage-stat", StringComparison.Ordinal)
            || id.Contains("crash-report", StringComparison.Ordinal) || id.StartsWith("help-improve", StringComparison.Ordinal)
            || id.Contains("usage-data", StringComparison.Ordinal))
            return "diagnostics";
        if ((id.Contains("ads", StringComparison.Ordinal) || id.Contains("advertising", StringComparison.Ordinal))
            && (id.Contains("personali", StringComparison.Ordinal) || id.Contains("interest", StringComparison.Ordinal)
                || id.Contains("targeted", StringComparison.Ordinal) || id.Contains("tailored", StringComparison.Ordinal)))
            return "personalized-ads";
        if ((id.Contains("backup", StringComparison.Ordinal) || id.Contains("back-up", StringComparison.Ordinal))
            && !id.Contains("sync", StringComparison.Ordinal))
            return "backup";
        return id;
    }
}
