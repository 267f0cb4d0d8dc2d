namespace Compliance.Engine.Traffic.Har;

/// <summary>One entry of an "observation-report/v1": data a researcher saw leave without a capture.</summary>
public sealed record Observation
{
    public required int Index { get; init; }
    public required string Destination { get; init; }
    public IReadOnlyList<string> DataTypes { get; init; } = [];
    public TrafficContext? Context { get; init; }
    public string? Evidence { get; init; }
    public string? Url { get; init; }
    public string? Method { get; init; }
}
