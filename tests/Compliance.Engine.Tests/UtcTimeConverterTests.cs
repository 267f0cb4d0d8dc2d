using System.Text.Json;
using Compliance.Engine.Traffic;

namespace Compliance.Engine.Tests;

/// <summary>Times are written as CONTRACT.md shows them: UTC with a "Z".</summary>
public sealed class UtcTimeConverterTests
{
    [Theory]
    [InlineData("2020-04-28T12:01:02+02:00", "\"2020-04-28T10:01:02Z\"")]
    [InlineData("2020-04-28T10:01:02.250Z", "\"2020-04-28T10:01:02.25Z\"")]
    [InlineData("2020-04-28T10:01:02", "\"2020-04-28T10:01:02Z\"")]
    public void TimesAreWrittenInUtcWithZ(string input, string expected)
    {
        var time = JsonSerializer.Deserialize<DateTimeOffset>($"\"{input}\"", EngineJson.Options);
        Assert.Equal(expected, JsonSerializer.Serialize(time, EngineJson.Options));
    }

    [Fact]
    public void FlowStartTimesRoundTrip()
    {
        var flow = new Flow
        {
            Id = "f-1", EntryIndex = 0, Method = "GET", Url = "https://a.test/",
            Destination = new Destination { Host = "a.test", Recipient = "third-party" },
            StartedAt = new DateTimeOffset(2020, 4, 28, 12, 1, 2, TimeSpan.FromHours(2)),
        };
        var json = JsonSerializer.Serialize(flow, EngineJson.Compact);
        Assert.Contains("\"startedAt\":\"2020-04-28T10:01:02Z\"", json, StringComparison.Ordinal);
        Assert.Equal(flow.StartedAt, JsonSerializer.Deserialize<Flow>(json, EngineJson.Compact)!.StartedAt);
    }

    [Fact]
    public void TextThatIsNotATimeIsAJsonError() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DateTimeOffset>("\"yesterday\"", EngineJson.Options));
}
