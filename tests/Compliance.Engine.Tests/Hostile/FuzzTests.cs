using System.Diagnostics;
using Compliance.Engine.Policies;
using Compliance.Engine.Tests.Policies;
using Compliance.Engine.Traffic;
using Xunit.Abstractions;

namespace Compliance.Engine.Tests.Hostile;

/// <summary>
/// Generated hostile inputs against every parser: each input ends in a result or in the parser's own
/// format error (a 4xx with a reason in the API, exit 2 in the CLI), never in another exception or a hang.
/// FUZZ_ITERATIONS sets inputs per target (the test command runs a few hundred; the dedicated run 25,000).
/// </summary>
[Trait("Category", "Fuzz")]
public class FuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan s_hang = TimeSpan.FromSeconds(20);
    private static int Iterations => int.TryParse(Environment.GetEnvironmentVariable("FUZZ_ITERATIONS"), out var n) ? n : 300;
    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var s) ? s : 20261127;

    [Fact]
    public void PolicyParserSurvivesMutatedDocuments()
    {
        var seeds = new List<byte[]>
        {
            File.ReadAllBytes(SharedData.Path("cases", "browser-phone-maker", "policy.html")),
            File.ReadAllBytes(SharedData.Path("cases", "fitness-tracker", "policy.md")),
            File.ReadAllBytes(SharedData.Path("cases", "notes-clean", "policy.txt")),
            TestPdfs.TwoPagePolicy(),
            TestPdfs.TwoColumns(),
        };
        Run("policy parser (mutated html/md/txt/pdf)", seeds, bytes => PolicyParser.Parse(bytes, "policy"), typeof(PolicyFormatException));
    }

    [Fact]
    public void PolicyParserSurvivesRandomBytes()
    {
        var mutator = new Mutator(Seed + 1);
        Run("policy parser (random bytes)", [mutator.Junk(4096), "# Heading\n\n- item\n"u8.ToArray(), "<html><p>We collect</p>"u8.ToArray()],
            bytes => PolicyParser.Parse(bytes, "random.txt"), typeof(PolicyFormatException));
    }

    [Fact]
    public void HarReaderAndDecodersSurviveMutatedCaptures()
    {
        var seeds = Directory.GetFiles(SharedData.Path("real-har"), "*.*har")
            .Where(f => new FileInfo(f).Length < 400_000)
            .Select(File.ReadAllBytes)
            .Append(File.ReadAllBytes(SharedData.Path("cases", "notes-clean", "signed-in-sync.har")))
            .ToList();
        var context = new TrafficContext { KnownValues = new Dictionary<string, IReadOnlyList<string>> { ["email-address"] = ["a@b.org"] } };
        Run("HAR reader + decoders + detectors (mutated captures)", seeds, bytes =>
        {
            using var stream = new MemoryStream(bytes, writable: false);
            TrafficAnalyzer.Analyze(stream, context, new TrafficOptions { VendorDomains = ["tallynote.test"] });
        }, typeof(TrafficFormatException));
    }

    [Fact]
    public void ObservationReportsAndJsonShapesSurvive()
    {
        var seeds = new List<byte[]>
        {
            """{"format":"observation-report/v1","observations":[{"destination":"t.example.com","dataTypes":["imei"],"context":{"privateMode":true}}]}"""u8.ToArray(),
            """{"log":{"version":"1.2","entries":[{"startedDateTime":"2024-01-01T00:00:00Z","request":{"method":"POST","url":"https://a.example/x?id=1","headers":[],"postData":{"mimeType":"application/json","text":"{\"e\":\"YWJj\"}"}},"response":{"status":200}}]}}"""u8.ToArray(),
            """[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"""u8.ToArray(),
        };
        Run("observation reports and odd JSON", seeds, bytes =>
        {
            using var stream = new MemoryStream(bytes, writable: false);
            TrafficAnalyzer.Analyze(stream, null, new TrafficOptions());
        }, typeof(TrafficFormatException));
    }

    [Fact]
    public void DecodersSurviveMutatedBodiesInsideValidCaptures()
    {
        var json = "{\"events\":[{\"distinct_id\":\"535690849e7a6ded\",\"url\":\"https://example.org/a?q=b\",\"email\":\"a@b.org\"}]}"u8.ToArray();
        var gzip = Gzip(json);
        // Media and binary multipart: an image part beside a text part, a JPEG body, a data URI.
        byte[] binaryMultipart =
        [
            .. "--b\r\nContent-Disposition: form-data; name=\"e\"\r\n\r\na@b.org\r\n--b\r\nContent-Type: image/jpeg\r\n\r\n"u8,
            0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, .. "JFIF\r\n--b--\r\n"u8,
        ];
        byte[] jpegBody = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, .. "JFIF"u8, .. json];
        byte[] pngBytes = [0x89, .. "PNG\r\n"u8, 0x1A, (byte)'\n', .. json];
        var seeds = new List<byte[]>
        {
            json,
            gzip,
            System.Text.Encoding.ASCII.GetBytes("data_list=" + Uri.EscapeDataString(Convert.ToBase64String(gzip)) + "&v=1"),
            System.Text.Encoding.ASCII.GetBytes(Convert.ToHexString(json)),
            System.Text.Encoding.ASCII.GetBytes("--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\n" + Convert.ToBase64String(json) + "\r\n--b--\r\n"),
            binaryMultipart,
            jpegBody,
            System.Text.Encoding.ASCII.GetBytes("{\"avatar\":\"data:image/png;base64," + Convert.ToBase64String(pngBytes) + "\"}"),
        };
        Run("decoders (mutated bodies in valid HARs)", seeds, body =>
        {
            var har = "{\"log\":{\"version\":\"1.2\",\"entries\":[{\"startedDateTime\":\"2024-01-01T00:00:00Z\",\"request\":{\"method\":\"POST\"," +
                      "\"url\":\"https://t.example.com/c?b=" + Uri.EscapeDataString(Convert.ToBase64String(body.Take(64).ToArray())) + "\",\"headers\":[]," +
                      "\"postData\":{\"mimeType\":\"multipart/form-data; boundary=b\",\"encoding\":\"base64\",\"text\":\"" + Convert.ToBase64String(body) + "\"}}," +
                      "\"response\":{\"status\":200}}]}}";
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(har), writable: false);
            TrafficAnalyzer.Analyze(stream, new TrafficContext { KnownValues = new Dictionary<string, IReadOnlyList<string>> { ["android-id"] = ["535690849e7a6ded"] } }, new TrafficOptions());
        }, typeof(TrafficFormatException));
    }

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest))
            gz.Write(data);
        return buffer.ToArray();
    }

    private void Run(string target, IReadOnlyList<byte[]> seeds, Action<byte[]> parse, Type allowed)
    {
        var mutator = new Mutator(Seed ^ target.Aggregate(17, (h, c) => unchecked(h * 31 + c)) & 0x7fffffff);
        var rejected = 0;
        var slowest = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Iterations; i++)
        {
            var input = mutator.Mutate(seeds);
            var started = clock.Elapsed;
            var run = Task.Run(() => parse(input));
            if (Task.WhenAny(run, Task.Delay(s_hang)).GetAwaiter().GetResult() != run)
                Assert.Fail($"{target}: input {i} ({input.Length} bytes) did not finish in {s_hang.TotalSeconds} s");
            var error = run.Exception?.InnerException;
            if (error is not null && !allowed.IsInstanceOfType(error))
                Assert.Fail($"{target}: input {i} ({input.Length} bytes) crashed with {error.GetType().Name}: {error.Message}");
            if (error is not null)
            {
                rejected++;
                Assert.False(string.IsNullOrWhiteSpace(error.Message), "a rejection must say why");
            }
            var took = clock.Elapsed - started;
            if (took > slowest)
                slowest = took;
        }
        output.WriteLine($"{target}: {Iterations} inputs, {rejected} rejected with a reason, 0 crashes, 0 hangs, slowest {slowest.TotalMilliseconds:0} ms, total {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
