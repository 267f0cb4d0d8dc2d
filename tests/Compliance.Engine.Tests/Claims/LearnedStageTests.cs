using Compliance.Engine.Claims.Evaluation;
using Compliance.Engine.Claims.Learned;

namespace Compliance.Engine.Tests.Claims;

public class LearnedStageTests
{
    private static List<Example> ThreeClouds(int n, int width = 6)
    {
        var random = new Random(3);
        return Enumerable.Range(0, n).Select(i =>
        {
            var label = i % 3;
            var x = Enumerable.Range(0, width).Select(j => (float)random.NextDouble() + (j == label ? 1.5f : 0)).ToArray();
            return new Example(x, label);
        }).ToList();
    }

    [Fact]
    public void LinearModelSeparatesSeparableClasses()
    {
        var examples = ThreeClouds(300);

        IClassifier model = LinearModel.Train(["a", "b", "c"], examples);

        Assert.True(examples.Count(e => model.Best(e.Features) == model.Classes[e.Label]) >= 290);
    }

    [Fact]
    public void NeuralModelSeparatesSeparableClassesAndTrainsToTheSameBytes()
    {
        var examples = ThreeClouds(300);
        var options = new NeuralModel.Options { Hidden = 16, Epochs = 20, LearningRate = 0.01f };

        IClassifier model = NeuralModel.Train(["a", "b", "c"], examples, options);
        using var first = new MemoryStream();
        using var second = new MemoryStream();
        ((NeuralModel)model).Write(new BinaryWriter(first));
        NeuralModel.Train(["a", "b", "c"], examples, options).Write(new BinaryWriter(second));

        Assert.True(examples.Count(e => model.Best(e.Features) == model.Classes[e.Label]) >= 285);
        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void ModelsReadBackGiveTheSameProbabilities()
    {
        var examples = ThreeClouds(90);
        var linear = LinearModel.Train(["a", "b", "c"], examples);
        using var buffer = new MemoryStream();
        linear.Write(new BinaryWriter(buffer));
        buffer.Position = 0;

        var read = LinearModel.Read(new BinaryReader(buffer));

        Assert.Equal(linear.Probabilities(examples[5].Features), read.Probabilities(examples[5].Features));
    }

    [Fact]
    public void DecodingNeverOpensASpanInTheMiddle()
    {
        // The likeliest tag of word 1 alone is I-data after O, which BIO forbids.
        var o = new float[WordTags.Names.Length];
        o[0] = 0.9f;
        var inside = new float[WordTags.Names.Length];
        inside[WordTags.Inside(WordTags.Data)] = 0.6f;
        inside[WordTags.Begin(WordTags.Data)] = 0.3f;

        var tags = WordTags.Decode([o, inside]);

        Assert.Equal([new WordSpan(WordTags.Data, 1, 2)], WordTags.Spans(tags));
    }

    [Fact]
    public void PhraseMemoryAnswersByWordingAndLeavesTheSpansOwnLabelOutWhileTraining()
    {
        var memory = new PhraseMemory(3);
        memory.Add("your e-mail addresses", 1);
        memory.Add("the e-mail address", 1);
        memory.Add("postal address", 2);
        var answer = new float[memory.Width];

        memory.Write("E-mail address", answer);
        Assert.Equal(1f, answer[1]);

        memory.Write("e-mail address", answer, exclude: 1);
        Assert.Equal(1f, answer[1]); // the other e-mail span still answers

        memory.Write("the address", answer); // one word left: its whole-phrase key is "address", shared by all three
        Assert.Equal(2 / 3f, answer[1], 3);
    }

    [Fact]
    public void FoldsNeverSplitAGroup()
    {
        var lines = Enumerable.Range(0, 200).Select(i => new LabelledSentence { Id = $"l{i}", Text = "x", Group = $"vendor-{i % 23}" }).ToList();

        var folds = CrossValidation.Folds(lines, 5);

        Assert.All(lines.GroupBy(l => l.Group), g => Assert.Single(g.Select(l => folds[lines.IndexOf(l)]).Distinct()));
        Assert.Equal(5, folds.Distinct().Count());
    }
}
