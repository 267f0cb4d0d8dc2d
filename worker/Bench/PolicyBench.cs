using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Compliance.Engine.Policies;
using Compliance.Worker.Cli;

namespace Compliance.Worker.Bench;

/// <summary>
/// `worker bench policy`: parses a generated HTML policy of the given length (site navigation, cookie banner,
/// headings, lists with lead-ins, tables, abbreviations) and reports the time to normalise and segment it.
/// </summary>
public static class PolicyBench
{
    private const int WarmUpRuns = 40;

    public static Command Create()
    {
        var words = new Option<int>("--words") { Description = "Words of policy text to generate.", DefaultValueFactory = _ => 20_000 };
        var iterations = new Option<int>("--iterations") { Description = "Timed runs after warm-up.", DefaultValueFactory = _ => 30 };
        var command = new Command("policy", "Time HTML policy normalisation and sentence segmentation.") { words, iterations };
        command.SetAction(parse => Run(parse.GetValue(words), parse.GetValue(iterations)));
        return command;
    }

    private static int Run(int words, int iterations)
    {
        if (words < 100 || iterations < 1)
            throw new CliInputException("--words must be at least 100 and --iterations at least 1");
        var html = Encoding.UTF8.GetBytes(SyntheticPolicy.Html(words, seed: 20_000));
        var first = PolicyParser.Parse(html, "bench.html");
        // Enough warm-up calls for tiered JIT to promote the hot methods, then a pause for its background compiler,
        // so the timed runs measure steady-state code rather than tier-0 code and the JIT's own work.
        for (var i = 0; i < WarmUpRuns; i++)
            PolicyParser.Parse(html, "bench.html");
        Thread.Sleep(500);

        var times = new double[iterations];
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < iterations; i++)
        {
            var clock = Stopwatch.StartNew();
            PolicyParser.Parse(html, "bench.html");
            times[i] = clock.Elapsed.TotalMilliseconds;
        }
        var allocatedMb = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)iterations / (1024 * 1024);
        process.Refresh();
        // CPU time is reported beside wall time because a busy shared machine stretches wall time, not CPU time.
        var cpuMs = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / iterations;
        Array.Sort(times);
        var ci = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(ci, $"policy bench: {CountWords(first)} words of text, {html.Length / 1024} KiB HTML, {first.Sections.Count} sections, {first.Sentences.Count} sentences"));
        Console.WriteLine(string.Create(ci, $"parse+normalise+segment over {iterations} runs: mean {times.Average():0.0} ms, median {times[iterations / 2]:0.0} ms, min {times[0]:0.0} ms, max {times[^1]:0.0} ms"));
        Console.WriteLine(string.Create(ci, $"process CPU per run: {cpuMs:0.0} ms; allocated per run: {allocatedMb:0.0} MB; target median < 200 ms: {(times[iterations / 2] < 200 ? "met" : "MISSED")}"));
        return CliApp.Ok;
    }

    private static int CountWords(ParsedPolicy policy) =>
        policy.Sentences.Sum(s => s.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);

    /// <summary>A deterministic, realistic-looking policy page built from a seeded random generator.</summary>
    private static class SyntheticPolicy
    {
        private static readonly string[] s_data =
        [
            "your e-mail address", "your device model", "your IP address", "your approximate location", "crash reports",
            "the pages you visit", "your advertising ID", "your purchase history", "your contacts", "usage statistics",
        ];
        private static readonly string[] s_recipients =
        [
            "our service providers", "Hostwell Inc.", "advertising partners, e.g. ad networks,", "analytics providers in the U.S.",
            "Redwing Ltd.", "public authorities", "our affiliates (see Section 4.2)",
        ];
        private static readonly string[] s_purposes =
        [
            "to provide the service", "to improve our products", "to prevent fraud", "to show relevant ads",
            "to comply with the law, i.e. tax rules", "for approx. 30 days after you delete your account",
        ];

        public static string Html(int words, int seed)
        {
            var random = new Random(seed);
            var page = new StringBuilder(words * 9);
            page.Append("<!doctype html><html><head><title>Bench Privacy Policy</title><style>p{margin:0}</style>")
                .Append("<script>window.dataLayer=[];</script></head><body>")
                .Append("<div id=\"cookie-banner\" role=\"dialog\"><p>We use cookies.</p><button>Accept</button></div>")
                .Append("<header><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/products\">Products</a></li></ul></nav></header>")
                .Append("<main><article><h1>Bench Privacy Policy</h1>");
            var written = 0;
            for (var section = 1; written < words; section++)
            {
                page.Append(CultureInfo.InvariantCulture, $"<h2>{section}. Data practices of feature {section}</h2>");
                for (var block = 0; block < 4 && written < words; block++)
                {
                    switch (random.Next(5))
                    {
                        case 0:
                            page.Append("<p>We collect the following information:</p><ul>");
                            for (var i = 0; i < 4; i++, written += 8)
                                page.Append(CultureInfo.InvariantCulture, $"<li>{Pick(random, s_data)} {Pick(random, s_purposes)};</li>");
                            page.Append("</ul>");
                            break;
                        case 1:
                            page.Append("<table><tr><th>Data</th><th>Recipient</th><th>Purpose</th></tr>");
                            for (var i = 0; i < 3; i++, written += 12)
                                page.Append(CultureInfo.InvariantCulture, $"<tr><td>{Pick(random, s_data)}</td><td>{Pick(random, s_recipients)}</td><td>{Pick(random, s_purposes)}</td></tr>");
                            page.Append("</table>");
                            break;
                        default:
                            page.Append("<p>");
                            for (var i = 0; i < 5; i++, written += 17)
                                page.Append(CultureInfo.InvariantCulture, $"We share {Pick(random, s_data)} with {Pick(random, s_recipients)} {Pick(random, s_purposes)}, as described at https://bench.test/privacy#s{section}. ");
                            page.Append("</p>");
                            break;
                    }
                }
            }
            page.Append("</article></main><footer><p>&copy; 2025 Bench Inc. All rights reserved.</p></footer></body></html>");
            return page.ToString();
        }

        private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
    }
}
