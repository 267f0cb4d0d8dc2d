using System.CommandLine;
using System.Globalization;
using Compliance.Engine;
using Compliance.Engine.Claims;
using Compliance.Engine.Claims.Evaluation;
using Compliance.Engine.Claims.Ml;
using Compliance.Engine.Ontology;
using Compliance.Engine.Policies;

namespace Compliance.Worker.Cli;

/// <summary>
/// `worker eval`: scores the claim extractor on labelled sentences. Without --cv it runs the shipped (or given)
/// models on the file; with --cv K it cross-validates by group (a vendor's or a document's sentences are never
/// on both sides), training a fresh model set per fold.
/// </summary>
public static class EvalVerb
{
    public static Command Create()
    {
        var claims = new Option<string>("--claims") { Description = "Labelled sentences: a JSON Lines file or a folder of them (default: ml-models/claims/train).", DefaultValueFactory = _ => TrainVerb.DefaultData[0] };
        var cv = new Option<int?>("--cv") { Description = "Grouped K-fold cross-validation over --claims (0: leave one group out)." };
        var group = new Option<string>("--group") { Description = "What a group is: the line's vendor or document (both read the `group` field).", DefaultValueFactory = _ => "vendor" };
        group.AcceptOnlyFromAmong("vendor", "document");
        var with = new Option<string[]>("--with") { Description = "With --cv: more labelled files or folders added to every fold's training side, never scored.", AllowMultipleArgumentsPerToken = true };
        var errors = new Option<bool>("--errors") { Description = "Also print each line whose prediction differs from its label." };
        var stagesOption = new Option<bool>("--stages") { Description = "With --cv: also score each learned stage on the gold output of the stages before it." };
        var model = ClaimExtractorFactory.ModelOption();
        var rulesOnly = ClaimExtractorFactory.RulesOnlyOption();
        var command = new Command("eval", "Score the claim extractor on labelled sentences.") { claims, cv, group, with, errors, stagesOption, model, rulesOnly };
        command.SetAction(parse =>
        {
            var gold = LabelledFiles.Read([parse.GetValue(claims)!], forTraining: false);
            Console.Out.WriteLine($"{gold.Count} labelled lines, {gold.Count(g => g.Claims.Count > 0)} with claims, {gold.Sum(g => g.Claims.Count)} claims, " +
                $"{gold.Select(g => g.Group).Distinct().Count()} groups");
            IReadOnlyList<Score> scores;
            IReadOnlyDictionary<int, List<Claim>> predicted;
            if (parse.GetValue(cv) is { } k)
            {
                var extra = parse.GetValue(with) is { Length: > 0 } paths ? LabelledFiles.Read(paths, forTraining: true) : [];
                using var encoder = new MiniLmEncoder();
                var stages = parse.GetValue(stagesOption) ? new StageScores() : null;
                var result = CrossValidation.Run(gold, extra, encoder, OntologyModel.Default, k, log: m => Console.Error.WriteLine(m), stages: stages);
                foreach (var (stage, figure) in stages?.Report() ?? [])
                    Console.Out.WriteLine($"  stage {stage,-18} {figure}");
                scores = result.Pooled;
                predicted = result.Predicted;
                var folds = result.FoldCoreF1;
                var mean = folds.Average();
                var sd = Math.Sqrt(folds.Sum(f => (f - mean) * (f - mean)) / Math.Max(1, folds.Count - 1));
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"grouped cross-validation by {parse.GetValue(group)}: {folds.Count} folds, core-triple F1 per fold {mean:0.000} ± {sd:0.000} (min {folds.Min():0.000}, max {folds.Max():0.000}); pooled:"));
            }
            else
            {
                using var extractor = ClaimExtractorFactory.Create(parse.GetValue(model), parse.GetValue(rulesOnly));
                predicted = Predict(extractor, gold);
                scores = ClaimEvaluation.Score(gold, predicted);
            }
            Console.Out.WriteLine($"{"measure",-16} {"P",6} {"R",6} {"F1",6} {"TP",5} {"pred",5} {"gold",5}");
            foreach (var s in scores)
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Name,-16} {s.Precision,6:0.000} {s.Recall,6:0.000} {s.F1,6:0.000} {s.TruePositives,5} {s.Predicted,5} {s.Gold,5}"));
            if (parse.GetValue(errors))
                PrintErrors(gold, predicted);
            return CliApp.Ok;
        });
        return command;
    }

    private static Dictionary<int, List<Claim>> Predict(ClaimExtractor extractor, List<LabelledSentence> gold)
    {
        // Every labelled line is one sentence; offsets are made up so claims map back to their line.
        var sentences = new List<PolicySentence>(gold.Count);
        var offset = 0;
        foreach (var line in gold)
        {
            sentences.Add(new PolicySentence(line.Text, new TextSpan(offset, offset + line.Text.Length), line.Section));
            offset += line.Text.Length + 1;
        }
        var lineOf = sentences.Select((s, i) => (s.Span.Start, i)).ToDictionary(x => x.Start, x => x.i);
        return extractor.Extract(sentences, DocumentRef.Default).GroupBy(c => lineOf[c.Span.Start]).ToDictionary(g => g.Key, g => g.ToList());
    }

    private static void PrintErrors(List<LabelledSentence> gold, IReadOnlyDictionary<int, List<Claim>> predicted)
    {
        for (var i = 0; i < gold.Count; i++)
        {
            var line = gold[i];
            var got = predicted.TryGetValue(i, out var p) ? p.Select(Describe).Order(StringComparer.Ordinal).ToList() : [];
            var expected = line.Claims.Select(c => Describe(c.Action, c.Polarity, c.DataTypes, c.Recipients, c.Conditions, c.Qualifiers, c.Purposes))
                .Order(StringComparer.Ordinal).ToList();
            if (got.SequenceEqual(expected))
                continue;
            Console.Out.WriteLine($"\n{line.Id} [{line.Group}]: {line.Text}");
            foreach (var e in expected)
                Console.Out.WriteLine($"  gold {e}");
            foreach (var g in got)
                Console.Out.WriteLine($"  pred {g}");
        }
    }

    private static string Describe(Claim c) => Describe(c.Action, c.Polarity, c.DataTypes, c.Recipients, c.Conditions, c.Qualifiers, c.Purposes);

    private static string Describe(string action, Polarity polarity, IEnumerable<string> types, IEnumerable<string> recipients,
        IEnumerable<string> conditions, IEnumerable<string> qualifiers, IEnumerable<string> purposes) =>
        $"{action} {(polarity == Polarity.Negative ? "NEG" : "aff")} [{string.Join(",", types.Order(StringComparer.Ordinal))}] R[{string.Join(",", recipients.Order(StringComparer.Ordinal))}] " +
        $"C[{string.Join(",", conditions.Order(StringComparer.Ordinal))}] Q[{string.Join(",", qualifiers.Order(StringComparer.Ordinal))}] P[{string.Join(",", purposes.Order(StringComparer.Ordinal))}]";
}
