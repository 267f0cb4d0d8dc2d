using System.Collections.Frozen;

namespace Compliance.Engine.Claims.Rules;

/// <summary>One lexicon phrase found in a sentence: the folded range and the term it names.</summary>
public readonly record struct PhraseMatch(int Start, int End, string TermId);

/// <summary>
/// Finds lexicon phrases in folded text, longest match first, so "advertising identifier" wins over
/// "identifier". Plural forms (s, es) of each phrase match too. Immutable, so safe to share across threads.
/// </summary>
public sealed class PhraseMatcher
{
    private readonly FrozenDictionary<string, string> _phraseToTerm;
    private readonly int _maxWords;

    public PhraseMatcher(IEnumerable<(string Phrase, string TermId)> phrases)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (phrase, term) in phrases)
        {
            var folded = PhraseText.FoldPhrase(phrase);
            if (folded.Length == 0)
                continue;
            // The first listing of a phrase wins; later duplicates (e.g. user extensions) do not steal it.
            map.TryAdd(folded, term);
            map.TryAdd(folded + "s", term);
            if (folded.EndsWith('s') || folded.EndsWith('x') || folded.EndsWith("ch", StringComparison.Ordinal))
                map.TryAdd(folded + "es", term);
        }
        _phraseToTerm = map.ToFrozenDictionary(StringComparer.Ordinal);
        _maxWords = map.Keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max();
    }

    /// <summary>The term a whole phrase names, when the lexicon lists exactly that phrase (or its plural).</summary>
    public string? Exact(string phrase) => _phraseToTerm.GetValueOrDefault(PhraseText.FoldPhrase(phrase));

    /// <summary>Non-overlapping matches in the folded range [from, to), left to right, longest at each start.</summary>
    public List<PhraseMatch> Find(string folded, int from = 0, int to = -1)
    {
        if (to < 0)
            to = folded.Length;
        var starts = WordStarts(folded, from, to);
        var result = new List<PhraseMatch>();
        var next = 0;
        for (var w = 0; w < starts.Count; w++)
        {
            if (starts[w] < next)
                continue;
            for (var words = Math.Min(_maxWords, starts.Count - w); words >= 1; words--)
            {
                var endWord = w + words;
                var end = endWord < starts.Count ? starts[endWord] - 1 : WordEnd(folded, starts[^1]);
                if (end > to)
                    continue;
                var candidate = folded[starts[w]..end];
                if (_phraseToTerm.TryGetValue(candidate, out var term))
                {
                    result.Add(new PhraseMatch(starts[w], end, term));
                    next = end;
                    break;
                }
            }
        }
        return result;
    }

    private static List<int> WordStarts(string folded, int from, int to)
    {
        var starts = new List<int>();
        for (var i = Math.Max(from, 1); i < Math.Min(to, folded.Length); i++)
        {
            if (folded[i] != ' ' && folded[i - 1] == ' ')
                starts.Add(i);
        }
        return starts;
    }

    private static int WordEnd(string folded, int start)
    {
        var end = folded.IndexOf(' ', start);
        return end < 0 ? folded.Length : end;
    }
}
