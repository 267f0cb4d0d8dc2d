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
    public void TwoGigabyteLineStopsAtTheDefaultEntryLimitWithoutReadingTheRest()
    {
        // One JSON line of 2 GiB, made as it is read: the reader must give up at its 64 MB entry limit.
        using var line = new EndlessLine("{\"log\":{\"entries\":[{\"request\":{\"method\":\"POST\",\"url\":\"https://a.test/\",\"postData\":{\"text\":\""u8.ToArray(), 2L << 30);
        // This thread's allocations only: the other tests run beside this one.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<TrafficFormatException>(() => Analyze(line));
        Assert.Equal("entry 0: larger than the limit of 64 MB for one entry", error.Message);
        Assert.InRange(line.Served, 64L << 20, 80L << 20);
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 400L << 20);
    }

    /// <summary>A read-only stream of a prefix followed by 'a' up to a length, generated on demand.</summary>
    private sealed class EndlessLine(byte[] prefix, long length) : Stream
    {
        public long Served { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => Served; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Served);
            for (var i = 0; i < n; i++)
            {
                var at = Served + i;
                buffer[offset + i] = at < prefix.Length ? prefix[at] : (byte)'a';
            }
            Served += n;
            return n;
        }
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
