using System.CommandLine;
using System.Diagnostics;
using System.Security.Cryptography;
using Compliance.Engine.Claims.Evaluation;
using Compliance.Engine.Claims.Learned;
using Compliance.Engine.Claims.Ml;
using Compliance.Engine.Claims.Rules;
using Compliance.Engine.Ontology;

namespace Compliance.Worker.Cli;

/// <summary>
/// `worker train`: rebuilds the claim models from the labelled sentences of ml-models/claims/train and
/// ml-models/claims/real (never the frozen fresh batch, never ../shared/data), deterministically, and writes
/// ml-models/claim-models.bin, which the engine embeds at its next build.
/// </summary>
public static class TrainVerb
{
    public static readonly string[] DefaultData = [Path.Combine("ml-models", "claims", "train"), Path.Combine("ml-models", "claims", "real")];

    public static Command Create()
    {
        var data = new Option<string[]>("--data") { Description = "Labelled sentences with spans: files or folders of *.jsonl (repeatable; default: ml-models/claims/train and ml-models/claims/real).", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Where to write the models.", DefaultValueFactory = _ => Path.Combine("ml-models", "claim-models.bin") };
        var command = new Command("train", "Train the claim models from labelled sentences.") { data, output };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(data) is { Length: > 0 } given ? given : DefaultData;
            var lines = LabelledFiles.Read(paths, forTraining: true);
            var watch = Stopwatch.StartNew();
            using var encoder = new MiniLmEncoder();
            var vocabulary = new ClauseVocabulary(OntologyModel.Default);
            var encoded = encoder.EncodeWords(lines.Select(l => l.Text).ToList());
            var gold = lines.Select((l, i) => GoldSentence.Of(l, new SentenceView(encoded[i], vocabulary))).ToList();
            Console.Out.WriteLine($"encoded {lines.Count} sentences in {watch.Elapsed.TotalSeconds:0} s");
            var models = ClaimModels.Train(gold, OntologyModel.Default, log: m => Console.Out.WriteLine("  " + m));

            using var buffer = new MemoryStream();
            models.Write(buffer);
            var outPath = parse.GetValue(output)!;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
            File.WriteAllBytes(outPath, buffer.ToArray());
            Console.Out.WriteLine($"trained on {lines.Count} sentences ({lines.Count(l => l.Claims.Count > 0)} practices, " +
                $"{lines.Select(l => l.Group).Distinct().Count()} groups) in {watch.Elapsed.TotalSeconds:0} s; wrote {outPath} " +
                $"({buffer.Length} bytes, sha256 {Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()))[..16]})");
            return CliApp.Ok;
        });
        return command;
    }
}

/// <summary>Reads labelled sentence files and folders for the train and eval verbs, with one clear line on failure.</summary>
public static class LabelledFiles
{
    public static List<LabelledSentence> Read(IEnumerable<string> paths, bool forTraining)
    {
        var lines = new List<LabelledSentence>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            // The shared development sets are a yardstick and the fresh batch is frozen: neither is ever trained on.
            if (forTraining && (full.Contains(Path.Combine("shared", "data"), StringComparison.Ordinal)
                || full.Contains(Path.Combine("claims", "fresh"), StringComparison.Ordinal)))
                throw new CliInputException($"{path}: the shared development sets and the frozen fresh batch are never trained on");
            if (!File.Exists(path) && !Directory.Exists(path))
                throw new CliInputException($"file not found: {path}");
            try
            {
                lines.AddRange(LabelledSentence.ReadPath(path));
            }
            catch (FormatException e)
            {
                throw new CliInputException(e.Message);
            }
        }
        if (lines.Count == 0)
            throw new CliInputException($"no labelled lines in {string.Join(", ", paths)}");
        return lines;
    }
}
