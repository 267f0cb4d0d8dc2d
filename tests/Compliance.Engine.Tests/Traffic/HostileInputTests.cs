using System.Text;
using Compliance.Engine.Traffic;
using Compliance.Engine.Traffic.Har;
using static Compliance.Engine.Tests.Traffic.HarBuilder;

namespace Compliance.Engine.Tests.Traffic;

/// <summary>Broken and malicious captures end with a clear error or a bounded, reported skip.</summary>
public sealed class HostileInputTests
{
    private static TrafficAnalysis Analyze(Stream s, TrafficLimits? limits = null) =>
        TrafficAnalyzer.Analyze(s, null, new TrafficOptions { Limits = limits ?? TrafficLimits.Default });

    [Fact]
    public void TruncatedCaptureNamesTheEntryItStopsIn()
    {
        var har = Har([Entry("https://a.test/1"), Entry("https://a.test/2")]);
        var error = Assert.Throws<TrafficFormatException>(() => Analyze(Stream(har[..(har.Length - 40)])));
        Assert.StartsWith("entry 1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("ends early", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EntryThatIsNotAnObjectIsSkippedAndReported()
    {
        var har = "{\"log\":{\"entries\":[42," + Entry("https://a.test/?imei=490154203237518").ToJsonString() + "]}}";
        var analysis = Analyze(Stream(har));
        Assert.Equal(2, analysis.EntriesRead);
        Assert.Contains("entry 0: not a JSON object (a number); skipped", analysis.Warnings);
        Assert.Equal(1, Assert.Single(analysis.Flows).EntryIndex);
    }

    [Fact]
    public void HugeLineStopsAtTheEntryLimit()
    {
        var huge = new string('a', 3 * 1024 * 1024);
        var har = Har([Entry("https://a.test/1", "POST", huge)]);
        var limits = new TrafficLimits { MaxEntryBytes = 1024 * 1024 };
        var error = Assert.Throws<TrafficFormatException>(() => Analyze(Stream(har), limits));
        Assert.Equal("entry 0: larger than the limit of 1 MB for one entry", error.Message);
    }

    [Fact]
    public void GzipBombStopsAtTheBoundAndIsReported()
    {
        var bomb = Gzip(new byte[64 * 1024 * 1024]);
        var har = Har([Entry("https://a.test/up", "POST", Convert.ToBase64String(bomb), "application/octet-stream", encoding: "base64")]);
        var analysis = Analyze(Stream(har), new TrafficLimits { MaxBodyBytes = 4 * 1024 * 1024, MaxDecodedBytes = 8 * 1024 * 1024 });
        Assert.Contains(analysis.Warnings, w => w.StartsWith("entry 0: body → gzip:", StringComparison.Ordinal) && w.Contains("decompression bomb", StringComparison.Ordinal));
        Assert.Empty(analysis.Flows);
    }

    [Fact]
    public void CompressedCaptureThatExpandsLikeABombIsStopped()
    {
        var text = Encoding.UTF8.GetBytes("{\"log\":{\"entries\":[" + new string(' ', 16 * 1024 * 1024) + "]}}");
        var limits = new TrafficLimits { MinBombBytes = 1024 * 1024, MaxCaptureExpansion = 50 };
        var error = Assert.Throws<TrafficFormatException>(() => Analyze(new MemoryStream(Gzip(text)), limits));
        Assert.Contains("decompression bomb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BinaryJunkIsAClearError()
    {
        var junk = new byte[4096];
        new Random(7).NextBytes(junk);
        junk[0] = 0x00;
        var error = Assert.Throws<TrafficFormatException>(() => Analyze(new MemoryStream(junk)));
        Assert.StartsWith("top level:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyFileIsAClearError()
    {
        var error = Assert.Throws<TrafficFormatException>(() => Analyze(new MemoryStream()));
        Assert.Equal("top level: the capture is empty", error.Message);
    }

    [Fact]
    public void JsonThatIsNeitherHarNorReportIsRejected()
    {
        var error = Assert.Throws<TrafficFormatException>(() => Analyze(Stream("{\"hello\":1}")));
        Assert.StartsWith("top level: neither a HAR file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeeplyNestedPayloadIsBounded()
    {
        var nested = new StringBuilder();
        for (var i = 0; i < 5000; i++)
            nested.Append("{\"a\":");
        nested.Append('1').Append('}', 5000);
        var har = Har([Entry("https://a.test/up", "POST", nested.ToString())]);
        var analysis = Analyze(Stream(har));
        Assert.Empty(analysis.Flows);
    }
}
