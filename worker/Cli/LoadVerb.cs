using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Compliance.Worker.Cli;

/// <summary>
/// `worker load --url http://127.0.0.1:PORT --key KEY`: a bounded load of reads, /check calls and uploads
/// against a service on this machine; prints requests per second, p50/p99 latency and the error count.
/// </summary>
public static class LoadVerb
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The service, on loopback only.", Required = true };
        var key = new Option<string>("--key") { Description = "An analyst or admin API key.", Required = true };
        var seconds = new Option<int>("--duration") { Description = "Seconds to run (at most 600).", DefaultValueFactory = _ => 60 };
        var clients = new Option<int>("--concurrency") { Description = "Clients at once.", DefaultValueFactory = _ => 8 };
        var policy = new Option<string>("--policy") { Description = "Policy file for /check calls.", Required = true };
        var traffic = new Option<string>("--traffic") { Description = "Capture for /check calls.", Required = true };
        var command = new Command("load", "Run a bounded load (reads, /check, uploads) against a local service and report its figures.")
            { url, key, seconds, clients, policy, traffic };
        command.SetAction(async (parse, ct) =>
        {
            var baseUrl = new Uri(parse.GetValue(url)!);
            if (!baseUrl.IsLoopback)
                throw new CliInputException("load runs only against a service on this machine (loopback address)");
            var duration = TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(seconds), 1, 600));
            var policyBytes = CliInput.ReadAllBytes(parse.GetValue(policy)!);
            var trafficBytes = CliInput.ReadAllBytes(parse.GetValue(traffic)!, 20 * 1024 * 1024);
            using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
            http.DefaultRequestHeaders.Add("X-Api-Key", parse.GetValue(key));
            var created = await http.PostAsJsonAsync("/vendors", new { name = $"load-{Guid.NewGuid():N}", domains = new[] { "load.test" } }, ct);
            created.EnsureSuccessStatusCode();
            var vendor = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString();
            var latencies = new ConcurrentBag<(string Kind, double Ms, int Status)>();
            var stopwatch = Stopwatch.StartNew();
            var counter = 0;
            await Task.WhenAll(Enumerable.Range(0, Math.Clamp(parse.GetValue(clients), 1, 64)).Select(async client =>
            {
                while (stopwatch.Elapsed < duration && !ct.IsCancellationRequested)
                {
                    var n = Interlocked.Increment(ref counter);
                    var kind = (n % 10) switch { 0 => "check", 1 or 2 => "upload", _ => "read" };
                    var started = stopwatch.Elapsed;
                    int status;
                    try
                    {
                        using var response = kind switch
                        {
                            "check" => await http.PostAsync("/check", CheckForm(policyBytes, trafficBytes), ct),
                            "upload" => await http.PostAsJsonAsync($"/vendors/{vendor}/policies",
                                new { text = $"Version {n}. We collect your email address to send receipts. We do not sell your personal information.", title = $"v{n}" }, ct),
                            _ => await http.GetAsync((n % 3) switch { 0 => "/vendors", 1 => "/ontology", _ => $"/vendors/{vendor}/policies" }, ct),
                        };
                        status = (int)response.StatusCode;
                        await response.Content.CopyToAsync(Stream.Null, ct);
                    }
                    catch (HttpRequestException)
                    {
                        status = 0;
                    }
                    latencies.Add((kind, (stopwatch.Elapsed - started).TotalMilliseconds, status));
                }
            }));
            Report(latencies.ToList(), stopwatch.Elapsed);
            return CliApp.Ok;
        });
        return command;
    }

    private static MultipartFormDataContent CheckForm(byte[] policy, byte[] traffic)
    {
        var form = new MultipartFormDataContent();
        var p = new ByteArrayContent(policy);
        p.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(p, "policy", "policy");
        var t = new ByteArrayContent(traffic);
        t.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(t, "traffic", "capture.har");
        return form;
    }

    private static void Report(List<(string Kind, double Ms, int Status)> samples, TimeSpan elapsed)
    {
        static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
        var errors = samples.Count(s => s.Status is 0 or >= 400);
        Console.Out.WriteLine($"requests {samples.Count} in {elapsed.TotalSeconds:0.0} s: {samples.Count / elapsed.TotalSeconds:0.0} req/s, errors {errors}");
        foreach (var group in samples.GroupBy(s => s.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Prepend(samples.GroupBy(_ => "all").First()))
        {
            var sorted = group.Select(s => s.Ms).Order().ToList();
            Console.Out.WriteLine($"  {group.Key,-7} n={sorted.Count,6}  p50={Percentile(sorted, 0.50),8:0.0} ms  p99={Percentile(sorted, 0.99),8:0.0} ms  " +
                                  $"errors={group.Count(s => s.Status is 0 or >= 400)} statuses={string.Join(',', group.GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}x{g.Count()}"))}");
        }
    }
}
