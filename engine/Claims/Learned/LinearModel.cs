using System.Numerics.Tensors;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Compliance.Engine.Claims.Learned;

/// <summary>One training example of a <see cref="LinearModel"/>: features, the class index and a weight.</summary>
public readonly record struct Example(float[] Features, int Label, float Weight = 1f);

/// <summary>
/// A softmax classifier over dense features (two classes make it a logistic regression), trained with
/// ML.NET's L-BFGS maximum-entropy trainer on standardised features and kept as plain weights with the
/// standardisation folded in, so that prediction is one dot product per class: immutable, thread-safe,
/// and written to a few kilobytes of little-endian floats.
/// </summary>
public sealed class LinearModel : IClassifier
{
    public const int Seed = 20241204;
    private const double MinDeviation = 0.1;

    private readonly float[] _weights; // classes × features
    private readonly float[] _bias;

    public IReadOnlyList<string> Classes { get; }
    public int Features { get; }

    private LinearModel(IReadOnlyList<string> classes, int features, float[] weights, float[] bias)
    {
        Classes = classes;
        Features = features;
        _weights = weights;
        _bias = bias;
    }

    /// <summary>Class probabilities of one feature vector, in <see cref="Classes"/> order.</summary>
    public float[] Probabilities(ReadOnlySpan<float> features)
    {
        var scores = new float[Classes.Count];
        for (var c = 0; c < scores.Length; c++)
            scores[c] = TensorPrimitives.Dot(features, _weights.AsSpan(c * Features, Features)) + _bias[c];
        TensorPrimitives.SoftMax(scores, scores);
        return scores;
    }


    /// <summary>
    /// Trains on <paramref name="examples"/> (labels index <paramref name="classes"/>). Deterministic: one thread,
    /// fixed seed, examples in the given order.
    /// </summary>
    public static LinearModel Train(IReadOnlyList<string> classes, IReadOnlyList<Example> examples, float l2 = 1f, int iterations = 200)
    {
        if (examples.Count == 0)
            throw new ArgumentException("no examples", nameof(examples));
        var width = examples[0].Features.Length;
        var (mean, scale) = Standardisation(examples, width);

        var ml = new MLContext(seed: Seed);
        var rows = examples.Select(e =>
        {
            var x = new float[width];
            for (var i = 0; i < width; i++)
                x[i] = (e.Features[i] - mean[i]) * scale[i];
            // Labels go in as 0-based key values (measured: with 1-based values the last class is dropped as missing).
            return new Row { Features = x, Label = (uint)e.Label, Weight = e.Weight };
        }).ToList();
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        schema[nameof(Row.Label)].ColumnType = new KeyDataViewType(typeof(uint), classes.Count);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            ExampleWeightColumnName = nameof(Row.Weight),
            L2Regularization = l2,
            L1Regularization = 0,
            MaximumNumberOfIterations = iterations,
            OptimizationTolerance = 1e-6f,
            NumberOfThreads = 1,
            Quiet = true,
        });
        var model = trainer.Fit(data).Model;

        VBuffer<float>[] trained = [];
        model.GetWeights(ref trained, out var count);
        var bias = model.GetBiases().ToArray();
        var weights = new float[classes.Count * width];
        for (var c = 0; c < count; c++)
        {
            var dense = trained[c].DenseValues().ToArray();
            var shift = 0f;
            for (var i = 0; i < width; i++)
            {
                weights[c * width + i] = dense[i] * scale[i];
                shift += dense[i] * scale[i] * mean[i];
            }
            bias[c] -= shift;
        }
        // A class without examples keeps zero weights and a very low bias.
        var fullBias = new float[classes.Count];
        for (var c = 0; c < classes.Count; c++)
            fullBias[c] = c < bias.Length ? bias[c] : -30f;
        return new LinearModel(classes.ToArray(), width, weights, fullBias);
    }

    internal static (float[] Mean, float[] Scale) Standardisation(IReadOnlyList<Example> examples, int width)
    {
        var sum = new double[width];
        var squares = new double[width];
        foreach (var e in examples)
        {
            for (var i = 0; i < width; i++)
            {
                sum[i] += e.Features[i];
                squares[i] += (double)e.Features[i] * e.Features[i];
            }
        }
        var mean = new float[width];
        var scale = new float[width];
        for (var i = 0; i < width; i++)
        {
            var m = sum[i] / examples.Count;
            var variance = Math.Max(0, squares[i] / examples.Count - m * m);
            mean[i] = (float)m;
            // A rare binary feature has a tiny variance; dividing by it would turn one occurrence into a huge input,
            // so the deviation is floored (a constant feature gets scale 0).
            scale[i] = variance < 1e-12 ? 0f : (float)(1 / Math.Max(Math.Sqrt(variance), MinDeviation));
        }
        return (mean, scale);
    }

    public void Write(BinaryWriter writer)
    {
        ClaimModels.WriteHeader(writer, Classes, Features);
        ClaimModels.WriteFloats(writer, _weights);
        ClaimModels.WriteFloats(writer, _bias);
    }

    public static LinearModel Read(BinaryReader reader)
    {
        var (classes, features) = ClaimModels.ReadHeader(reader);
        var weights = ClaimModels.ReadFloats(reader, classes.Length * features);
        var bias = ClaimModels.ReadFloats(reader, classes.Length);
        return new LinearModel(classes, features, weights, bias);
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];
        public uint Label { get; set; }
        public float Weight { get; set; }
    }
}
