using System.Net;
using System.Net.Http.Json;
using Compliance.Db;
using Compliance.Db.Entities;
using Compliance.Db.Jobs;
using Compliance.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Compliance.Integration.Tests.Durability;

/// <summary>A worker dies holding an assessment's jobs; another worker finishes them once.</summary>
public sealed class WorkerKilledDuringAssessmentTests : IAsyncLifetime
{
    private TestDatabase _pg = null!;

    public async Task InitializeAsync() => _pg = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _pg.DisposeAsync();

    [Fact]
    public async Task AssessmentOfADeadWorkerCompletesOnceOnAnother()
    {
        await using var api = new ApiFactory(_pg.ConnectionString, runJobs: false);
        var client = api.CreateAdminClient();
        var vendor = await client.CreateVendorAsync("Tanager Mobile", "tanagermobile.test", "tanagercdn.test");
        var dir = SharedData.File("cases", "browser-phone-maker");
        await client.UploadAsync($"/vendors/{vendor}/policies", Path.Combine(dir, "policy.html"));
        await client.UploadAsync($"/vendors/{vendor}/traffic", Path.Combine(dir, "incognito.har"), Path.Combine(dir, "incognito.ctx.json"));
        var accepted = await client.PostAsJsonAsync("/assessments", new { vendorId = vendor });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

        // The doomed worker takes every queued job and dies before finishing any of them.
        await using (var ctx = _pg.CreateContext())
        {
            var queue = new JobQueue(ctx, TimeProvider.System);
            while (await queue.ClaimAsync("doomed-worker", TimeSpan.FromSeconds(2)) is not null)
            {
            }
            Assert.Equal(3, await ctx.Jobs.CountAsync(j => j.State == JobState.Running && j.LeaseOwner == "doomed-worker"));
        }

        await using var services = RealWorker();
        var runner = new JobRunner(services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new JobRunnerOptions { Lease = TimeSpan.FromSeconds(10), PollInterval = TimeSpan.FromMilliseconds(100), WorkerName = "healthy" }),
            NullLogger<JobRunner>.Instance);
        await runner.StartAsync(CancellationToken.None);
        var job = await client.WaitForJobAsync(accepted.Headers.Location!.ToString(), TimeSpan.FromSeconds(120));
        await runner.StopAsync(CancellationToken.None);

        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        Assert.Equal(2, job.GetProperty("attempts").GetInt32());
        await using var db = _pg.CreateContext();
        var assessment = await db.Assessments.SingleAsync();
        Assert.Equal("done", assessment.State);
        var findings = await db.Findings.Where(f => f.AssessmentId == assessment.Id).ToListAsync();
        Assert.Contains(findings, f => f.Kind == "condition-violated" && f.DataType == "browsing-history");
        Assert.Equal(findings.Count, findings.Select(f => f.FindingKey).Distinct().Count());
        Assert.Equal(1, await db.Claims.Select(c => c.PolicyVersionId).Distinct().CountAsync());
    }

    private ServiceProvider RealWorker()
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<ComplianceDbContext, PostgresComplianceDbContext>(o => o.UseNpgsql(_pg.ConnectionString));
        services.AddScoped<JobQueue>();
        services.AddComplianceProcessing();
        services.AddLogging();
        return services.BuildServiceProvider();
    }
}
