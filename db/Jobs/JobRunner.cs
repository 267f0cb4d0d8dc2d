using Compliance.Db.Entities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Compliance.Db.Jobs;

/// <summary>Settings of the job runner, bound from the "Jobs" configuration section.</summary>
public sealed class JobRunnerOptions
{
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
    /// <summary>Jobs run at once by this process.</summary>
    public int Concurrency { get; set; } = 1;
    public string? WorkerName { get; set; }
}

/// <summary>Does the work of one job kind; must be idempotent (a job may run again after a crash).</summary>
public interface IJobHandler
{
    string Kind { get; }

    /// <summary>Runs the job and returns the result's URL, if it has one.</summary>
    Task<string?> RunAsync(Job job, JobProgress progress, CancellationToken ct);
}

/// <summary>Lets a handler report progress; the runner writes it with the next lease renewal.</summary>
public sealed class JobProgress
{
    public double Value { get; private set; }

    public void Report(double value) => Value = Math.Clamp(value, 0, 1);
}

/// <summary>Polls the queue, runs each claimed job in its own scope, and renews the lease while it runs.</summary>
public sealed class JobRunner(IServiceScopeFactory scopes, IOptions<JobRunnerOptions> options, ILogger<JobRunner> logger)
    : BackgroundService
{
    private readonly JobRunnerOptions _options = options.Value;

    public string Owner { get; } = $"{options.Value.WorkerName ?? Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, _options.Concurrency)).Select(_ => LoopAsync(stoppingToken)));

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            bool ran;
            try
            {
                ran = await RunOneAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be restarting: back off and poll again.
                logger.LogWarning(e, "Job loop error; retrying");
                ran = false;
            }
            if (!ran)
            {
                try { await Task.Delay(_options.PollInterval, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>Claims and runs one job; false when the queue was empty.</summary>
    public async Task<bool> RunOneAsync(CancellationToken ct)
    {
        Job? job;
        await using (var scope = scopes.CreateAsyncScope())
            job = await scope.ServiceProvider.GetRequiredService<JobQueue>().ClaimAsync(Owner, _options.Lease, ct);
        if (job is null)
            return false;

        using var log = logger.BeginScope(new Dictionary<string, object> { ["JobId"] = job.Id, ["JobKind"] = job.Kind });
        logger.LogInformation("Running job {JobId} ({JobKind}), attempt {Attempt}", job.Id, job.Kind, job.Attempts);
        var progress = new JobProgress();
        using var jobCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var heartbeat = HeartbeatAsync(job.Id, progress, jobCts);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetServices<IJobHandler>().FirstOrDefault(h => h.Kind == job.Kind)
                ?? throw new InvalidOperationException($"No handler for job kind '{job.Kind}'.");
            var result = await handler.RunAsync(job, progress, jobCts.Token);
            await jobCts.CancelAsync();
            await heartbeat;
            await using var done = scopes.CreateAsyncScope();
            var completed = await done.ServiceProvider.GetRequiredService<JobQueue>().CompleteAsync(job.Id, Owner, result, ct);
            if (!completed)
                logger.LogWarning("Job {JobId} finished after its lease was lost; another worker owns it", job.Id);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            await jobCts.CancelAsync();
            await heartbeat;
            logger.LogError(e, "Job {JobId} failed", job.Id);
            await using var failed = scopes.CreateAsyncScope();
            await failed.ServiceProvider.GetRequiredService<JobQueue>().FailAsync(job.Id, Owner, $"{e.GetType().Name}: {e.Message}", CancellationToken.None);
        }
        return true;
    }

    private async Task HeartbeatAsync(Guid id, JobProgress progress, CancellationTokenSource jobCts)
    {
        var period = _options.Lease / 3;
        try
        {
            while (!jobCts.IsCancellationRequested)
            {
                await Task.Delay(period, jobCts.Token);
                await using var scope = scopes.CreateAsyncScope();
                var held = await scope.ServiceProvider.GetRequiredService<JobQueue>()
                    .RenewAsync(id, Owner, _options.Lease, progress.Value, jobCts.Token);
                if (!held)
                {
                    logger.LogWarning("Lost the lease of job {JobId}; stopping it", id);
                    await jobCts.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Heartbeat of job {JobId} failed", id);
        }
    }
}

/// <summary>Registers the queue, and (when asked) the runner that works it inside this process.</summary>
public static class JobExtensions
{
    public static IHostApplicationBuilder AddComplianceJobs(this IHostApplicationBuilder builder, bool runJobsHere)
    {
        builder.Services.AddScoped<JobQueue>();
        builder.Services.AddComplianceProcessing();
        builder.Services.AddOptions<JobRunnerOptions>().BindConfiguration("Jobs");
        builder.Services.AddSingleton<JobRunner>();
        if (runJobsHere)
            builder.Services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        return builder;
    }
}
