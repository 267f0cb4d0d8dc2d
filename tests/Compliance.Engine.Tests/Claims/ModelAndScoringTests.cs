using CsCheck;
using Compliance.Engine.Claims;
using Compliance.Engine.Claims.Evaluation;
using Compliance.Engine.Claims.Learned;
using Compliance.Engine.Claims.Ml;
using Compliance.Engine.Ontology;

namespace Compliance.Engine.Tests.Claims;

public class ModelAndScoringTests
{
    [Fact]
    public void TrainingTwiceOnTheSameDataWritesTheSameBytes()
    {
        var random = new Random(7);
        var examples = Enumerable.Range(0, 80)
            .Select(i => new Example(Enumerable.Range(0, MiniLmEncoder.Dimensions).Select(_ => (float)random.NextDouble() + (i % 3) * 0.2f).ToArray(), i % 3))
            .ToList();

        using var first = new MemoryStream();
        using var second = new MemoryStream();
        LinearModel.Train(["a", "b", "c"], examples).Write(new BinaryWriter(first));
        LinearModel.Train(["a", "b", "c"], examples).Write(new BinaryWriter(second));

        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void ScoringCountsLinesTriplesAndFieldValuesAsTheIssueDefines()
    {
        var gold = new List<LabelledSentence>
        {
            new() { Id = "a", Text = "x", Claims = [new LabelledClaim { Action = "collect", Polarity = Polarity.Affirmative, DataTypes = ["imei", "android-id"], Recipients = ["first-party"] }] },
            new() { Id = "b", Text = "y" },
        };
        var predicted = new Dictionary<int, List<Claim>>
        {
            [0] = [Claim("collect", ["imei"], ["first-party"])],
            [1] = [Claim("share", ["name"], ["third-party"])],
        };

        var scores = ClaimEvaluation.Score(gold, predicted).ToDictionary(s => s.Name);

        Assert.Equal((1, 2, 1), (scores["practice"].TruePositives, scores["practice"].Predicted, scores["practice"].Gold));
        Assert.Equal((1, 2, 2), (scores["core-triples"].TruePositives, scores["core-triples"].Predicted, scores["core-triples"].Gold));
        Assert.Equal(0.5, scores["recipients"].Precision);
    }

    [Fact]
    public void AnyTextGivesClaimsWithOntologyIdsAndNeverThrows()
    {
        var rules = ClaimExtractor.CreateRulesOnly();
        string[] vocabulary = ["we", "do", "not", "share", "collect", "your", "email", "address", "with", "advertisers", "unless", "you",
            "turn", "on", "Sync", ",", ";", "but", "and", "never", "location", "'", "incognito", "hashed", "no", "data", "or", "sell"];
        var word = Gen.Int[0, vocabulary.Length - 1].Select(i => vocabulary[i]);
        Gen.Int[1, 30].SelectMany(n => word.Array[n]).Sample(tokens =>
        {
            var claims = rules.Read(string.Join(' ', tokens) + ".");
            Assert.All(claims, c => Assert.All(c.DataTypes, t => Assert.True(OntologyModel.Default.IsDataType(t), t)));
            Assert.All(claims, c => Assert.All(c.Recipients, r => Assert.True(OntologyModel.Default.IsRecipient(r), r)));
        }, iter: 300);
    }

    private static Claim Claim(string action, string[] types, string[] recipients) => new()
    {
        Id = "c",
        Sentence = "",
        Span = new TextSpan(0, 0),
        Action = action,
        Polarity = Polarity.Affirmative,
        DataTypes = types,
        Recipients = recipients,
    };
}
