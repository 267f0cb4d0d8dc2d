using Compliance.Engine.Claims.Learned;

namespace Compliance.Engine.Claims.Evaluation;

/// <summary>
/// Scores each learned stage on held-out sentences with the gold output of the stages before it, so a weak
/// stage shows itself: spans per kind (exact word ranges), span values, attachment, action and polarity.
/// </summary>
public sealed class StageScores
{
    private readonly Dictionary<string, (int Tp, int Pred, int Gold)> _counts = new(StringComparer.Ordinal);

    public void Add(ClaimModels models, LearnedClaimReader reader, GoldSentence g)
    {
        var s = g.View;
        var probabilities = Enumerable.Range(0, s.Count).Select(w => models.Tagger.Probabilities(ClaimFeatures.Word(s, w))).ToArray();
        var predicted = WordTags.Spans(WordTags.Decode(probabilities)).ToHashSet();
        foreach (var kind in WordTags.Kinds)
        {
            var gold = g.Spans.Where(p => p.Span.Kind == kind).Select(p => p.Span).ToHashSet();
            var mine = predicted.Where(p => p.Kind == kind).ToHashSet();
            Count("span " + kind, mine.Count(gold.Contains), mine.Count, gold.Count);
            // Overlap: a predicted span that shares a word with a gold span of its kind (boundaries aside).
            static bool Overlaps(WordSpan a, WordSpan b) => a.First < b.End && b.First < a.End;
            Count("overlap " + kind, mine.Count(m => gold.Any(g => Overlaps(m, g))), mine.Count, gold.Count);
        }
        var isPractice = models.Practice.Probability(ClaimFeatures.Sentence(s), "yes") >= 0.5f;
        Count("practice", isPractice && g.Label.Claims.Count > 0 ? 1 : 0, isPractice ? 1 : 0, g.Label.Claims.Count > 0 ? 1 : 0);

        var recipients = models.Recipient.Classes;
        foreach (var span in g.OfKind(WordTags.Data).Where(p => p.Value is not null))
            Accuracy("value data", reader.DataTypeOf(s, span.Span) == span.Value);
        foreach (var span in g.OfKind(WordTags.Recipient).Where(p => p.Value is not null))
            Accuracy("value recipient", reader.RecipientOf(s, span.Span) == span.Value);
        foreach (var span in g.OfKind(WordTags.Condition).Where(p => p.Value is not null))
        {
            Accuracy("value condition", models.Condition.Best(ClaimModels.ConditionFeatures(s, span.Span)) == ClaimModels.ConditionKind(span.Value!));
            if (span.Value!.StartsWith("setting-enabled:", StringComparison.Ordinal))
                Accuracy("setting name", "setting-enabled:" + SettingName.Of(s.SpanText(span.Span)) == span.Value);
        }

        var anchors = g.OfKind(WordTags.Action).ToList();
        var anchorSpans = anchors.Select(a => a.Span).ToList();
        foreach (var a in anchors)
        {
            foreach (var span in g.Spans.Where(p => p.Span.Kind is WordTags.Data or WordTags.Recipient or WordTags.Condition))
            {
                var attached = models.Attachment.Probability(ClaimFeatures.Pair(s, span.Span, a.Span, anchorSpans), "yes") >= 0.5f;
                Accuracy("attachment", attached == span.Claims.Intersect(a.Claims).Any());
            }
            var shared = g.Spans.Where(p => p.Claims.Intersect(a.Claims).Any()).ToList();
            var claim = g.Label.Claims[a.Claims[0]];
            var attachedRecipients = shared.Where(p => p.Span.Kind == WordTags.Recipient && p.Value is not null).Select(p => p.Value!).Distinct().ToList();
            var data = shared.Where(p => p.Span.Kind == WordTags.Data).ToList();
            Accuracy("action", models.Action.Best(models.ActionFeatures(s, a.Span, attachedRecipients, data.Count > 0)) == claim.Action);
            var kinds = shared.Where(p => p.Span.Kind == WordTags.Condition && p.Value is not null).Select(p => ClaimModels.ConditionKind(p.Value!)).Distinct().ToList();
            foreach (var d in data)
            {
                var owner = g.Label.Claims[d.Claims.Intersect(a.Claims).First()];
                var negative = models.Polarity.Probability(ClaimFeatures.Polarity(s, a.Span, d.Span, kinds), "negative") >= 0.5f;
                Accuracy("polarity", negative == (owner.Polarity == Polarity.Negative));
            }
        }
    }

    public IEnumerable<(string Stage, string Figure)> Report() =>
        _counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value.Pred < 0
            ? $"accuracy {(double)c.Value.Tp / Math.Max(1, c.Value.Gold):0.000} ({c.Value.Tp}/{c.Value.Gold})"
            : new Score(c.Key, c.Value.Tp, c.Value.Pred, c.Value.Gold) is var s ? $"P {s.Precision:0.000} R {s.Recall:0.000} F1 {s.F1:0.000} ({c.Value.Tp}/{c.Value.Pred}/{c.Value.Gold})" : ""));

    private void Count(string name, int tp, int pred, int gold)
    {
        var (a, b, c) = _counts.GetValueOrDefault(name);
        _counts[name] = (a + tp, b + pred, c + gold);
    }

    private void Accuracy(string name, bool right)
    {
        var (a, _, c) = _counts.GetValueOrDefault(name, (0, -1, 0));
        _counts[name] = (a + (right ? 1 : 0), -1, c + 1);
    }

}
