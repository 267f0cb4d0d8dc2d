using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Compliance.Engine;

/// <summary>
/// Times as CONTRACT.md writes them: ISO 8601 in UTC with a "Z" ("2020-04-28T10:01:02Z"). Any ISO 8601
/// time is read; one without an offset is taken as UTC, whatever the server's time zone.
/// </summary>
public sealed class UtcTimeConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            throw new JsonException($"\"{text}\" is not an ISO 8601 time");
        return time.ToUniversalTime();
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture));
}
