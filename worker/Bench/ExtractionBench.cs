using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Compliance.Engine.Claims;
using Compliance.Engine.Claims.Evaluation;
using Compliance.Engine.Claims.Ml;
using Compliance.Engine.Policies;
using Compliance.Worker.Cli;

namespace Compliance.Worker.Bench;

/// <summary>
/// `worker bench extract`: sentences per second of full claim extraction beside the raw MiniLM encoding
/// throughput, measured in the same run on the same sentences (best of alternating rounds after a warm-up).
/// </summary>
public static class ExtractionBench
{
    public static Command Create()
    {
        var claims = new Option<string?>("--claims") { Description = "Sentences to run (JSON Lines, claims-dev.jsonl format); default: the shared dev set, else the real Firefox policy sentences (ml-models/claims/real/mozilla-firefox.jsonl)." };
        var rounds = new Option<int>("--rounds") { Description = "Timed rounds (best is reported).", DefaultValueFactory = _ => 5 };
        var repeat = new Option<int>("--repeat") { Description = "How many times the sentence list is repeated in one round.", DefaultValueFactory = _ => 4 };
        var command = new Command("extract", "Claim extraction throughput beside raw MiniLM encoding.") { claims, rounds, repeat };
        command.Aliases.Add("extraction");
        command.SetAction(parse =>
        {
            var texts = LoadSentences(parse.GetValue(claims));
            var repeated = Enumerable.Repeat(texts, Math.Max(1, parse.GetValue(repeat))).SelectMany(t => t).ToList();
            var sentences = repeated.Select((t, i) => new PolicySentence(t, new TextSpan(i * 1000, i * 1000 + t.Length), null)).ToList();
            var n = Math.Max(1, parse.GetValue(rounds));

            using var encoder = new MiniLmEncoder();
            using var extractor = ClaimExtractor.CreateDefault();
            encoder.Encode(texts.Take(MiniLmEncoder.BatchSize).ToList());
            extractor.Extract(sentences.Take(MiniLmEncoder.BatchSize).ToList(), DocumentRef.Default);

            // Rounds alternate encoding and extraction so a busy neighbour on a shared machine slows both alike.
            var encodeSeconds = double.MaxValue;
            var extractSeconds = double.MaxValue;
            var claimCount = 0;
            for (var round = 0; round < n; round++)
            {
                encodeSeconds = Math.Min(encodeSeconds, Best(1, () => encoder.Encode(repeated)));
                extractSeconds = Math.Min(extractSeconds, Best(1, () => claimCount = extractor.Extract(sentences, DocumentRef.Default).Count));
            }
            var rulesOnly = ClaimExtractor.CreateRulesOnly();
            var rulesSeconds = Best(n, () => rulesOnly.Extract(sentences, DocumentRef.Default));

            var encodeRate = repeated.Count / encodeSeconds;
            var extractRate = repeated.Count / extractSeconds;
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sentences: {repeated.Count} ({texts.Count} distinct), rounds: {n}, cores: {Environment.ProcessorCount}\n" +
                $"raw MiniLM encoding   {encodeRate,9:0.0} sentences/s\n" +
                $"full extraction       {extractRate,9:0.0} sentences/s  ({claimCount} claims)\n" +
                $"rules only            {repeated.Count / rulesSeconds,9:0.0} sentences/s\n" +
                $"extraction / encoding {extractRate / encodeRate,9:0.00}  (target >= 0.70)"));
            return CliApp.Ok;
        });
        return command;
    }

    private static double Best(int rounds, Action run)
    {
        var best = double.MaxValue;
        for (var i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            run();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        return best;
    }

    private static List<string> LoadSentences(string? path)
    {
        path ??= new[] { Path.Combine("..", "shared", "data", "claims-dev.jsonl"), Path.Combine("ml-models", "claims", "real", "mozilla-firefox.jsonl") }.FirstOrDefault(File.Exists)
            ?? throw new CliInputException("no sentences: pass --claims FILE.jsonl");
        using var reader = new StreamReader(CliInput.OpenRead(path));
        try
        {
            return LabelledSentence.ParseLines(ReadLines(reader)).Select(l => l.Text).ToList();
        }
        catch (FormatException e)
        {
            throw new CliInputException($"{path}: {e.Message}");
        }
    }

    private static IEnumerable<string> ReadLines(StreamReader reader)
    {
        while (reader.ReadLine() is { } line)
            yield return line;
    }
}
