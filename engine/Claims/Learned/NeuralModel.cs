using System.Numerics.Tensors;

namespace Compliance.Engine.Claims.Learned;

/// <summary>
/// A small feed-forward classifier (standardised input, one ReLU hidden layer, softmax output) for the stages
/// where a linear model is not enough, trained here with mini-batch Adam. Training is deterministic: a fixed
/// seed for initialisation, shuffling and dropout, and gradients summed in a fixed order. Prediction is
/// immutable and thread-safe.
/// </summary>
public sealed class NeuralModel : IClassifier
{
    public const int Seed = 20241205;

    private readonly float[] _mean;
    private readonly float[] _scale;
    private readonly float[] _w1; // hidden × features
    private readonly float[] _b1;
    private readonly float[] _w2; // classes × hidden
    private readonly float[] _b2;

    public IReadOnlyList<string> Classes { get; }
    public int Features { get; }
    public int Hidden { get; }

    private NeuralModel(IReadOnlyList<string> classes, int features, int hidden, float[] mean, float[] scale, float[] w1, float[] b1, float[] w2, float[] b2)
    {
        Classes = classes;
        Features = features;
        Hidden = hidden;
        _mean = mean;
        _scale = scale;
        _w1 = w1;
        _b1 = b1;
        _w2 = w2;
        _b2 = b2;
    }

    /// <summary>How a network is trained.</summary>
    public sealed record Options
    {
        public int Hidden { get; init; } = 128;
        public int Epochs { get; init; } = 6;
        public int BatchSize { get; init; } = 32;
        public float LearningRate { get; init; } = 1e-3f;
        public float WeightDecay { get; init; } = 1e-4f;
        /// <summary>Share of input features zeroed per example while training.</summary>
        public float InputDropout { get; init; } = 0.1f;
    }

    public float[] Probabilities(ReadOnlySpan<float> features)
    {
        var x = new float[Features];
        TensorPrimitives.Subtract(features, _mean, x);
        TensorPrimitives.Multiply(x, _scale, x);
        var h = new float[Hidden];
        Forward(x, h);
        var scores = new float[Classes.Count];
        Output(h, scores);
        TensorPrimitives.SoftMax(scores, scores);
        return scores;
    }

    private void Forward(ReadOnlySpan<float> x, Span<float> h)
    {
        for (var j = 0; j < Hidden; j++)
            h[j] = MathF.Max(0, TensorPrimitives.Dot(x, _w1.AsSpan(j * Features, Features)) + _b1[j]);
    }

    private void Output(ReadOnlySpan<float> h, Span<float> scores)
    {
        for (var c = 0; c < scores.Length; c++)
            scores[c] = TensorPrimitives.Dot(h, _w2.AsSpan(c * Hidden, Hidden)) + _b2[c];
    }

    public static NeuralModel Train(IReadOnlyList<string> classes, IReadOnlyList<Example> examples, Options? options = null)
    {
        options ??= new Options();
        if (examples.Count == 0)
            throw new ArgumentException("no examples", nameof(examples));
        var f = examples[0].Features.Length;
        var hidden = options.Hidden;
        var k = classes.Count;
        var (mean, scale) = LinearModel.Standardisation(examples, f);
        var random = new Random(Seed);
        float Gaussian() => (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        var w1 = new float[hidden * f];
        for (var i = 0; i < w1.Length; i++)
            w1[i] = Gaussian() * MathF.Sqrt(2f / f);
        var b1 = new float[hidden];
        var w2 = new float[k * hidden];
        for (var i = 0; i < w2.Length; i++)
            w2[i] = Gaussian() * MathF.Sqrt(1f / hidden);
        var b2 = new float[k];
        var model = new NeuralModel(classes.ToArray(), f, hidden, mean, scale, w1, b1, w2, b2);

        var parameters = new[] { w1, b1, w2, b2 };
        var gradients = parameters.Select(p => new float[p.Length]).ToArray();
        var first = parameters.Select(p => new float[p.Length]).ToArray();
        var second = parameters.Select(p => new float[p.Length]).ToArray();
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var x = new float[f];
        var h = new float[hidden];
        var scores = new float[k];
        var dh = new float[hidden];
        var step = 0;
        const float beta1 = 0.9f, beta2 = 0.999f, epsilon = 1e-8f;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                foreach (var g in gradients)
                    Array.Clear(g);
                var end = Math.Min(order.Length, start + options.BatchSize);
                var batchWeight = 0f;
                for (var n = start; n < end; n++)
                {
                    var e = examples[order[n]];
                    TensorPrimitives.Subtract(e.Features, mean, x);
                    TensorPrimitives.Multiply(x, scale, x);
                    if (options.InputDropout > 0)
                    {
                        var keep = 1 / (1 - options.InputDropout);
                        for (var i = 0; i < f; i++)
                            x[i] = random.NextSingle() < options.InputDropout ? 0 : x[i] * keep;
                    }
                    model.Forward(x, h);
                    model.Output(h, scores);
                    TensorPrimitives.SoftMax(scores, scores);
                    // Cross-entropy gradient at the output: p - y, scaled by the example's weight.
                    scores[e.Label] -= 1;
                    TensorPrimitives.Multiply(scores, e.Weight, scores);
                    batchWeight += e.Weight;
                    dh.AsSpan().Clear();
                    for (var c = 0; c < k; c++)
                    {
                        var row = w2.AsSpan(c * hidden, hidden);
                        TensorPrimitives.MultiplyAdd(h, scores[c], gradients[2].AsSpan(c * hidden, hidden), gradients[2].AsSpan(c * hidden, hidden));
                        TensorPrimitives.MultiplyAdd(row, scores[c], dh, dh);
                        gradients[3][c] += scores[c];
                    }
                    for (var j = 0; j < hidden; j++)
                    {
                        if (h[j] <= 0 || dh[j] == 0)
                            continue;
                        var g1 = gradients[0].AsSpan(j * f, f);
                        TensorPrimitives.MultiplyAdd(x, dh[j], g1, g1);
                        gradients[1][j] += dh[j];
                    }
                }
                step++;
                var correction1 = 1 - MathF.Pow(beta1, step);
                var correction2 = 1 - MathF.Pow(beta2, step);
                for (var p = 0; p < parameters.Length; p++)
                {
                    var w = parameters[p];
                    var g = gradients[p];
                    var m = first[p];
                    var v = second[p];
                    var decay = p % 2 == 0 ? options.WeightDecay : 0; // weights decay, biases do not
                    for (var i = 0; i < w.Length; i++)
                    {
                        var gi = g[i] / batchWeight + decay * w[i];
                        m[i] = beta1 * m[i] + (1 - beta1) * gi;
                        v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
                        w[i] -= options.LearningRate * (m[i] / correction1) / (MathF.Sqrt(v[i] / correction2) + epsilon);
                    }
                }
            }
        }
        if (parameters.Any(p => p.Any(w => !float.IsFinite(w))))
            throw new InvalidOperationException("training diverged (a weight is not finite)");
        return model;
    }

    public void Write(BinaryWriter writer)
    {
        ClaimModels.WriteHeader(writer, Classes, Features);
        writer.Write(Hidden);
        foreach (var array in new[] { _mean, _scale, _w1, _b1, _w2, _b2 })
            ClaimModels.WriteFloats(writer, array);
    }

    public static NeuralModel Read(BinaryReader reader)
    {
        var (classes, features) = ClaimModels.ReadHeader(reader);
        var hidden = ClaimModels.Bounded(reader.ReadInt32(), 4096);
        float[] Floats(int n) => ClaimModels.ReadFloats(reader, n);
        return new NeuralModel(classes, features, hidden, Floats(features), Floats(features), Floats(hidden * features), Floats(hidden),
            Floats(classes.Length * hidden), Floats(classes.Length));
    }
}
