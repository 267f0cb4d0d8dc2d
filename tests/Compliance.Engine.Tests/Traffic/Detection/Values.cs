using Compliance.Engine.Traffic;
using Compliance.Engine.Traffic.Decoding;
using Compliance.Engine.Traffic.Detection;

namespace Compliance.Engine.Tests.Traffic.Detection;

/// <summary>Builds decoded values and entry scans for detector tests.</summary>
internal static class Values
{
    private static readonly Dictionary<string, ValuePath> s_containers = new(StringComparer.Ordinal);

    /// <summary>Values given the same container text share one container node, as siblings do.</summary>
    private static ValuePath ContainerOf(string text)
    {
        lock (s_containers)
        {
            if (!s_containers.TryGetValue(text, out var path))
                s_containers[text] = path = ValuePath.Root(text);
            return path;
        }
    }

    public static PayloadValue At(string field, string value, bool number = false, string container = "body → json $", string[]? trail = null) => new()
    {
        Value = value,
        Path = ValuePath.Root("body").Step("json $").Property(field),
        Name = new FieldName(field),
        Trail = (trail ?? [field]).Select(t => new FieldName(t)).ToList(),
        Container = ContainerOf(container),
        Origin = ValueOrigin.Body,
        IsNumber = number,
    };

    public static List<DataItem> Run(IDataDetector detector, params PayloadValue[] values) => Run(detector, new CaptureHistory(), "collector.test", values);

    public static List<DataItem> Run(IDataDetector detector, CaptureHistory history, string host, params PayloadValue[] values)
    {
        var found = new List<DataItem>();
        detector.Detect(new EntryScan { Index = 0, Host = host, Values = values, Context = TrafficContext.Unknown, History = history }, found);
        return found;
    }

    /// <summary>The types found at or above the evaluation threshold.</summary>
    public static List<string> Types(IDataDetector detector, params PayloadValue[] values) =>
        Run(detector, values).Where(i => i.Confidence >= 0.5).Select(i => i.Type).ToList();
}
