using Compliance.Engine.Traffic.Decoding;
using Compliance.Engine.Traffic.Har;

namespace Compliance.Engine.Traffic.Detection;

/// <summary>Everything a detector may look at for one request.</summary>
public sealed record EntryScan
{
    public required int Index { get; init; }
    public required string Host { get; init; }
    public required IReadOnlyList<PayloadValue> Values { get; init; }
    public required TrafficContext Context { get; init; }
    public required CaptureHistory History { get; init; }
    public HarEntry? Entry { get; init; }
}

/// <summary>Finds one kind of personal data in a request's decoded values.</summary>
public interface IDataDetector
{
    void Detect(EntryScan scan, ICollection<DataItem> found);
}

/// <summary>A detector that judges each decoded value on its own.</summary>
public abstract class ValueDetector : IDataDetector
{
    public void Detect(EntryScan scan, ICollection<DataItem> found)
    {
        foreach (var value in scan.Values)
        {
            var item = Inspect(value);
            if (item is not null)
                found.Add(item);
        }
    }

    /// <summary>Returns an item for the value, or null.</summary>
    public abstract DataItem? Inspect(PayloadValue value);

    protected static DataItem Item(string type, string value, PayloadValue at, string detector, double confidence, bool hashed = false) => new()
    {
        Type = type,
        Value = value.Length > 300 ? value[..300] : value,
        Location = at.Location,
        Detector = detector,
        Confidence = confidence,
        Hashed = hashed,
    };

    protected static HashSet<string> Words(params string[] words) => new(words, StringComparer.Ordinal);
}
