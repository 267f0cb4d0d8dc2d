using System.Text.RegularExpressions;

namespace Compliance.Engine.Policies;

/// <summary>How headings look in text without markup: numbered, in capitals, or short lines without a full stop.</summary>
internal static partial class HeadingPatterns
{
    private const int MaxHeadingLength = 90;
    private const int MaxHeadingWords = 12;

    // "3.", "3.2", "3.2.1)", "(a)", "IV.", "A.", "Section 3:", "§ 4" at the start of a heading.
    [GeneratedRegex(@"^(?:(?:section|article|part|chapter|clause|§)\s*)?(?:\(?\d{1,3}(?:\.\d{1,3})*[.):]?|\(?[IVXivx]{1,5}[.)]|\(?[A-Za-z][.)])\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberPrefix();

    [GeneratedRegex(@"^\(?(\d{1,3}(?:\.\d{1,3})*)[.)]?\s+\S", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedHeading();

    public static string StripNumber(string heading)
    {
        var m = NumberPrefix().Match(heading);
        return m.Success && m.Length < heading.Length ? heading[m.Length..] : heading;
    }

    /// <summary>The heading level a line would have if it stood alone, or 0 when it does not look like a heading.</summary>
    public static int LevelOf(string line, bool allowPlainShortLines)
    {
        var s = line.Trim();
        if (s.Length is < 2 or > MaxHeadingLength || EndsLikeSentence(s))
            return 0;
        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > MaxHeadingWords)
            return 0;
        var numbered = NumberedHeading().Match(s);
        var body = StripNumber(s);
        if (!char.IsUpper(body[0]) && !char.IsDigit(body[0]))
            return 0;
        if (numbered.Success && body.Length < s.Length)
            return numbered.Groups[1].Value.Count(c => c == '.') + 2;
        if (IsAllCaps(body))
            return 2;
        if (allowPlainShortLines && words.Length <= 8 && !body.Any(char.IsDigit))
            return 2;
        return 0;
    }

    private static readonly HashSet<string> s_trailingFunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "of", "to", "with", "for", "by", "from", "in", "on", "at", "as", "our", "your",
        "we", "you", "is", "are", "that", "this", "such", "may", "will", "can", "not",
    };

    /// <summary>
    /// A heading line directly above its paragraph, with no blank line between ("Information We Collect" then
    /// "We collect …"): short against the line after it, title-like, not ending in a word that needs more.
    /// </summary>
    public static bool IsRunInHeading(string line, string next)
    {
        var s = line.Trim();
        var following = next.Trim();
        if (LevelOf(s, allowPlainShortLines: true) == 0 || following.Length == 0 || !char.IsUpper(following[0]))
            return false;
        if (s.Length * 10 > following.Length * 6)
            return false;
        var words = StripNumber(s).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (s_trailingFunctionWords.Contains(words[^1]))
            return false;
        return words.Length <= 4 || words.Where(w => w.Length >= 4).All(w => char.IsUpper(w[0]));
    }

    public static bool IsAllCaps(string s)
    {
        var letters = 0;
        foreach (var c in s)
        {
            if (char.IsLower(c))
                return false;
            if (char.IsLetter(c))
                letters++;
        }
        return letters >= 2;
    }

    private static bool EndsLikeSentence(string s) => s[^1] is '.' or '!' or '?' or ',' or ';' or ':' or '"';
}
