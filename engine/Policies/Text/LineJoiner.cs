using System.Text;

namespace Compliance.Engine.Policies.Text;

/// <summary>
/// Joins wrapped lines into one paragraph. A hyphen at a line end followed by a lower-case word is resolved by
/// the document's own vocabulary: "data-\nbase" becomes "database" when that word occurs elsewhere, stays
/// "third-party" when the hyphenated form does, and otherwise follows the source (typeset PDFs drop the hyphen).
/// </summary>
internal sealed class LineJoiner
{
    private readonly HashSet<string>? _vocabulary;

    public LineJoiner(IReadOnlyList<SourceLine>? typesetLines)
    {
        if (typesetLines is null)
            return;
        _vocabulary = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in typesetLines)
        {
            foreach (var word in line.Text.Split([' ', ',', ';', ':', '.', '(', ')', '"', '\''], StringSplitOptions.RemoveEmptyEntries))
                _vocabulary.Add(word);
        }
    }

    public void Append(StringBuilder paragraph, string line)
    {
        var text = line.Trim();
        if (text.Length == 0)
            return;
        if (paragraph.Length == 0)
        {
            paragraph.Append(text);
            return;
        }
        if (EndsWithWordHyphen(paragraph) && char.IsLower(text[0]))
        {
            var prefix = LastWord(paragraph);
            var suffix = FirstWord(text);
            if (!KeepHyphen(prefix, suffix))
                paragraph.Length--;
            paragraph.Append(text);
            return;
        }
        paragraph.Append(' ').Append(text);
    }

    private bool KeepHyphen(string prefix, string suffix)
    {
        if (_vocabulary is null)
            return true;
        if (_vocabulary.Contains(prefix + suffix))
            return false;
        return _vocabulary.Contains(prefix + "-" + suffix);
    }

    private static bool EndsWithWordHyphen(StringBuilder s) =>
        s.Length >= 2 && s[^1] == '-' && char.IsLetter(s[^2]);

    private static string LastWord(StringBuilder s)
    {
        var end = s.Length - 1;
        var start = end;
        while (start > 0 && char.IsLetter(s[start - 1]))
            start--;
        return s.ToString(start, end - start);
    }

    private static string FirstWord(string text)
    {
        var end = 0;
        while (end < text.Length && char.IsLetter(text[end]))
            end++;
        return text[..end];
    }
}
