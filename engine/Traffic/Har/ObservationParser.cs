using System.Text.Json;

namespace Compliance.Engine.Traffic.Har;

/// <summary>Turns one element of an observation report's "observations" into an Observation.</summary>
internal static class ObservationParser
{
    private static string? OptionalString(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static Observation Parse(JsonElement element, int index)
    {
        var destination = OptionalString(element, "destination")
            ?? throw new TrafficFormatException($"observation {index}: destination is missing");
        var types = new List<string>();
        if (element.TryGetProperty("dataTypes", out var array))
        {
            if (array.ValueKind != JsonValueKind.Array)
                throw new TrafficFormatException($"observation {index}: dataTypes is not an array");
            foreach (var t in array.EnumerateArray())
                if (t.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(t.GetString()))
                    types.Add(t.GetString()!.Trim());
        }
        TrafficContext? context = null;
        if (element.TryGetProperty("context", out var ctx) && ctx.ValueKind == JsonValueKind.Object)
        {
            try
            {
                context = ctx.Deserialize<TrafficContext>(EngineJson.Options);
            }
            catch (JsonException)
            {
                throw new TrafficFormatException($"observation {index}: context is not a traffic context");
            }
        }
        return new Observation
        {
            Index = index,
            Destination = destination,
            DataTypes = types,
            Context = context,
            Evidence = OptionalString(element, "evidence"),
            Url = OptionalString(element, "url"),
            Method = OptionalString(element, "method"),
        };
    }
}
