using System.Text.Json;
using Compliance.Engine.Traffic;

namespace Compliance.Engine.Checking;

/// <summary>A context file that cannot be used; the message says why in one line.</summary>
public sealed class ContextFormatException(string message) : Exception(message);

/// <summary>
/// Reads a traffic-context file (CONTRACT.md, "Traffic context"). Lenient about how facts are written
/// (settings as "on"/"off" or true/false, known values as a string or a list); strict about the shape.
/// </summary>
public static class ContextFile
{
    public const int MaxBytes = 1024 * 1024;
    private const int MaxValuesPerType = 1000;

    public static TrafficContext Parse(ReadOnlySpan<byte> json)
    {
        if (json.Length > MaxBytes)
            throw new ContextFormatException($"the context file is {json.Length} bytes; the limit is {MaxBytes}");
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 16, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            throw new ContextFormatException($"the context file is not valid JSON (line {e.LineNumber + 1}): {Short(e.Message)}");
        }
        using (document)
            return FromElement(document.RootElement);
    }

    // System.Text.Json appends " LineNumber: … | BytePositionInLine: …" to its messages; the line is given already.
    private static string Short(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).Split('\n')[0].Trim();
    }

    public static TrafficContext FromElement(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new ContextFormatException("the context must be a JSON object");
        return new TrafficContext
        {
            App = Text(root, "app"),
            PrivateMode = Flag(root, "privateMode"),
            SignedIn = Flag(root, "signedIn"),
            Consent = Text(root, "consent"),
            Foreground = Flag(root, "foreground"),
            Settings = Settings(root),
            KnownValues = KnownValues(root),
        };
    }

    private static JsonElement? Property(JsonElement root, string name)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null)
                return property.Value;
        }
        return null;
    }

    private static string? Text(JsonElement root, string name) => Property(root, name) switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        null => null,
        _ => throw new ContextFormatException($"context field '{name}' must be a string"),
    };

    private static bool? Flag(JsonElement root, string name) => Property(root, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } v => v.GetString()?.Trim().ToLowerInvariant() switch
        {
            "true" or "on" or "yes" => true,
            "false" or "off" or "no" => false,
            _ => null,
        },
        null => null,
        _ => throw new ContextFormatException($"context field '{name}' must be true or false"),
    };

    private static Dictionary<string, string>? Settings(JsonElement root)
    {
        if (Property(root, "settings") is not { } settings)
            return null;
        if (settings.ValueKind != JsonValueKind.Object)
            throw new ContextFormatException("context field 'settings' must be an object");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in settings.EnumerateObject())
        {
            result[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.True => "on",
                JsonValueKind.False => "off",
                JsonValueKind.String => p.Value.GetString() ?? "",
                JsonValueKind.Number => p.Value.GetRawText() == "0" ? "off" : "on",
                _ => throw new ContextFormatException($"setting '{p.Name}' must be \"on\", \"off\", true or false"),
            };
        }
        return result;
    }

    private static Dictionary<string, IReadOnlyList<string>>? KnownValues(JsonElement root)
    {
        if (Property(root, "knownValues") is not { } known)
            return null;
        if (known.ValueKind != JsonValueKind.Object)
            throw new ContextFormatException("context field 'knownValues' must be an object");
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var p in known.EnumerateObject())
        {
            IEnumerable<JsonElement> values = p.Value.ValueKind == JsonValueKind.Array ? p.Value.EnumerateArray() : [p.Value];
            result[p.Name] = values.Take(MaxValuesPerType).Select(v => v.ValueKind switch
            {
                JsonValueKind.String => v.GetString() ?? "",
                JsonValueKind.Number => v.GetRawText(),
                _ => throw new ContextFormatException($"known values of '{p.Name}' must be strings"),
            }).ToList();
        }
        return result;
    }
}
