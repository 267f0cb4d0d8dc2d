using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Compliance.Engine.Traffic;
using Compliance.Engine.Traffic.Har;
using static Compliance.Engine.Tests.Traffic.HarBuilder;

namespace Compliance.Engine.Tests.Traffic;

public sealed class HarReaderTests
{
    private static readonly TrafficContext s_imei = new() { KnownValues = new Dictionary<string, IReadOnlyList<string>> { ["imei"] = ["490154203237518"] } };

    private static List<HarEntry> Read(Stream stream) => new HarReader(stream).ReadItems().Cast<HarEntry>().ToList();

    [Fact]
    public void MissingUrlNamesTheEntryAndField()
    {
        var har = Har([Entry("https://a.test/"), new JsonObject { ["request"] = new JsonObject { ["method"] = "GET" } }]);
        var error = Assert.Throws<TrafficFormatException>(() => Read(Stream(har)));
        Assert.Equal("entry 1: request.url is missing", error.Message);
    }

    [Fact]
    public void PostDataTextWinsWhenParamsAreAlsoPresent()
    {
        var entry = Entry("https://a.test/t", "POST", "imei=490154203237518", "application/x-www-form-urlencoded");
        entry["request"]!["postData"]!["params"] = new JsonArray(new JsonObject { ["name"] = "imei", ["value"] = "490154203237518" });
        var analysis = TrafficAnalyzer.Analyze(Stream(Har([entry])), s_imei, new TrafficOptions());
        var item = Assert.Single(Assert.Single(analysis.Flows).Data);
        Assert.Equal("body → form imei", item.Location);
    }

    [Fact]
    public void QueryEntriesWithEmptyNamesAreAccepted()
    {
        var entry = Entry("https://a.test/t?=490154203237518");
        entry["request"]!["queryString"] = new JsonArray(new JsonObject { ["name"] = "", ["value"] = "490154203237518" });
        var analysis = TrafficAnalyzer.Analyze(Stream(Har([entry])), s_imei, new TrafficOptions());
        Assert.Equal("imei", Assert.Single(Assert.Single(analysis.Flows).Data).Type);
    }

    [Fact]
    public void Base64PostDataEncodingIsDecoded()
    {
        var body = Convert.ToBase64String(Gzip(Encoding.UTF8.GetBytes("{\"dev\":{\"imei\":\"490154203237518\"}}")));
        var analysis = TrafficAnalyzer.Analyze(Stream(Har([Entry("https://a.test/t", "POST", body, "application/octet-stream", encoding: "base64")])), s_imei, new TrafficOptions());
        Assert.Equal("body → gzip → json $.dev.imei", Assert.Single(Assert.Single(analysis.Flows).Data).Location);
    }

    [Fact]
    public void ZlibCompressedCaptureIsRead()
    {
        var har = Encoding.UTF8.GetBytes(Har([Entry("https://a.test/1"), Entry("https://a.test/2")]));
        using var packed = new MemoryStream();
        using (var z = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true))
            z.Write(har);
        packed.Position = 0;
        Assert.Equal(2, Read(packed).Count);
    }

    [Fact]
    public void ContextInTheCaptureIsUsedAndTheCallersPartWins()
    {
        var inFile = new JsonObject { ["privateMode"] = true, ["knownValues"] = new JsonObject { ["imei"] = new JsonArray("490154203237518") } };
        var har = Har([Entry("https://a.test/t?imei=490154203237518")], inFile);
        var analysis = TrafficAnalyzer.Analyze(Stream(har), new TrafficContext { PrivateMode = false }, new TrafficOptions());
        Assert.False(analysis.Context.PrivateMode);
        Assert.Equal("known-value", Assert.Single(Assert.Single(analysis.Flows).Data).Detector);
    }

    [Fact]
    public void ContextWrittenAfterTheEntriesIsStillApplied()
    {
        var har = "{\"log\":{\"entries\":[" + Entry("https://a.test/t?x=490154203237518").ToJsonString()
            + "],\"_context\":{\"knownValues\":{\"imei\":[\"490154203237518\"]}}}}";
        var analysis = TrafficAnalyzer.Analyze(Stream(har), null, new TrafficOptions());
        Assert.Equal("known-value", Assert.Single(Assert.Single(analysis.Flows).Data).Detector);
    }

    [Fact]
    public void ObservationReportBecomesFlows()
    {
        const string report = """
            { "format": "observation-report/v1", "observations": [
              { "destination": "tracking.example-vendor.com", "dataTypes": ["search-query", "browsing-history"],
                "context": { "privateMode": true }, "evidence": "decoded base64 payload shows the query" } ] }
            """;
        var flow = Assert.Single(TrafficAnalyzer.Analyze(Stream(report), null, new TrafficOptions { VendorDomains = ["example-vendor.com"] }).Flows);
        Assert.Equal(["browsing-history", "search-query"], flow.Data.Select(d => d.Type));
        Assert.Equal("first-party", flow.Destination.Recipient);
        Assert.True(flow.Context!.PrivateMode);
    }

    [Fact]
    public void SameInputGivesTheSameOutput()
    {
        var path = SharedData.Path("cases", "browser-phone-maker", "normal.har");
        string Run()
        {
            using var s = File.OpenRead(path);
            return System.Text.Json.JsonSerializer.Serialize(TrafficAnalyzer.Analyze(s, null, new TrafficOptions()).Flows, EngineJson.Options);
        }
        Assert.Equal(Run(), Run());
    }
}
