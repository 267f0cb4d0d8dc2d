using System.Text.Json;
using Compliance.Engine.Policies;
using Xunit.Abstractions;

namespace Compliance.Engine.Tests.Policies;

/// <summary>Measures the segmenter on the hand-labelled passages of segmenter-boundaries.jsonl.</summary>
public sealed class SegmenterBoundaryTests(ITestOutputHelper output)
{
    private const double RequiredF1 = 0.98;

    private sealed record Passage(string Id, string Text, IReadOnlyList<string> Sentences);

    [Fact]
    public void LabelledFileHasAtLeast300Boundaries()
    {
        var boundaries = LoadPassages().Sum(p => p.Sentences.Count - 1);
        Assert.True(boundaries >= 300, $"only {boundaries} labelled boundaries");
    }

    [Fact]
    public void BoundaryF1OnLabelledPassagesIsAtLeast098()
    {
        int truePositives = 0, predicted = 0, gold = 0;
        foreach (var passage in LoadPassages())
        {
            var expected = GoldBoundaries(passage);
            var actual = SentenceSegmenter.Split(passage.Text).SkipLast(1).Select(s => s.End).ToHashSet();
            gold += expected.Count;
            predicted += actual.Count;
            truePositives += actual.Count(expected.Contains);
            if (!actual.SetEquals(expected))
            {
                var got = SentenceSegmenter.Split(passage.Text).Select(s => passage.Text[s.Start..s.End]);
                output.WriteLine($"{passage.Id}: got [{string.Join(" | ", got)}]");
            }
        }
        var precision = (double)truePositives / predicted;
        var recall = (double)truePositives / gold;
        var f1 = 2 * precision * recall / (precision + recall);
        output.WriteLine($"Sentence boundary F1 = {f1:0.0000} (precision {precision:0.0000}, recall {recall:0.0000}, {gold} labelled boundaries)");
        Console.WriteLine($"Sentence boundary F1 = {f1:0.0000} (precision {precision:0.0000}, recall {recall:0.0000}, {gold} labelled boundaries)");
        Assert.True(f1 >= RequiredF1, $"boundary F1 {f1:0.0000} is below {RequiredF1}");
    }

    [Fact]
    public void LabelledSentencesAreExactSlicesOfTheirPassage()
    {
        foreach (var passage in LoadPassages())
            Assert.Equal(passage.Sentences.Count, GoldBoundaries(passage).Count + 1);
    }

    // The end offset of every labelled sentence but the last: where one sentence stops and the next may begin.
    private static HashSet<int> GoldBoundaries(Passage passage)
    {
        var ends = new HashSet<int>();
        var at = 0;
        foreach (var sentence in passage.Sentences.SkipLast(1))
        {
            var start = passage.Text.IndexOf(sentence, at, StringComparison.Ordinal);
            Assert.True(start >= 0, $"{passage.Id}: sentence not in passage: {sentence}");
            at = start + sentence.Length;
            ends.Add(at);
        }
        return ends;
    }

    private static List<Passage> LoadPassages()
    {
        var path = Path.Combine(SharedData.RepoRoot, "tests", "Compliance.Engine.Tests", "Policies", "segmenter-boundaries.jsonl");
        var passages = new List<Passage>();
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var sentences = root.GetProperty("sentences").EnumerateArray().Select(e => e.GetString()!).ToList();
            var text = root.TryGetProperty("text", out var t) ? t.GetString()! : string.Join(' ', sentences);
            passages.Add(new Passage(root.GetProperty("id").GetString()!, text, sentences));
        }
        return passages;
    }
}
