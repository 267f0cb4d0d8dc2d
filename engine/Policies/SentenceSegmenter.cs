using Compliance.Engine.Claims;

namespace Compliance.Engine.Policies;

/// <summary>
/// Splits normalised policy text into sentences. A line break always ends a sentence; a full stop, question or
/// exclamation mark ends one only when a new sentence visibly starts after it, which keeps abbreviations, numbered
/// clauses, decimals, URLs, e-mail addresses and parenthetical remarks inside their sentence.
/// </summary>
public static class SentenceSegmenter
{
    private const int MaxParenthesisReach = 400;

    public static IReadOnlyList<TextSpan> Split(string text)
    {
        var spans = new List<TextSpan>();
        Split(text, 0, text.Length, spans);
        return spans;
    }

    /// <summary>Adds the sentences of text[from..to) to <paramref name="spans"/> as trimmed spans.</summary>
    public static void Split(string text, int from, int to, List<TextSpan> spans)
    {
        var parentheses = ParenthesisRanges.Find(text, from, to, MaxParenthesisReach);
        var start = from;
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                Add(text, start, i, spans);
                start = i + 1;
                continue;
            }
            if (c is not ('.' or '!' or '?'))
                continue;
            var end = EndOfTerminator(text, i, to);
            if (end >= to || !char.IsWhiteSpace(text[end]))
                continue;
            var next = SkipSpaces(text, end, to);
            if (next >= to || text[next] is '\n' or '\r')
                continue;
            if (parentheses.Encloses(i, end) || !StartsSentence(text, next, to) || !EndsHere(text, start, i, end, next, to, closed: end > i + 1))
                continue;
            Add(text, start, end, spans);
            start = next;
            i = next - 1;
        }
        Add(text, start, to, spans);
    }

    // The terminator run: "?!", "...", then any closing quotes or brackets that belong to the sentence.
    private static int EndOfTerminator(string text, int i, int to)
    {
        var j = i + 1;
        while (j < to && text[j] is '.' or '!' or '?')
            j++;
        while (j < to && text[j] is ')' or ']' or '"' or '\'')
            j++;
        return j;
    }

    private static int SkipSpaces(string text, int i, int to)
    {
        while (i < to && text[i] is ' ' or '\t')
            i++;
        return i;
    }

    private static bool StartsSentence(string text, int i, int to)
    {
        var opened = false;
        while (i < to && text[i] is '"' or '\'' or '(' or '[')
        {
            opened |= text[i] is '(' or '[';
            i++;
        }
        if (i >= to)
            return false;
        var c = text[i];
        if (char.IsUpper(c) || char.IsDigit(c) || (char.IsLetter(c) && !char.IsLower(c)))
            return true;
        // "(b) We also …" starts with a list label; "iOS users …" and "eBay receives …" with a brand name.
        var word = WordAt(text, i, to);
        if (opened && word.Length <= 4 && i + word.Length < to && text[i + word.Length] is ')' or ']')
            return true;
        return word.Length > 1 && word.Skip(1).Any(char.IsUpper);
    }

    private static string WordAt(string text, int i, int to)
    {
        var end = i;
        while (end < to && char.IsLetterOrDigit(text[end]))
            end++;
        return text[i..end];
    }

    // Decides a single full stop: abbreviations and list numbers do not end a sentence.
    private static bool EndsHere(string text, int sentenceStart, int stop, int end, int next, int to, bool closed)
    {
        if (text[stop] != '.' || (stop + 1 < to && text[stop + 1] == '.'))
            return true;
        var tokenStart = stop;
        while (tokenStart > sentenceStart && (char.IsLetterOrDigit(text[tokenStart - 1]) || text[tokenStart - 1] == '.'))
            tokenStart--;
        if (tokenStart == stop)
            return true;
        var token = text[tokenStart..stop];
        if (IsListLabel(token) && IsOnlyLabel(text, sentenceStart, tokenStart))
            return false;
        // A closing quote or bracket after the stop ("… said \"No.\" We …") ends the sentence whatever precedes it.
        if (!char.IsLetter(token[0]) || closed)
            return true;
        if (Abbreviations.IsNeverFinal(token))
            return false;
        if (Abbreviations.IsBeforeNumber(token))
            return !char.IsDigit(text[next]);
        // "Acme Ltd. Acme provides …" ends; "Acme Ltd. (\"Acme\", \"we\") provides …" does not.
        if (Abbreviations.IsFinalBeforeCapital(token))
            return char.IsLetter(text[next]);
        if (token.Length == 1 && char.IsUpper(token[0]))
            return StartsWithStarterWord(text, next, to);
        return !Abbreviations.IsMaybeFinal(token) || LooksLikeNewSentence(text, next, to);
    }

    // "Plan B. The plan …" ends; "Pub. L. No. 104-191" does not: a starter that is itself abbreviated is not one.
    private static bool StartsWithStarterWord(string text, int next, int to)
    {
        var word = NextWord(text, next, to);
        var end = text.IndexOf(word, next, StringComparison.Ordinal) + word.Length;
        return Abbreviations.IsSentenceStarter(word) && (end >= to || text[end] != '.');
    }

    // After "U.S." or "5 p.m.": a new sentence opens with a function word ("We", "The") or with a capitalised
    // word and then a lower-case one that does not continue a name ("Backups are …" but not "Department of …").
    private static bool LooksLikeNewSentence(string text, int next, int to)
    {
        var first = NextWord(text, next, to);
        if (Abbreviations.IsSentenceStarter(first))
            return true;
        var after = next;
        while (after < to && !char.IsLetterOrDigit(text[after]))
            after++;
        after += first.Length;
        if (after >= to || text[after] != ' ')
            return false;
        var second = NextWord(text, after, to);
        return second.Length > 0 && char.IsLower(second[0]) && !Abbreviations.IsNameJoiner(second);
    }

    // "3", "3.2", "iv", "b": the label of a numbered clause or list item.
    private static bool IsListLabel(string token)
    {
        if (token.All(ch => char.IsDigit(ch) || ch == '.'))
            return true;
        if (token.Length == 1 && char.IsLetter(token[0]))
            return true;
        return token.Length <= 4 && token.All(ch => "ivxIVX".Contains(ch));
    }

    private static bool IsOnlyLabel(string text, int sentenceStart, int tokenStart)
    {
        for (var k = sentenceStart; k < tokenStart; k++)
        {
            if (text[k] is not (' ' or '(' or '[' or '\t'))
                return false;
        }
        return true;
    }

    private static string NextWord(string text, int i, int to)
    {
        while (i < to && !char.IsLetterOrDigit(text[i]))
            i++;
        var s = i;
        while (i < to && char.IsLetter(text[i]))
            i++;
        return text[s..i];
    }

    private static void Add(string text, int start, int end, List<TextSpan> spans)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
            start++;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        for (var k = start; k < end; k++)
        {
            if (char.IsLetterOrDigit(text[k]))
            {
                spans.Add(new TextSpan(start, end));
                return;
            }
        }
    }
}
