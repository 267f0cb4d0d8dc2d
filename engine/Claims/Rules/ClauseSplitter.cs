using System.Text.RegularExpressions;

namespace Compliance.Engine.Claims.Rules;

/// <summary>
/// Cuts a sentence into clauses where a new practice can start: at semicolons, at "but" (not "but not"),
/// at "and"/"or" followed by a subject or a practice verb, and before ", we". Negation scope ends at a cut,
/// so "we do not sell …, but we share …" gives two clauses of opposite polarity.
/// </summary>
public static class ClauseSplitter
{
    private static readonly Regex s_cut = BuildCut();

    private static Regex BuildCut()
    {
        var verbs = string.Join('|', ActionLexicon.AllForms
            .Select(f => Regex.Escape(f).Replace(@"\ ", @"\s+", StringComparison.Ordinal))
            .OrderByDescending(f => f.Length));
        const string subjects = "we|it|they|is|are|was|were|will|may|might|can|could|never|do|does|did|no|nothing|then|also|only|this|these|those|if|when|while|unless|once";
        var pattern = @";\s*|:\s+(?=(?:we|they|it)\b)|,?\s+but\s+(?!not\b|never\b)|,\s*(?=(?:we|they)\s)|,?\s+(?:and|or)\s*,?\s+(?=(?:" + subjects + "|(?:" + verbs + @")(?:s|es|d|ed)?" + @")\b)";
        return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    /// <summary>Clause ranges [start, end) in the sentence, in order, none empty, each with the word that joined it
    /// to the clause before ("and", "or", "but", ";", "," or "" for the first).</summary>
    public static List<(int Start, int End, string Connector)> Split(string sentence)
    {
        var ranges = new List<(int, int, string)>();
        var start = 0;
        var connector = "";
        foreach (Match cut in s_cut.Matches(sentence))
        {
            if (cut.Index > start)
                ranges.Add((start, cut.Index, connector));
            start = cut.Index + cut.Length;
            connector = ConnectorOf(cut.Value);
        }
        if (start < sentence.Length)
            ranges.Add((start, sentence.Length, connector));
        return ranges;
    }

    private static string ConnectorOf(string cut)
    {
        var words = cut.Trim(' ', ',').ToLowerInvariant();
        return words.Length == 0 ? "," : words;
    }
}
