using System.IO.Compression;
using Microsoft.ML;

namespace Compliance.Engine.Claims.Ml;

/// <summary>
/// One ML.NET logistic regression per purpose over the sentence's MiniLM embedding (multi-label): adds
/// the purposes a sentence states in words the keyword rules miss. Thread-safe (one lock around the engines).
/// </summary>
public sealed class PurposeClassifier
{
    public const string EmbeddedName = "Compliance.Engine.Claims.purpose-model.zip";

    private readonly (string Purpose, PredictionEngine<PracticeClassifier.PracticeRow, PracticeClassifier.PracticeScore> Engine)[] _engines;
    private readonly Lock _gate = new();

    private PurposeClassifier((string, PredictionEngine<PracticeClassifier.PracticeRow, PracticeClassifier.PracticeScore>)[] engines) => _engines = engines;

    public static PurposeClassifier? LoadEmbedded()
    {
        using var stream = typeof(PurposeClassifier).Assembly.GetManifestResourceStream(EmbeddedName);
        return stream is null ? null : Load(stream);
    }

    /// <summary>Reads the outer zip: one entry "PURPOSE.zip" per purpose model.</summary>
    public static PurposeClassifier Load(Stream zip)
    {
        var ml = new MLContext(seed: PracticeClassifier.Seed);
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        var engines = archive.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal).Select(entry =>
        {
            using var inner = new MemoryStream();
            using (var from = entry.Open())
                from.CopyTo(inner);
            inner.Position = 0;
            var model = ml.Model.Load(inner, out _);
            return (Path.GetFileNameWithoutExtension(entry.FullName), ml.Model.CreatePredictionEngine<PracticeClassifier.PracticeRow, PracticeClassifier.PracticeScore>(model));
        }).ToArray();
        return new PurposeClassifier(engines);
    }

    /// <summary>The purposes whose probability reaches <paramref name="threshold"/>, per embedding.</summary>
    public List<string>[] Predict(IReadOnlyList<float[]> embeddings, float threshold)
    {
        var result = new List<string>[embeddings.Count];
        lock (_gate)
        {
            for (var i = 0; i < embeddings.Count; i++)
            {
                var row = new PracticeClassifier.PracticeRow { Features = embeddings[i] };
                result[i] = _engines.Where(e => e.Engine.Predict(row).Probability >= threshold).Select(e => e.Purpose).ToList();
            }
        }
        return result;
    }

    /// <summary>Trains one model per purpose that has examples on both sides; writes a stable outer zip.</summary>
    public static void Train(IReadOnlyList<(float[] Embedding, IReadOnlySet<string> Purposes)> examples, IEnumerable<string> purposes, Stream output)
    {
        using var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var purpose in purposes.Order(StringComparer.Ordinal))
        {
            var labelled = examples.Select(e => (e.Embedding, e.Purposes.Contains(purpose))).ToList();
            if (labelled.Count(l => l.Item2) < 5 || labelled.All(l => l.Item2))
                continue;
            using var model = new MemoryStream();
            PracticeClassifier.Train(labelled, model);
            var entry = archive.CreateEntry(purpose + ".zip", CompressionLevel.NoCompression);
            entry.LastWriteTime = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
            using var to = entry.Open();
            model.Position = 0;
            model.CopyTo(to);
        }
    }
}
