using Compliance.Engine.Claims.Evaluation;

namespace Compliance.Engine.Claims.Learned;

/// <summary>A labelled span placed on the words of its sentence.</summary>
public sealed record GoldSpan(WordSpan Span, string? Value, IReadOnlyList<int> Claims);

/// <summary>A labelled sentence with its MiniLM view and its spans placed on words: what every stage trains on.</summary>
public sealed class GoldSentence
{
    public required LabelledSentence Label { get; init; }
    public required SentenceView View { get; init; }
    public required int[] Tags { get; init; }
    public required IReadOnlyList<GoldSpan> Spans { get; init; }

    public IEnumerable<GoldSpan> OfKind(string kind) => Spans.Where(s => s.Span.Kind == kind);

    public static GoldSentence Of(LabelledSentence label, SentenceView view)
    {
        var spans = new List<GoldSpan>();
        foreach (var span in label.Spans)
        {
            if (Array.IndexOf(WordTags.Kinds, span.Label) < 0 || span.Locate(label.Text) is not { } range
                || WordTags.WordsOf(view.Words, range.Start, range.End) is not { } words)
                continue;
            spans.Add(new GoldSpan(new WordSpan(span.Label, words.First, words.End), span.Value, span.Claims));
        }
        spans.Sort((a, b) => a.Span.First.CompareTo(b.Span.First));
        return new GoldSentence { Label = label, View = view, Tags = WordTags.FromLabels(label, view.Words), Spans = spans };
    }
}
