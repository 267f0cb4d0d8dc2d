using System.Runtime.CompilerServices;
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

    private IReadOnlyList<PayloadValue>? _distinct;

    /// <summary>
    /// The values once each, at their first place: a repeat with the same text, field, enclosing fields and
    /// origin (the device properties in every event of an analytics batch) tells a per-value detector
    /// nothing new, and item selection keeps the first of equal items anyway.
    /// </summary>
    public IReadOnlyList<PayloadValue> DistinctValues => _distinct ??= Deduplicate(Values);

    private static IReadOnlyList<PayloadValue> Deduplicate(IReadOnlyList<PayloadValue> values)
    {
        if (values.Count < 2)
            return values;
        var seen = new HashSet<PayloadValue>(values.Count, SameForDetection.Instance);
        var distinct = new List<PayloadValue>(values.Count);
        foreach (var v in values)
            if (seen.Add(v))
                distinct.Add(v);
        return distinct.Count == values.Count ? values : distinct;
    }

    /// <summary>Equal in everything a per-value detector reads (all but the path).</summary>
    private sealed class SameForDetection : IEqualityComparer<PayloadValue>
    {
        public static readonly SameForDetection Instance = new();

        public bool Equals(PayloadValue? a, PayloadValue? b)
        {
            if (ReferenceEquals(a, b))
                return true;
            if (a is null || b is null || !ReferenceEquals(a.Name, b.Name) || a.Origin != b.Origin || a.IsNumber != b.IsNumber
                || a.IsBoolean != b.IsBoolean || !string.Equals(a.Value, b.Value, StringComparison.Ordinal) || a.Trail.Count != b.Trail.Count
                || a.MediaType != b.MediaType)
                return false;
            if (ReferenceEquals(a.Trail, b.Trail))
                return true;
            for (var i = 0; i < a.Trail.Count; i++)
                if (!ReferenceEquals(a.Trail[i], b.Trail[i]))
                    return false;
            return true;
        }

        public int GetHashCode(PayloadValue v) =>
            HashCode.Combine(string.GetHashCode(v.Value, StringComparison.Ordinal), RuntimeHelpers.GetHashCode(v.Name), v.Origin, v.Trail.Count);
    }
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
        foreach (var value in scan.DistinctValues)
        {
            var item = Inspect(value);
            if (item is not null)
                found.Add(item);
        }
    }

    /// <summary>Returns an item for the value, or null.</summary>
    public abstract DataItem? Inspect(PayloadValue value);

    protected static DataItem Item(string type, string value, PayloadValue at, string detector, double confidence, bool hashed = false) =>
        Detected.Item(type, value, at, detector, confidence, hashed);

    /// <summary>True when the value's field or one of the fields around it is in the lexicon.</summary>
    protected static bool TrailHasAny(PayloadValue value, Lexicon lexicon)
    {
        var trail = value.Trail;
        for (var i = 0; i < trail.Count; i++)
            if (trail[i].HasAny(lexicon))
                return true;
        return false;
    }

    protected static bool HasDigit(string s) => Detected.HasDigit(s);

    protected static bool Has(string s, Func<char, bool> test) => Detected.Has(s, test);

    protected static Lexicon Words(params string[] words) => new(words);
}

/// <summary>What every detector shares: the item it reports, and character tests over a value.</summary>
public static class Detected
{
    /// <summary>Longer values (URLs, texts) are cut: the item says where the value was, not all of it.</summary>
    public const int MaxValueLength = 300;

    public static DataItem Item(string type, string value, PayloadValue at, string detector, double confidence, bool hashed = false) => new()
    {
        Type = type,
        Value = value.Length > MaxValueLength ? value[..MaxValueLength] : value,
        Path = at.Path,
        Detector = detector,
        Confidence = confidence,
        Hashed = hashed,
    };

    public static bool HasDigit(string s) => s.AsSpan().ContainsAnyInRange('0', '9');

    /// <summary>True when one character of the text passes the test (a loop, not LINQ over the string's enumerator).</summary>
    public static bool Has(string s, Func<char, bool> test)
    {
        foreach (var c in s)
            if (test(c))
                return true;
        return false;
    }
}
