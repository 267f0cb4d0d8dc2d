using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Compliance.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Integration.Tests.Durability;

/// <summary>
/// PostgreSQL restarted while uploads are in flight: clients see 201 or a retriable 503, never a 500;
/// every acknowledged upload is there afterwards, and nothing is half written.
/// </summary>
public sealed class DatabaseRestartTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private TestDatabase _pg = null!;

    public async Task InitializeAsync() => _pg = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _pg.DisposeAsync();

    [Fact]
    public async Task UploadsDuringARestartAreEitherStoredWholeOrRefusedRetriably()
    {
        await using var factory = new ApiFactory(_pg.ConnectionString);
        var client = factory.CreateAdminClient();
        var vendor = await client.CreateVendorAsync("Durable Vendor", "durable.test");
        var results = new ConcurrentBag<(int Index, HttpStatusCode Status, string? Id, string? RetryAfter)>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));

        var uploads = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; i < 120; i += 4)
            {
                var text = $"Policy version {i}. We collect your email address to send receipts number {i}. We do not sell your personal information.";
                var response = await client.PostAsJsonAsync($"/vendors/{vendor}/policies", new { text, kind = "privacy-policy", title = $"v{i}" }, stop.Token);
                string? id = null;
                if (response.StatusCode is HttpStatusCode.Created)
                    id = (await response.Content.ReadFromJsonAsync<JsonElement>(stop.Token)).GetProperty("id").GetString();
                results.Add((i, response.StatusCode, id, response.Headers.RetryAfter?.ToString()));
                await Task.Delay(40, stop.Token);
            }
        })).ToList();

        await Task.Delay(600);
        RestartPostgres();
        await Task.WhenAll(uploads);

        output.WriteLine($"201: {results.Count(r => r.Status == HttpStatusCode.Created)}, 503: {results.Count(r => r.Status == HttpStatusCode.ServiceUnavailable)}, other: {results.Count(r => r.Status is not (HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable))}");
        Assert.Equal(120, results.Count);
        Assert.All(results, r => Assert.True(r.Status is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable,
            $"upload {r.Index} answered {(int)r.Status}"));
        Assert.All(results.Where(r => r.Status == HttpStatusCode.ServiceUnavailable), r => Assert.NotNull(r.RetryAfter));
        var acknowledged = results.Where(r => r.Status == HttpStatusCode.Created).ToList();
        Assert.NotEmpty(acknowledged);

        await using var db = _pg.CreateContext();
        var stored = await db.PolicyVersions.AsNoTracking().ToListAsync();
        foreach (var ack in acknowledged)
            Assert.Contains(stored, v => v.Id.ToString() == ack.Id && v.NormalisedText.Contains($"receipts number {ack.Index}."));
        // Nothing half written: every version has its evidence, every piece of evidence a version.
        var blobs = await db.Evidence.AsNoTracking().Select(e => e.Sha256).ToListAsync();
        Assert.All(stored, v => Assert.Contains(v.Sha256, blobs));
        Assert.All(blobs, b => Assert.Contains(stored, v => v.Sha256 == b));
    }

    // Stop the cluster, keep it down long enough to outlast the client's retries, then start it with the same options.
    private static void RestartPostgres()
    {
        var data = Environment.GetEnvironmentVariable("COMPLIANCE_TEST_PGDATA")
                   ?? throw new InvalidOperationException("COMPLIANCE_TEST_PGDATA is not set: run the tests with ./test.sh.");
        var bin = Environment.GetEnvironmentVariable("COMPLIANCE_TEST_PGBIN") ?? "/usr/lib/postgresql/15/bin";
        var options = File.ReadAllText(Path.Combine(data, "postmaster.opts")).Trim();
        // postmaster.opts is the command line, each argument quoted: keep what follows the data directory.
        var arguments = System.Text.RegularExpressions.Regex.Matches(options, "\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        var afterData = string.Join(' ', arguments.SkipWhile(a => a != "-D").Skip(2));
        PgCtl(bin, "-D", data, "-m", "fast", "-w", "stop");
        Thread.Sleep(TimeSpan.FromSeconds(6));
        PgCtl(bin, "-D", data, "-w", "-l", Path.Combine(Path.GetDirectoryName(data)!, "restart.log"), "-o", afterData, "start");
    }

    private static void PgCtl(string bin, params string[] args)
    {
        var start = new ProcessStartInfo("runuser", ["-u", "postgres", "--", Path.Combine(bin, "pg_ctl"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        process.WaitForExit(60_000);
        Assert.True(process.ExitCode == 0, $"pg_ctl {string.Join(' ', args)} failed: {process.StandardError.ReadToEnd()}");
    }
}
