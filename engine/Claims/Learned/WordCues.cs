using Compliance.Engine.Claims.Ml;
using Compliance.Engine.Claims.Rules;

namespace Compliance.Engine.Claims.Learned;

/// <summary>
/// What the ontology lexicon and a few closed word classes say about each word of a sentence: inside a data-type
/// or recipient phrase of the ontology (and which term), a negation word, a word that opens a condition. These
/// are features beside the MiniLM vectors; the models learn how much to trust them.
/// </summary>
public sealed class WordCues
{
    /// <summary>Closed-class negation words (and the "t" of "n't", which the tokenizer splits off).</summary>
    private static readonly HashSet<string> s_negation = new(StringComparer.Ordinal)
    {
        "not", "never", "no", "nothing", "none", "neither", "nor", "cannot", "without", "unable", "nobody", "nowhere", "t",
    };

    /// <summary>Subordinators and prepositions that open a condition or an exception.</summary>
    private static readonly HashSet<string> s_conditionOpeners = new(StringComparer.Ordinal)
    {
        "if", "unless", "when", "whenever", "while", "until", "once", "only", "after", "before", "with", "without", "except",
        "provided", "upon", "during", "in",
    };

    /// <summary>Words that join clauses; where one sits between two spans they likely belong to different claims.</summary>
    private static readonly HashSet<string> s_clauseJoiners = new(StringComparer.Ordinal)
    {
        "and", "or", "but", "which", "that", "who", "while", "whereas", "although", "though", "however", "so", "because",
    };

    public const int Width = 10;

    public string[] DataTerm { get; private init; } = [];
    public string[] RecipientTerm { get; private init; } = [];
    public bool[] DataStart { get; private init; } = [];
    public bool[] RecipientStart { get; private init; } = [];
    public string[] Lower { get; private init; } = [];

    public static WordCues Of(string text, TokenWord[] words, ClauseVocabulary vocabulary)
    {
        var lower = words.Select(w => text[w.Start..w.End].ToLowerInvariant()).ToArray();
        var (dataTerm, dataStart) = Mark(text, words, vocabulary.DataTypes);
        var (recipientTerm, recipientStart) = Mark(text, words, vocabulary.Recipients);
        var protective = new bool[words.Length];
        foreach (var (start, end) in QualifierReader.NonIdentifyingPhrases(text))
        {
            for (var w = 0; w < words.Length; w++)
                protective[w] |= words[w].Start >= start && words[w].End <= end;
        }
        return new WordCues
        {
            Lower = lower, DataTerm = dataTerm, DataStart = dataStart, RecipientTerm = recipientTerm, RecipientStart = recipientStart,
            Protective = protective,
        };
    }

    /// <summary>Words inside a phrase saying that data cannot identify anyone; their negation qualifies, it does not deny.</summary>
    public bool[] Protective { get; private init; } = [];

    public bool IsNegation(int i) =>
        s_negation.Contains(Lower[i]) && (Lower[i] != "t" || (i > 0 && Lower[i - 1] is "'" or "’")) && !Protective[i];

    public bool IsConditionOpener(int i) => s_conditionOpeners.Contains(Lower[i]);

    public bool IsClauseJoiner(int i) => s_clauseJoiners.Contains(Lower[i]);

    public static bool IsPunctuation(string word) => word.Length == 1 && !char.IsLetterOrDigit(word[0]);

    /// <summary>The <see cref="Width"/> cue features of word <paramref name="i"/>, written into <paramref name="into"/>.</summary>
    public void Write(int i, string text, TokenWord word, Span<float> into)
    {
        var first = text[word.Start];
        into[0] = IsPunctuation(Lower[i]) ? 1 : 0;
        into[1] = char.IsUpper(first) ? 1 : 0;
        into[2] = i == 0 ? 1 : 0;
        into[3] = DataTerm[i] is { Length: > 0 } ? (DataStart[i] ? 1 : 0.5f) : 0;
        into[4] = DataTerm[i] is { Length: 0 } ? 1 : 0; // inside a phrase the lexicon says names no data
        into[5] = RecipientTerm[i] is not null ? (RecipientStart[i] ? 1 : 0.5f) : 0;
        into[6] = IsNegation(i) ? 1 : 0;
        into[7] = IsConditionOpener(i) ? 1 : 0;
        into[8] = IsClauseJoiner(i) ? 1 : 0;
        into[9] = first is '\'' or '"' or '‘' or '’' or '“' or '”' or '>' ? 1 : 0;
    }

    // Each word inside a lexicon match gets the match's term ("" for a blocking phrase, null outside any).
    private static (string[] Term, bool[] Start) Mark(string text, TokenWord[] words, PhraseMatcher matcher)
    {
        var terms = new string[words.Length];
        var starts = new bool[words.Length];
        var folded = PhraseText.Of(text);
        foreach (var match in matcher.Find(folded.Folded))
        {
            var from = folded.OriginOf(match.Start);
            var to = folded.OriginOf(match.End - 1) + 1;
            var firstWord = true;
            for (var w = 0; w < words.Length; w++)
            {
                if (words[w].End <= from || words[w].Start >= to)
                    continue;
                terms[w] = match.TermId;
                starts[w] = firstWord;
                firstWord = false;
            }
        }
        return (terms, starts);
    }
}
