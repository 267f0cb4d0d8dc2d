using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Compliance.Engine.Checking;
using Compliance.Engine.Claims;
using Compliance.Engine.Matching;
using Compliance.Engine.Ontology;
using Compliance.Engine.Policies;
using Compliance.Engine.Traffic;
using Compliance.Worker.Cli;

namespace Compliance.Worker.Bench;

/// <summary>
/// `worker bench check`: writes a synthetic capture (default 5,000 entries) and policy (default 300 sentences) to a
/// temp folder and times the whole check on them, then times the matcher alone on as many synthetic flows.
/// </summary>
public static class CheckBench
{
    private const string Vendor = "Benchmark Vendor";
    private const string Domain = "bench-vendor.test";
    private const string AndroidId = "9774d56d682e549c";
    private const string AdvertisingId = "38400000-8cf0-11bd-b23e-10b96e40000d";

    private const string ResponseJson = """
        {"status":200,"statusText":"OK","httpVersion":"HTTP/1.1","headers":[],"cookies":[],
         "content":{"size":2,"mimeType":"application/json","text":"{}"},"redirectURL":"","headersSize":-1,"bodySize":2}
        """;

    private static readonly string[] s_sentences =
    [
        "We collect your email address when you create an account.",
        "We do not collect your IMEI or other hardware identifiers.",
        "We share your advertising ID with our advertising partners until you turn off Personalized ads.",
        "Usage statistics are aggregated and cannot be used to identify you.",
        "In private mode, the browser does not record the pages you visit.",
        "We sync your browsing history only when you turn on Sync.",
        "We never sell your personal information.",
        "Our analytics provider receives the screens you view and a random installation identifier.",
        "Crash reports are sent only if you tap Send and contain your device model and operating-system version.",
        "Your data is stored on servers in the European Union.",
        "This notice explains how we handle information when you use our services.",
        "You can contact our data protection officer at any time.",
    ];

    public static Command Create()
    {
        var entries = new Option<int>("--entries") { Description = "Entries in the synthetic capture.", DefaultValueFactory = _ => 5000 };
        var sentences = new Option<int>("--sentences") { Description = "Sentences in the synthetic policy.", DefaultValueFactory = _ => 300 };
        var command = new Command("check", "Time the whole check on a synthetic capture and policy.") { entries, sentences };
        command.SetAction(parse =>
        {
            var entryCount = parse.GetValue(entries);
            var sentenceCount = parse.GetValue(sentences);
            if (entryCount < 1 || sentenceCount < 1)
                throw new CliInputException("--entries and --sentences must be at least 1");
            var dir = Directory.CreateTempSubdirectory("check-bench-");
            try
            {
                Run(dir.FullName, entryCount, sentenceCount);
            }
            finally
            {
                dir.Delete(recursive: true);
            }
            return CliApp.Ok;
        });
        return command;
    }

    private static void Run(string dir, int entryCount, int sentenceCount)
    {
        var policyPath = Path.Combine(dir, "policy.txt");
        var harPath = Path.Combine(dir, "capture.har");
        File.WriteAllText(policyPath, Policy(sentenceCount));
        using (var har = File.Create(harPath))
            WriteHar(har, entryCount);
        Console.WriteLine($"inputs: {entryCount} entries ({new FileInfo(harPath).Length / 1024} KiB), {sentenceCount} sentences");

        // CPU time beside wall time: on a shared machine the wall clock also measures the neighbours.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = ComplianceCheck.CreateDefault().Run(new CheckRequest
        {
            Vendor = Vendor,
            VendorDomains = [Domain],
            Policies = [new PolicyInput("policy.txt", File.ReadAllBytes(policyPath))],
            Captures = [new CaptureInput("capture.har", () => File.OpenRead(harPath))],
        });
        var json = CheckVerb.Render(result, "json");
        watch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"check: {watch.Elapsed.TotalSeconds:F2} s wall, {CpuSince(ref cpu):F2} s CPU — {result.Claims.Count} claims, {result.Flows.Count} flows, {result.Findings.Count} findings, {json.Length / 1024} KiB of JSON"));

        Stages(policyPath, harPath);

        var (claims, flows) = SyntheticMatcherInput(entryCount, sentenceCount);
        watch.Restart();
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var findings = new Matcher(OntologyModel.Default).Match(claims, flows);
        watch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"matcher alone: {watch.Elapsed.TotalSeconds:F2} s wall, {CpuSince(ref cpu):F2} s CPU — {claims.Count} claims × {flows.Count} flows ({flows.Sum(f => f.Data.Count)} items) → {findings.Count} findings"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set: {Environment.WorkingSet / (1024 * 1024)} MiB"));
    }

    // The same check stage by stage, warm, so a slow total can be traced to its stage.
    private static void Stages(string policyPath, string harPath)
    {
        var watch = Stopwatch.StartNew();
        var parsed = PolicyParser.Parse(File.ReadAllBytes(policyPath), "policy.txt");
        var parse = watch.Elapsed.TotalSeconds;
        var claims = ClaimExtractor.CreateDefault().Extract(parsed, DocumentRef.Default);
        var extract = watch.Elapsed.TotalSeconds - parse;
        using var har = File.OpenRead(harPath);
        var flows = TrafficAnalyzer.Analyze(har, null, new TrafficOptions { VendorName = Vendor, VendorDomains = [Domain] }).Flows;
        var analyze = watch.Elapsed.TotalSeconds - parse - extract;
        new Matcher(OntologyModel.Default).Match(claims, flows);
        var match = watch.Elapsed.TotalSeconds - parse - extract - analyze;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"stages (warm): parse {parse:F2} s, extract {extract:F2} s, analyze {analyze:F2} s, match {match:F2} s"));
    }

    private static double CpuSince(ref TimeSpan start)
    {
        var now = Process.GetCurrentProcess().TotalProcessorTime;
        var seconds = (now - start).TotalSeconds;
        start = now;
        return seconds;
    }

    private static string Policy(int sentenceCount)
    {
        var text = new StringBuilder("Privacy Policy\n\n");
        for (var i = 0; i < sentenceCount; i++)
        {
            if (i % 12 == 0)
                text.Append(CultureInfo.InvariantCulture, $"\nSection {i / 12 + 1}\n\n");
            text.Append(s_sentences[i % s_sentences.Length]).Append(i % 3 == 2 ? "\n" : " ");
        }
        return text.ToString();
    }

    private static void WriteHar(Stream stream, int entryCount)
    {
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteStartObject("log");
        json.WriteString("version", "1.2");
        json.WritePropertyName("creator");
        json.WriteRawValue("""{"name":"check-bench","version":"1"}""");
        json.WritePropertyName("_context");
        json.WriteRawValue($$$"""{"privateMode":true,"knownValues":{"android-id":["{{{AndroidId}}}"]}}""");
        json.WriteStartArray("entries");
        var start = new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < entryCount; i++)
            WriteEntry(json, i, start.AddMilliseconds(i * 250));
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteEntry(Utf8JsonWriter json, int i, DateTimeOffset at)
    {
        var page = $"https://news{i % 40}.example.org/article/{i}";
        var (url, body) = (i % 5) switch
        {
            0 => (page, null),
            1 => ($"https://tracking.{Domain}/sa", "data_list=" + Convert.ToBase64String(Encoding.UTF8.GetBytes(
                $$$"""[{"distinct_id":"{{{AndroidId}}}","properties":{"url":"https://news{{{(i - 1) % 40}}}.example.org/article/{{{i - 1}}}","$model":"T2004K7G"}}]"""))),
            2 => ($"https://ads.adnetwork.example/req?rdid={AdvertisingId}&city=Lyon&n={i}", null),
            3 => ($"https://api.analytics.example/track", $$"""{"event":"screen_view","screen":"settings","install_id":"inst-5c1f0a","n":{{i}}}"""),
            _ => ($"https://cdn.{Domain}/img/{i}.png", null),
        };
        json.WriteStartObject();
        json.WriteString("startedDateTime", at.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        json.WriteNumber("time", 12);
        json.WriteStartObject("request");
        json.WriteString("method", body is null ? "GET" : "POST");
        json.WriteString("url", url);
        json.WriteString("httpVersion", "HTTP/1.1");
        json.WriteStartArray("headers");
        HarGenerator.Header(json, "User-Agent", "Mozilla/5.0 (Linux; Android 12)");
        if (i % 5 == 0)
            HarGenerator.Header(json, "Sec-Fetch-Mode", "navigate");
        json.WriteEndArray();
        json.WritePropertyName("queryString");
        json.WriteRawValue("[]");
        json.WritePropertyName("cookies");
        json.WriteRawValue("[]");
        json.WriteNumber("headersSize", -1);
        json.WriteNumber("bodySize", body?.Length ?? 0);
        if (body is not null)
        {
            json.WriteStartObject("postData");
            json.WriteString("mimeType", body.StartsWith('{') ? "application/json" : "application/x-www-form-urlencoded");
            json.WriteString("text", body);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        // The response side is out of scope for the detectors; one fixed, valid HAR response will do.
        json.WritePropertyName("response");
        json.WriteRawValue(ResponseJson);
        json.WritePropertyName("cache");
        json.WriteRawValue("{}");
        json.WritePropertyName("timings");
        json.WriteRawValue("""{"send":1,"wait":10,"receive":1}""");
        json.WriteEndObject();
    }

    // The matcher on its own, with claims and flows shaped like those the other stages produce.
    private static (List<Claim>, List<Flow>) SyntheticMatcherInput(int flowCount, int claimCount)
    {
        (string Action, Polarity Polarity, string Types, string Recipients, string Conditions, string Qualifiers)[] shapes =
        [
            ("collect", Polarity.Affirmative, "email-address,account-id", "first-party", "", ""),
            ("collect", Polarity.Negative, "device-id", "first-party", "", ""),
            ("share", Polarity.Affirmative, "advertising-id,coarse-location", "advertiser", "setting-enabled:personalized-ads", ""),
            ("collect", Polarity.Affirmative, "usage-statistics,app-activity", "first-party", "", "aggregated"),
            ("collect", Polarity.Affirmative, "browsing-history,search-query", "first-party", "not-private-mode", ""),
            ("sell", Polarity.Negative, "personal-data", "third-party", "", ""),
            ("share", Polarity.Affirmative, "app-activity,cookie-id", "analytics-provider", "", ""),
            ("store", Polarity.Affirmative, "personal-data", "service-provider", "", ""),
        ];
        var claims = Enumerable.Range(0, claimCount).Select(i =>
        {
            var s = shapes[i % shapes.Length];
            return new Claim
            {
                Id = $"c-{i + 1}", Sentence = s_sentences[i % s_sentences.Length], Span = new TextSpan(i * 80, i * 80 + 60),
                Action = s.Action, Polarity = s.Polarity, DataTypes = Split(s.Types), Recipients = Split(s.Recipients),
                Conditions = Split(s.Conditions), Qualifiers = Split(s.Qualifiers), Regions = i % 50 == 7 ? ["EU"] : [], Confidence = 0.9,
            };
        }).ToList();
        var context = new TrafficContext { PrivateMode = true, Settings = new Dictionary<string, string> { ["personalized-ads"] = "on" } };
        (string Host, string Recipient, string[] Types)[] targets =
        [
            ($"tracking.{Domain}", "first-party", ["browsing-history", "search-query", "android-id", "device-model"]),
            ($"data.{Domain}", "first-party", ["app-activity", "imei", "usage-statistics"]),
            ("ads.adnetwork.example", "advertiser", ["advertising-id", "coarse-location", "precise-location"]),
            ("api.analytics.example", "analytics-provider", ["app-activity", "cookie-id", "network-info"]),
        ];
        var flows = Enumerable.Range(0, flowCount).Select(i =>
        {
            var t = targets[i % targets.Length];
            return new Flow
            {
                Id = $"f-{i + 1}", EntryIndex = i, Capture = "capture.har", Method = "POST", Url = $"https://{t.Host}/e",
                Destination = new Destination { Host = t.Host, Recipient = t.Recipient, Country = i % 7 == 0 ? "US" : "DE" },
                Context = context,
                Data = t.Types.Select(type => new DataItem
                {
                    Type = type, Value = type == "cookie-id" ? $"inst-{i % 13:D4}" : $"{type}-{i}", Location = "body json $.x",
                    Detector = "bench", Confidence = 0.9,
                }).ToList(),
            };
        }).ToList();
        return (claims, flows);
    }

    private static List<string> Split(string csv) => csv.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
}
