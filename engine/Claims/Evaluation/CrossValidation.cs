using Compliance.Engine.Claims.Learned;
using Compliance.Engine.Claims.Ml;
using Compliance.Engine.Claims.Rules;
using Compliance.Engine.Ontology;
using Compliance.Engine.Policies;

namespace Compliance.Engine.Claims.Evaluation;

/// <summary>The scores of a cross-validation: pooled over all held-out lines, and core-triple F1 per fold.</summary>
public sealed record CrossValidationResult(IReadOnlyList<Score> Pooled, IReadOnlyList<double> FoldCoreF1, IReadOnlyDictionary<int, List<Claim>> Predicted);

/// <summary>
/// Grouped K-fold cross-validation of the learned extractor: a group (a vendor, a source document) is never on
/// both sides of a split. Every sentence is encoded once; each fold trains a full model set on the other folds
/// (plus lines that are only ever trained on) and reads its own lines with it.
/// </summary>
public static class CrossValidation
{
    public const int Seed = 20241204;

    /// <summary>Fold of each line: groups shuffled with a fixed seed and dealt round-robin; k ≤ 0 leaves one group out at a time.</summary>
    public static int[] Folds(IReadOnlyList<LabelledSentence> lines, int k)
    {
        var groups = lines.Select(l => l.Group ?? l.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var random = new Random(Seed);
        for (var i = groups.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (groups[i], groups[j]) = (groups[j], groups[i]);
        }
        var foldOf = groups.Select((g, i) => (g, k <= 0 ? i : i % k)).ToDictionary(x => x.g, x => x.Item2, StringComparer.Ordinal);
        return lines.Select(l => foldOf[l.Group ?? l.Id]).ToArray();
    }

    public static CrossValidationResult Run(
        IReadOnlyList<LabelledSentence> lines, IReadOnlyList<LabelledSentence> alwaysTrain, MiniLmEncoder encoder, OntologyModel ontology,
        int k, ClaimModels.Settings? settings = null, Action<string>? log = null, Func<ClaimModels, LearnedClaimReader>? reader = null,
        StageScores? stages = null, IReadOnlyList<EncodedText>? encodedLines = null,
        Func<LearnedClaimReader, GoldSentence, List<ClaimDraft>>? read = null)
    {
        var vocabulary = new ClauseVocabulary(ontology);
        log?.Invoke($"encoding {lines.Count + alwaysTrain.Count} sentences");
        var encoded = encodedLines ?? encoder.EncodeWords(lines.Concat(alwaysTrain).Select(l => l.Text).ToList());
        var gold = lines.Concat(alwaysTrain).Select((l, i) => GoldSentence.Of(l, new SentenceView(encoded[i], vocabulary))).ToList();
        var folds = Folds(lines, k);
        var foldCount = folds.Length == 0 ? 0 : folds.Max() + 1;

        var predicted = new Dictionary<int, List<Claim>>();
        var foldScores = new List<double>();
        for (var fold = 0; fold < foldCount; fold++)
        {
            var test = Enumerable.Range(0, lines.Count).Where(i => folds[i] == fold).ToList();
            if (test.Count == 0)
                continue;
            var train = Enumerable.Range(0, gold.Count).Where(i => i >= lines.Count || folds[i] != fold).Select(i => gold[i]).ToList();
            var models = ClaimModels.Train(train, ontology, settings);
            var learned = reader?.Invoke(models) ?? new LearnedClaimReader(models, ontology);
            var foldPredicted = new Dictionary<int, List<Claim>>();
            foreach (var i in test)
            {
                var claims = (read?.Invoke(learned, gold[i]) ?? learned.Read(gold[i].View)).Select(d => d.ToClaim(lines[i].Id, lines[i].Text, new TextSpan(0, lines[i].Text.Length))).ToList();
                predicted[i] = claims;
                foldPredicted[test.IndexOf(i)] = claims;
                stages?.Add(models, learned, gold[i]);
            }
            var score = ClaimEvaluation.Score(test.Select(i => lines[i]).ToList(), foldPredicted).First(s => s.Name == "core-triples");
            foldScores.Add(score.F1);
            log?.Invoke($"fold {fold + 1}/{foldCount}: {test.Count} lines, core-triple F1 {score.F1:0.000}");
        }
        return new CrossValidationResult(ClaimEvaluation.Score(lines, predicted), foldScores, predicted);
    }
}
