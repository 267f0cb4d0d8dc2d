using Compliance.Engine.Policies;

namespace Compliance.Engine.Claims.Evaluation;

/// <summary>Precision, recall and F1 of one scored quantity, with the counts behind them.</summary>
public sealed record Score(string Name, int TruePositives, int Predicted, int Gold)
{
    public double Precision => Predicted == 0 ? (Gold == 0 ? 1 : 0) : (double)TruePositives / Predicted;
    public double Recall => Gold == 0 ? (Predicted == 0 ? 1 : 0) : (double)TruePositives / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Scores an extractor on labelled sentences exactly as the claim-extraction issue defines: practice
/// detection per line, core triples (line, action, polarity, dataType), and (line, value) sets per field.
/// </summary>
public static class ClaimEvaluation
{
    public static IReadOnlyList<Score> Evaluate(ClaimExtractor extractor, IReadOnlyList<LabelledSentence> gold)
    {
        // Every labelled line is one sentence; offsets are made up so claims map back to their line.
        var sentences = new List<PolicySentence>(gold.Count);
        var offset = 0;
        foreach (var line in gold)
        {
            sentences.Add(new PolicySentence(line.Text, new TextSpan(offset, offset + line.Text.Length), line.Section));
            offset += line.Text.Length + 1;
        }
        var predicted = extractor.Extract(sentences, DocumentRef.Default);
        var lineOf = sentences.Select((s, i) => (s.Span.Start, i)).ToDictionary(x => x.Start, x => x.i);
        var byLine = predicted.GroupBy(c => lineOf[c.Span.Start]).ToDictionary(g => g.Key, g => g.ToList());
        return Score(gold, byLine);
    }

    public static IReadOnlyList<Score> Score(IReadOnlyList<LabelledSentence> gold, IReadOnlyDictionary<int, List<Claim>> predictedByLine)
    {
        List<Claim> Pred(int line) => predictedByLine.TryGetValue(line, out var c) ? c : [];
        var range = Enumerable.Range(0, gold.Count).ToList();

        var practiceGold = range.Where(i => gold[i].Claims.Count > 0).ToHashSet();
        var practicePred = range.Where(i => Pred(i).Count > 0).ToHashSet();

        HashSet<string> Triples(IEnumerable<(int Line, string Action, Polarity Polarity, IReadOnlyList<string> Types)> items) =>
            items.SelectMany(x => x.Types.Select(t => $"{x.Line}|{x.Action}|{x.Polarity}|{t}")).ToHashSet(StringComparer.Ordinal);

        var triplesGold = Triples(range.SelectMany(i => gold[i].Claims.Select(c => (i, c.Action, c.Polarity, c.DataTypes))));
        var triplesPred = Triples(range.SelectMany(i => Pred(i).Select(c => (i, c.Action, c.Polarity, c.DataTypes))));

        HashSet<string> Field(Func<int, IEnumerable<string>> values) =>
            range.SelectMany(i => values(i).Select(v => $"{i}|{v}")).ToHashSet(StringComparer.Ordinal);

        return
        [
            Make("practice", practicePred.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet(),
                practiceGold.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet()),
            Make("core-triples", triplesPred, triplesGold),
            Make("recipients", Field(i => Pred(i).SelectMany(c => c.Recipients)), Field(i => gold[i].Claims.SelectMany(c => c.Recipients))),
            Make("conditions", Field(i => Pred(i).SelectMany(c => c.Conditions)), Field(i => gold[i].Claims.SelectMany(c => c.Conditions))),
            Make("qualifiers", Field(i => Pred(i).SelectMany(c => c.Qualifiers)), Field(i => gold[i].Claims.SelectMany(c => c.Qualifiers))),
            Make("purposes", Field(i => Pred(i).SelectMany(c => c.Purposes)), Field(i => gold[i].Claims.SelectMany(c => c.Purposes))),
            Make("sentence-labels", Field(i => Pred(i).Select(c => SentenceLabel(c.Action, c.Polarity))),
                Field(i => gold[i].Claims.Select(c => SentenceLabel(c.Action, c.Polarity)))),
        ];
    }

    /// <summary>
    /// The four sentence-level labels that real-text sets use (collect, not-collect, share, not-share): an action
    /// that hands data to another party is a share, every other action a collect.
    /// </summary>
    public static string SentenceLabel(string action, Polarity polarity)
    {
        var share = action is "share" or "sell" or "transfer-abroad";
        return (polarity == Polarity.Negative ? "not-" : "") + (share ? "share" : "collect");
    }

    private static Score Make(string name, HashSet<string> predicted, HashSet<string> gold) =>
        new(name, predicted.Count(gold.Contains), predicted.Count, gold.Count);
}
