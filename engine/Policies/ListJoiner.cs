using System.Text;

namespace Compliance.Engine.Policies;

/// <summary>
/// Keeps list items with the sentence that introduces them. "We collect:" followed by the items "your IMEI" and
/// "your email" becomes the one sentence "We collect: your IMEI; your email." so that every item keeps its subject
/// and verb. Items that are whole sentences of their own, or lists too long for one sentence, stay separate.
/// </summary>
internal static class ListJoiner
{
    private const int MaxJoinedItems = 30;
    private const int MaxJoinedLength = 3000;
    private static readonly char[] s_inlineBullets = ['\u2022', '\u25E6', '\u25AA', '\u25CF', '\u2023', '\u25A0', '\u2043'];

    // Words after which a lead-in without a colon runs straight on into its items ("We share it with").
    private static readonly HashSet<string> s_runOnWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "with", "to", "as", "include", "includes", "including", "are", "is", "and", "or", "of", "for", "by", "from",
        "about", "like", "on", "in", "via", "through", "collect", "use", "share", "receive", "contain", "contains",
    };

    /// <summary>
    /// A paragraph introduces the list after it when it ends in a colon or dash, or has no closing punctuation at
    /// all ("We collect the following information").
    /// </summary>
    public static bool IsLeadIn(string paragraph) =>
        paragraph.Length > 0 && paragraph[^1] is not ('.' or '!' or '?' or ';' or '"' or '\'' or ')');

    /// <summary>The lead-in and items joined into one sentence, or null when they should stay apart.</summary>
    public static string? TryJoin(string leadIn, IReadOnlyList<string> items)
    {
        if (items.Count == 0 || items.Count > MaxJoinedItems || items.All(IsCompleteSentence))
            return null;
        var builder = new StringBuilder(leadIn.Length + (items.Count * 40));
        builder.Append(leadIn);
        if (char.IsLetterOrDigit(leadIn[^1]) && !s_runOnWords.Contains(LastWord(leadIn)))
            builder.Append(':');
        for (var i = 0; i < items.Count; i++)
        {
            var item = TrimItem(items[i]);
            if (item.Length == 0)
                continue;
            if (SentenceSegmenter.Split(item).Count > 1)
                return null;
            builder.Append(i == 0 ? " " : "; ").Append(item);
        }
        if (builder[^1] != '.')
            builder.Append('.');
        return builder.Length <= MaxJoinedLength ? builder.ToString() : null;
    }

    /// <summary>Splits "We collect: • your IMEI • your email" into its lead-in and items; null without bullets.</summary>
    public static (string LeadIn, IReadOnlyList<string> Items)? SplitInlineBullets(string paragraph)
    {
        var first = paragraph.IndexOfAny(s_inlineBullets);
        if (first < 0)
            return null;
        var items = paragraph[(first + 1)..].Split(s_inlineBullets, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return (paragraph[..first].TrimEnd(), items);
    }

    // "We do not sell your data." needs no lead-in to keep its subject; "Google, for analytics." does.
    private static bool IsCompleteSentence(string item) =>
        item.Length > 0 && item[^1] is '.' or '!' or '?' && Abbreviations.IsSentenceStarter(FirstWord(item));

    private static string FirstWord(string text)
    {
        var end = 0;
        while (end < text.Length && char.IsLetter(text[end]))
            end++;
        return text[..end];
    }

    private static string LastWord(string text)
    {
        var start = text.Length;
        while (start > 0 && char.IsLetter(text[start - 1]))
            start--;
        return text[start..];
    }

    // "have your data erased; and" -> "have your data erased": the joiner supplies its own separators.
    private static string TrimItem(string item)
    {
        var s = TableRowText.TrimEndPunctuation(item);
        foreach (var tail in (string[])[" and", " or", " and/or"])
        {
            if (s.EndsWith(tail, StringComparison.Ordinal) && s.Length > tail.Length
                && s[s.Length - tail.Length - 1] is ';' or ',')
            {
                s = TableRowText.TrimEndPunctuation(s[..^tail.Length]);
            }
        }
        return s;
    }
}
