using System.CommandLine;
using System.Globalization;
using Compliance.Engine.Claims.Evaluation;
using Compliance.Engine.Claims.Ml;
using Compliance.Engine.Ontology;

namespace Compliance.Worker.Cli;

/// <summary>
/// `worker train`: rebuilds the practice model from ml-models/claims-train.jsonl, deterministically
/// (fixed seed, fixed zip entry times), reports a 5-fold cross-validated F1, and writes the model zip.
/// </summary>
public static class TrainVerb
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Labelled training sentences (JSON Lines).", DefaultValueFactory = _ => Path.Combine("ml-models", "claims-train.jsonl") };
        var output = new Option<string>("--out") { Description = "Where to write the model zip.", DefaultValueFactory = _ => Path.Combine("ml-models", "practice-model.zip") };
        var command = new Command("train", "Train the practice model from labelled sentences.") { data, output };
        command.SetAction(parse =>
        {
            var dataPath = parse.GetValue(data)!;
            List<LabelledSentence> examples;
            using (var reader = new StreamReader(CliInput.OpenRead(dataPath)))
            {
                try
                {
                    examples = LabelledSentence.ParseLines(ReadLines(reader));
                }
                catch (FormatException e)
                {
                    throw new CliInputException($"{dataPath}: {e.Message}");
                }
            }
            using var encoder = new MiniLmEncoder();
            var vectors = encoder.Encode(examples.Select(e => e.Text).ToList());
            var labelled = examples.Select((e, i) => (vectors[i], e.Claims.Count > 0)).ToList();
            ReportCrossValidation(labelled);

            using var buffer = new MemoryStream();
            PracticeClassifier.Train(labelled, buffer);
            var outPath = parse.GetValue(output)!;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
            File.WriteAllBytes(outPath, buffer.ToArray());

            // Purpose models learn from the practice sentences only (a purpose belongs to a practice).
            var withPurposes = examples.Select((e, i) => (vectors[i], e))
                .Where(x => x.e.Claims.Count > 0)
                .Select(x => (x.Item1, (IReadOnlySet<string>)x.e.Claims.SelectMany(c => c.Purposes).ToHashSet(StringComparer.Ordinal)))
                .ToList();
            using var purposeBuffer = new MemoryStream();
            PurposeClassifier.Train(withPurposes, OntologyModel.Default.Document.Purposes.Select(p => p.Id), purposeBuffer);
            var purposePath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outPath))!, "purpose-model.zip");
            File.WriteAllBytes(purposePath, purposeBuffer.ToArray());
            Console.Out.WriteLine($"wrote {purposePath} ({purposeBuffer.Length} bytes, sha256 {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(purposeBuffer.ToArray()))[..16]})");
            Console.Out.WriteLine($"trained on {examples.Count} sentences ({labelled.Count(l => l.Item2)} practices); wrote {outPath} ({buffer.Length} bytes, sha256 {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(buffer.ToArray()))[..16]})");
            return CliApp.Ok;
        });
        return command;
    }

    // Fold k holds every 5th sentence from k: deterministic, and each fold mixes all vendors.
    private static void ReportCrossValidation(List<(float[] Vector, bool IsPractice)> labelled)
    {
        int tp = 0, fp = 0, fn = 0;
        for (var fold = 0; fold < 5; fold++)
        {
            var train = labelled.Where((_, i) => i % 5 != fold).ToList();
            var test = labelled.Where((_, i) => i % 5 == fold).ToList();
            using var model = new MemoryStream();
            PracticeClassifier.Train(train, model);
            model.Position = 0;
            var scores = PracticeClassifier.Load(model).Predict(test.Select(t => t.Vector).ToList());
            for (var i = 0; i < test.Count; i++)
            {
                var predicted = scores[i] >= 0.5f;
                tp += predicted && test[i].IsPractice ? 1 : 0;
                fp += predicted && !test[i].IsPractice ? 1 : 0;
                fn += !predicted && test[i].IsPractice ? 1 : 0;
            }
        }
        var p = tp / (double)Math.Max(1, tp + fp);
        var r = tp / (double)Math.Max(1, tp + fn);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"5-fold cross-validation, practice detection: P {p:0.000} R {r:0.000} F1 {2 * p * r / Math.Max(1e-9, p + r):0.000}"));
    }

    private static IEnumerable<string> ReadLines(StreamReader reader)
    {
        while (reader.ReadLine() is { } line)
            yield return line;
    }
}
