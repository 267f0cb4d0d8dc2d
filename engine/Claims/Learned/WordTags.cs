using Compliance.Engine.Claims.Evaluation;
using Compliance.Engine.Claims.Ml;

namespace Compliance.Engine.Claims.Learned;

/// <summary>A span found on the words of a sentence: its kind and the words [First, End).</summary>
public readonly record struct WordSpan(string Kind, int First, int End)
{
    public int Length => End - First;
}

/// <summary>
/// The BIO tag set of the word tagger: O, then B- and I- for each span kind of LABELLING.md, and the
/// conversions between labelled character spans, word tags and word spans.
/// </summary>
public static class WordTags
{
    public const string Action = "action";
    public const string Data = "data";
    public const string Recipient = "recipient";
    public const string Condition = "condition";
    public const string Negation = "negation";

    public static readonly string[] Kinds = [Action, Data, Recipient, Condition, Negation];

    /// <summary>Tag names in model order: "O", "B-action", "I-action", ….</summary>
    public static readonly string[] Names = ["O", .. Kinds.SelectMany(k => new[] { "B-" + k, "I-" + k })];

    public static int Begin(string kind) => 1 + 2 * Array.IndexOf(Kinds, kind);

    public static int Inside(string kind) => Begin(kind) + 1;

    public static string? KindOf(int tag) => tag == 0 ? null : Kinds[(tag - 1) / 2];

    public static bool IsBegin(int tag) => tag > 0 && (tag - 1) % 2 == 0;

    /// <summary>The words a character range covers (every word that overlaps it).</summary>
    public static (int First, int End)? WordsOf(TokenWord[] words, int start, int end)
    {
        var first = -1;
        var last = -1;
        for (var w = 0; w < words.Length; w++)
        {
            if (words[w].End <= start || words[w].Start >= end)
                continue;
            if (first < 0)
                first = w;
            last = w;
        }
        return first < 0 ? null : (first, last + 1);
    }

    /// <summary>Word tags of a labelled sentence (spans that cannot be placed are left out).</summary>
    public static int[] FromLabels(LabelledSentence sentence, TokenWord[] words)
    {
        var tags = new int[words.Length];
        foreach (var span in sentence.Spans)
        {
            if (Array.IndexOf(Kinds, span.Label) < 0 || span.Locate(sentence.Text) is not { } range
                || WordsOf(words, range.Start, range.End) is not { } covered)
                continue;
            for (var w = covered.First; w < covered.End; w++)
                tags[w] = w == covered.First ? Begin(span.Label) : Inside(span.Label);
        }
        return tags;
    }

    /// <summary>The spans a tag sequence spells (an I- without its B- opens a span, as a B- would).</summary>
    public static List<WordSpan> Spans(int[] tags)
    {
        var spans = new List<WordSpan>();
        var w = 0;
        while (w < tags.Length)
        {
            if (tags[w] == 0)
            {
                w++;
                continue;
            }
            var kind = KindOf(tags[w])!;
            var end = w + 1;
            while (end < tags.Length && tags[end] == Inside(kind))
                end++;
            spans.Add(new WordSpan(kind, w, end));
            w = end;
        }
        return spans;
    }

    /// <summary>
    /// The most probable tag sequence under BIO constraints (I-X only after B-X or I-X), from per-word
    /// tag probabilities (Viterbi over log probabilities).
    /// </summary>
    /// <param name="transitions">optional log probabilities of each tag after each tag (k × k), weighed in by <paramref name="weight"/>.</param>
    public static int[] Decode(float[][] probabilities, float[]? transitions = null, float weight = 0)
    {
        var n = probabilities.Length;
        var k = Names.Length;
        if (n == 0)
            return [];
        var score = new double[n, k];
        var back = new int[n, k];
        for (var t = 0; t < k; t++)
            score[0, t] = IsBegin(t) || t == 0 ? Math.Log(probabilities[0][t] + 1e-9) : double.NegativeInfinity;
        for (var i = 1; i < n; i++)
        {
            for (var t = 0; t < k; t++)
            {
                var emit = Math.Log(probabilities[i][t] + 1e-9);
                var best = double.NegativeInfinity;
                var from = 0;
                for (var p = 0; p < k; p++)
                {
                    if (!Allowed(p, t))
                        continue;
                    var candidate = score[i - 1, p] + (transitions is null ? 0 : weight * transitions[p * k + t]);
                    if (candidate <= best)
                        continue;
                    best = candidate;
                    from = p;
                }
                score[i, t] = best + emit;
                back[i, t] = from;
            }
        }
        var tags = new int[n];
        var last = 0;
        for (var t = 1; t < k; t++)
        {
            if (score[n - 1, t] > score[n - 1, last])
                last = t;
        }
        tags[n - 1] = last;
        for (var i = n - 1; i > 0; i--)
            tags[i - 1] = back[i, tags[i]];
        return tags;
    }

    /// <summary>Log probabilities of each tag following each tag in gold tag sequences (add-one smoothed), k × k.</summary>
    public static float[] Transitions(IEnumerable<int[]> sequences)
    {
        var k = Names.Length;
        var counts = new double[k * k];
        Array.Fill(counts, 1);
        foreach (var tags in sequences)
        {
            for (var i = 1; i < tags.Length; i++)
                counts[tags[i - 1] * k + tags[i]]++;
        }
        var result = new float[k * k];
        for (var p = 0; p < k; p++)
        {
            var total = 0.0;
            for (var t = 0; t < k; t++)
                total += counts[p * k + t];
            for (var t = 0; t < k; t++)
                result[p * k + t] = (float)Math.Log(counts[p * k + t] / total);
        }
        return result;
    }

    private static bool Allowed(int previous, int tag) =>
        tag == 0 || IsBegin(tag) || (previous != 0 && KindOf(previous) == KindOf(tag));
}
