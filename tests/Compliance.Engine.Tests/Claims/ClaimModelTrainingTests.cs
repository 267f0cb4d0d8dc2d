using Compliance.Engine.Claims.Evaluation;
using Compliance.Engine.Claims.Learned;
using Compliance.Engine.Claims.Rules;
using Compliance.Engine.Ontology;

namespace Compliance.Engine.Tests.Claims;

/// <summary>Training the whole model set on a small labelled sample: repeatable, and what is written reads back the same.</summary>
public class ClaimModelTrainingTests(EncoderFixture fixture) : IClassFixture<EncoderFixture>
{
    private static readonly ClaimModels.Settings s_quick = new()
    {
        Iterations = 30,
        Neural = new Dictionary<string, NeuralModel.Options> { ["tagger"] = new() { Hidden = 16, Epochs = 2 } },
    };

    private List<GoldSentence> Sample()
    {
        var lines = LabelledSentence.ReadPath(Path.Combine(SharedData.RepoRoot, "ml-models", "claims", "train")).Take(80).ToList();
        var encoded = fixture.Encoder.EncodeWords(lines.Select(l => l.Text).ToList());
        var vocabulary = new ClauseVocabulary(OntologyModel.Default);
        return lines.Select((l, i) => GoldSentence.Of(l, new SentenceView(encoded[i], vocabulary))).ToList();
    }

    [Fact]
    public void TrainingTwiceOnTheSameSentencesWritesTheSameBytes()
    {
        var gold = Sample();

        using var first = new MemoryStream();
        using var second = new MemoryStream();
        ClaimModels.Train(gold, OntologyModel.Default, s_quick).Write(first);
        ClaimModels.Train(gold, OntologyModel.Default, s_quick).Write(second);

        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void ModelsReadBackReadTheSameClaims()
    {
        var gold = Sample();
        var models = ClaimModels.Train(gold, OntologyModel.Default, s_quick);
        using var buffer = new MemoryStream();
        models.Write(buffer);
        buffer.Position = 0;

        var read = ClaimModels.Read(buffer);

        string Claims(ClaimModels m) => string.Join("|", gold.SelectMany(g => new LearnedClaimReader(m, OntologyModel.Default).Read(g.View))
            .Select(d => $"{d.Action} {d.Polarity} {string.Join(",", d.DataTypes)} {string.Join(",", d.Recipients)} {string.Join(",", d.Conditions)}"));
        Assert.Equal(Claims(models), Claims(read));
    }

    [Fact]
    public void AFileOfAnotherFormatIsRefusedWithoutAllocatingForIt()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new BinaryWriter(gzip))
        {
            writer.Write("claim-models/0");
            writer.Write(int.MaxValue);
        }
        buffer.Position = 0;

        Assert.Throws<InvalidDataException>(() => ClaimModels.Read(buffer));
    }
}
