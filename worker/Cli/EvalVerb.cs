using System.CommandLine;
using System.Globalization;
using Compliance.Engine;
using Compliance.Engine.Claims;
using Compliance.Engine.Claims.Evaluation;
using Compliance.Engine.Claims.Ml;
using Compliance.Engine.Policies;

namespace Compliance.Worker.Cli;

/// <summary>`worker eval --claims FILE.jsonl`: scores the claim extractor on a labelled file and prints the table.</summary>
public static class EvalVerb
{
    public static Command Create()
    {
        var claims = new Option<string>("--claims") { Description = "Labelled sentences (JSON Lines, the format of claims-dev.jsonl).", Required = true };
        var errors = new Option<bool>("--errors") { Description = "Also print each line whose prediction differs from its label." };
        var model = ClaimExtractorFactory.ModelOption();
        var rulesOnly = ClaimExtractorFactory.RulesOnlyOption();
        var command = new Command("eval", "Score the claim extractor on a labelled file.") { claims, errors, model, rulesOnly };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(claims)!;
            List<LabelledSentence> gold;
            using (var reader = new StreamReader(CliInput.OpenRead(path)))
            {
                try
                {
                    gold = LabelledSentence.ParseLines(ReadLines(reader));
                }
                catch (FormatException e)
                {
                    throw new CliInputException($"{path}: {e.Message}");
                }
            }
            using var extractor = ClaimExtractorFactory.Create(parse.GetValue(model), parse.GetValue(rulesOnly));
            var scores = ClaimEvaluation.Evaluate(extractor, gold);
            Console.Out.WriteLine($"{gold.Count} labelled lines, {gold.Count(g => g.Claims.Count > 0)} with claims, {gold.Sum(g => g.Claims.Count)} claims");
            Console.Out.WriteLine($"{"measure",-14} {"P",6} {"R",6} {"F1",6} {"TP",5} {"pred",5} {"gold",5}");
            foreach (var s in scores)
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Name,-14} {s.Precision,6:0.000} {s.Recall,6:0.000} {s.F1,6:0.000} {s.TruePositives,5} {s.Predicted,5} {s.Gold,5}"));
            if (!parse.GetValue(rulesOnly))
                PrintModelAlone(gold);
            if (parse.GetValue(errors))
                PrintErrors(extractor, gold);
            return CliApp.Ok;
        });
        return command;
    }

    // The practice model on its own (p >= 0.5 means "states a practice"), to compare with the rules' line.
    private static void PrintModelAlone(List<LabelledSentence> gold)
    {
        var model = PracticeClassifier.LoadEmbedded();
        if (model is null)
            return;
        using var encoder = new MiniLmEncoder();
        var scores = model.Predict(encoder.Encode(gold.Select(g => g.Text).ToList()));
        var predicted = gold.Select((g, i) => (g, p: scores[i] >= 0.5f)).ToList();
        var s = new Score("practice-model", predicted.Count(x => x.p && x.g.Claims.Count > 0), predicted.Count(x => x.p), gold.Count(g => g.Claims.Count > 0));
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Name,-14} {s.Precision,6:0.000} {s.Recall,6:0.000} {s.F1,6:0.000} {s.TruePositives,5} {s.Predicted,5} {s.Gold,5}  (MiniLM + logistic regression alone)"));
    }

    private static IEnumerable<string> ReadLines(StreamReader reader)
    {
        while (reader.ReadLine() is { } line)
            yield return line;
    }

    private static void PrintErrors(ClaimExtractor extractor, List<LabelledSentence> gold)
    {
        foreach (var line in gold)
        {
            var sentence = new PolicySentence(line.Text, new TextSpan(0, line.Text.Length), line.Section);
            var predicted = extractor.Extract([sentence], DocumentRef.Default).Select(Describe).ToList();
            var expected = line.Claims.Select(c => Describe(c.Action, c.Polarity, c.DataTypes, c.Recipients, c.Conditions, c.Qualifiers, c.Purposes)).ToList();
            if (predicted.SequenceEqual(expected))
                continue;
            Console.Out.WriteLine($"\n{line.Id}: {line.Text}");
            foreach (var e in expected)
                Console.Out.WriteLine($"  gold {e}");
            foreach (var p in predicted)
                Console.Out.WriteLine($"  pred {p}");
        }
    }

    private static string Describe(Claim c) => Describe(c.Action, c.Polarity, c.DataTypes, c.Recipients, c.Conditions, c.Qualifiers, c.Purposes);

    private static string Describe(string action, Polarity polarity, IEnumerable<string> types, IEnumerable<string> recipients,
        IEnumerable<string> conditions, IEnumerable<string> qualifiers, IEnumerable<string> purposes) =>
        $"{action} {(polarity == Polarity.Negative ? "NEG" : "aff")} [{string.Join(",", types)}] R[{string.Join(",", recipients)}] C[{string.Join(",", conditions)}] Q[{string.Join(",", qualifiers.Order(StringComparer.Ordinal))}] P[{string.Join(",", purposes.Order(StringComparer.Ordinal))}]";
}
