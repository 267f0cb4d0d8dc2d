using Compliance.Engine.Traffic;
using Compliance.Engine.Traffic.Har;

namespace Compliance.Engine.Tests.Traffic;

/// <summary>The exporters' captures in shared/data/real-har are read as their README says.</summary>
public sealed class RealHarConformanceTests
{
    private static string RealHar(string name) => SharedData.Path("real-har", name);

    private static int CountEntries(string name)
    {
        using var stream = File.OpenRead(RealHar(name));
        return new HarReader(stream).ReadItems().Count();
    }

    public static TheoryData<string, int> ReadableFiles() => new()
    {
        { "charles.har", 1 }, { "chrome.har", 3 }, { "compressed.zhar", 2 }, { "corrupted_gzip_body.har", 1 },
        { "event_stream.har", 2 }, { "firefox.har", 14 }, { "head-content-length.har", 1 }, { "incomplete_log.har", 4 },
        { "insomnia.har", 1 }, { "postdata.har", 1 }, { "safari.har", 19 }, { "websocket.har", 3 }, { "with-bom.har", 1 },
    };

    [Theory]
    [MemberData(nameof(ReadableFiles))]
    public void EveryEntryOfAnExporterCaptureIsRead(string name, int entries)
    {
        Assert.Equal(entries, CountEntries(name));
        using var stream = File.OpenRead(RealHar(name));
        var analysis = TrafficAnalyzer.Analyze(stream, null, new TrafficOptions());
        Assert.Equal(entries, analysis.EntriesRead);
    }

    [Fact]
    public void EveryHarFileOfTheFolderIsCovered()
    {
        var files = Directory.GetFiles(SharedData.Path("real-har")).Select(Path.GetFileName)
            .Where(f => f!.EndsWith(".har", StringComparison.Ordinal) || f.EndsWith(".zhar", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        var covered = ReadableFiles().Select(row => (string)row[0]).Append("brokenfile.har").Order(StringComparer.Ordinal);
        Assert.Equal(covered, files);
    }

    [Fact]
    public void BrokenFileEndsWithAnErrorNamingWhere()
    {
        using var stream = File.OpenRead(RealHar("brokenfile.har"));
        var error = Assert.Throws<TrafficFormatException>(() => TrafficAnalyzer.Analyze(stream, null, new TrafficOptions()));
        Assert.StartsWith("log:", error.Message, StringComparison.Ordinal);
        Assert.Contains("byte", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CorruptedGzipBodyIsReportedNotFatal()
    {
        using var stream = File.OpenRead(RealHar("corrupted_gzip_body.har"));
        var analysis = TrafficAnalyzer.Analyze(stream, null, new TrafficOptions());
        Assert.Contains(analysis.Warnings, w => w.StartsWith("entry 0:", StringComparison.Ordinal) && w.Contains("does not decompress", StringComparison.Ordinal));
    }

    [Fact]
    public void IncompleteLogKeepsFailedRequestsWithoutResponses()
    {
        using var stream = File.OpenRead(RealHar("incomplete_log.har"));
        var entries = new HarReader(stream).ReadItems().Cast<HarEntry>().ToList();
        Assert.Equal(["GET", "GET", "POST"], entries.Take(3).Select(e => e.Method));
        Assert.All(entries, e => Assert.Null(e.Response?.Text));
    }

    [Fact]
    public void WebSocketFramesAreRead()
    {
        using var stream = File.OpenRead(RealHar("websocket.har"));
        var entries = new HarReader(stream).ReadItems().Cast<HarEntry>().ToList();
        Assert.Contains(entries, e => e.WebSocketMessages.Any(m => m.Type == "send"));
    }

    [Fact]
    public void TimestampsWithOffsetsBecomeUtc()
    {
        using var stream = File.OpenRead(RealHar("corrupted_gzip_body.har"));
        var entry = new HarReader(stream).ReadItems().Cast<HarEntry>().Single();
        Assert.Equal(new DateTimeOffset(2024, 11, 14, 14, 59, 42, TimeSpan.Zero), entry.StartedAt!.Value.AddTicks(-(entry.StartedAt.Value.Ticks % TimeSpan.TicksPerSecond)));
    }
}
