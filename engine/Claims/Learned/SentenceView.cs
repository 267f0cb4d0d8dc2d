using System.Numerics.Tensors;
using Compliance.Engine.Claims.Ml;
using Compliance.Engine.Claims.Rules;

namespace Compliance.Engine.Claims.Learned;

/// <summary>
/// A sentence as the learned models see it: the MiniLM pass (words, word vectors, sentence vector) and the
/// lexical cues of each word, with helpers that pool word vectors over ranges.
/// </summary>
public sealed class SentenceView
{
    public const int D = MiniLmEncoder.Dimensions;

    public EncodedText Encoded { get; }
    public WordCues Cues { get; }
    public string Text => Encoded.Text;
    public TokenWord[] Words => Encoded.Words;
    public int Count => Encoded.Words.Length;

    public SentenceView(EncodedText encoded, ClauseVocabulary vocabulary)
    {
        Encoded = encoded;
        Cues = WordCues.Of(encoded.Text, encoded.Words, vocabulary);
    }

    public string WordText(int i) => Text[Words[i].Start..Words[i].End];

    public string SpanText(WordSpan span) => Text[Words[span.First].Start..Words[span.End - 1].End];

    /// <summary>Adds the mean of the word vectors of [first, end) (clipped to the sentence) into <paramref name="into"/>; zeros when empty.</summary>
    public void Mean(int first, int end, Span<float> into)
    {
        first = Math.Max(0, first);
        end = Math.Min(Count, end);
        into.Clear();
        if (end <= first)
            return;
        for (var w = first; w < end; w++)
            TensorPrimitives.Add(into, Encoded.Word(w), into);
        if (end - first > 1)
            TensorPrimitives.Divide(into, end - first, into);
    }

    public int CountWhere(int first, int end, Func<int, bool> test)
    {
        var n = 0;
        for (var w = Math.Max(0, first); w < Math.Min(Count, end); w++)
        {
            if (test(w))
                n++;
        }
        return n;
    }
}
