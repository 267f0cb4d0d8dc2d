using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Compliance.Engine.Claims.Ml;

/// <summary>
/// Says how likely a sentence states a data practice, from its MiniLM embedding: an ML.NET L-BFGS
/// logistic regression trained on ml-models/claims-train.jsonl. Thread-safe (one lock around the engine).
/// </summary>
public sealed class PracticeClassifier
{
    public const string EmbeddedName = "Compliance.Engine.Claims.practice-model.zip";
    public const int Seed = 20240917;

    private readonly PredictionEngine<PracticeRow, PracticeScore> _engine;
    private readonly Lock _gate = new();

    private PracticeClassifier(PredictionEngine<PracticeRow, PracticeScore> engine) => _engine = engine;

    /// <summary>The model shipped inside the engine, or null when the build carries none.</summary>
    public static PracticeClassifier? LoadEmbedded()
    {
        using var stream = typeof(PracticeClassifier).Assembly.GetManifestResourceStream(EmbeddedName);
        return stream is null ? null : Load(stream);
    }

    public static PracticeClassifier Load(Stream zip)
    {
        var ml = new MLContext(seed: Seed);
        var model = ml.Model.Load(zip, out _);
        return new PracticeClassifier(ml.Model.CreatePredictionEngine<PracticeRow, PracticeScore>(model));
    }

    public float[] Predict(IReadOnlyList<float[]> embeddings)
    {
        var result = new float[embeddings.Count];
        lock (_gate)
        {
            for (var i = 0; i < embeddings.Count; i++)
                result[i] = _engine.Predict(new PracticeRow { Features = embeddings[i] }).Probability;
        }
        return result;
    }

    /// <summary>Trains on (embedding, states a practice) pairs and writes the model zip with fixed entry times,
    /// so the same data gives the same bytes.</summary>
    public static void Train(IEnumerable<(float[] Embedding, bool IsPractice)> examples, Stream output)
    {
        var ml = new MLContext(seed: Seed);
        var rows = examples.Select(e => new PracticeRow { Features = e.Embedding, Label = e.IsPractice }).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        // Embedding components are small (unit vectors in 384 dimensions): standardise them first.
        var pipeline = ml.Transforms.NormalizeMeanVariance(nameof(PracticeRow.Features))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(
                labelColumnName: nameof(PracticeRow.Label), featureColumnName: nameof(PracticeRow.Features),
                l2Regularization: 40f));
        var model = pipeline.Fit(data);
        using var raw = new MemoryStream();
        ml.Model.Save(model, data.Schema, raw);
        raw.Position = 0;
        WriteStable(raw, output);
    }

    // ML.NET stamps each zip entry with the current time; rewrite entries in order with a fixed time.
    private static void WriteStable(Stream source, Stream output)
    {
        using var input = new ZipArchive(source, ZipArchiveMode.Read);
        using var stable = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in input.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            var copy = stable.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }

    public sealed class PracticeRow
    {
        [VectorType(MiniLmEncoder.Dimensions)]
        public float[] Features { get; set; } = [];
        public bool Label { get; set; }
    }

    public sealed class PracticeScore
    {
        public float Probability { get; set; }
    }
}
