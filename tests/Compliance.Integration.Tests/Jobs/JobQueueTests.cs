using System.Collections.Concurrent;
using Compliance.Db.Entities;
using Compliance.Db.Jobs;
using Compliance.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Integration.Tests.Jobs;

/// <summary>The queue's guarantees, against a real PostgreSQL.</summary>
public sealed class JobQueueTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task TwoWorkersNeverRunTheSameJobAtOnce()
    {
        var handler = new RecordingHandler(TimeSpan.FromMilliseconds(30));
        await EnqueueAsync(60);

        await RunWorkersUntilDrainedAsync(handler, workers: 4, concurrency: 2, TimeSpan.FromSeconds(10));

        Assert.Equal(0, handler.Overlaps);
        Assert.Equal(60, handler.Completions.Count);
        Assert.All(handler.Completions.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task JobOfAKilledWorkerIsCompletedOnceByAnother()
    {
        await EnqueueAsync(1);
        var blocking = new RecordingHandler(Timeout.InfiniteTimeSpan);
        using var deadServices = QueueWorkers.Services(_db.ConnectionString, blocking);
        var dead = QueueWorkers.Runner(deadServices, "doomed", lease: TimeSpan.FromSeconds(2));
        using var kill = new CancellationTokenSource();
        var deadRun = dead.RunOneAsync(kill.Token);
        await blocking.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await kill.CancelAsync(); // the process dies mid-job: no completion, no failure recorded, lease left to expire
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => deadRun);

        var healthy = new RecordingHandler(TimeSpan.FromMilliseconds(10));
        await RunWorkersUntilDrainedAsync(healthy, workers: 1, concurrency: 1, TimeSpan.FromSeconds(2));

        Assert.Empty(blocking.Completions);
        Assert.Single(healthy.Completions);
        await using var ctx = _db.CreateContext();
        var job = await ctx.Jobs.SingleAsync();
        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Equal(2, job.Attempts);
        var queue = new JobQueue(ctx, TimeProvider.System);
        Assert.False(await queue.CompleteAsync(job.Id, dead.Owner, null)); // the dead worker cannot complete it late
    }

    [Fact]
    public async Task ThousandJobsDrainWithSeveralWorkersNoneLostOrDuplicated()
    {
        var handler = new RecordingHandler(TimeSpan.Zero);
        var ids = await EnqueueAsync(1000);

        await RunWorkersUntilDrainedAsync(handler, workers: 4, concurrency: 3, TimeSpan.FromSeconds(10));

        Assert.Equal(ids.Order(), handler.Completions.Keys.Order());
        Assert.All(handler.Completions.Values, count => Assert.Equal(1, count));
        await using var ctx = _db.CreateContext();
        Assert.Equal(1000, await ctx.Jobs.CountAsync(j => j.State == JobState.Succeeded && j.Attempts == 1));
    }

    [Fact]
    public async Task JobThatKeepsFailingIsMarkedFailedWithItsError()
    {
        await EnqueueAsync(1);
        var failing = new RecordingHandler(TimeSpan.Zero) { FailWith = "payload is broken" };

        await RunWorkersUntilDrainedAsync(failing, workers: 1, concurrency: 1, TimeSpan.FromSeconds(10));

        await using var ctx = _db.CreateContext();
        var job = await ctx.Jobs.SingleAsync();
        Assert.Equal(JobState.Failed, job.State);
        Assert.Equal(job.MaxAttempts, job.Attempts);
        Assert.Contains("payload is broken", job.Error);
    }

    [Fact]
    public async Task EnqueueingTheSameKeyTwiceReturnsTheFirstJob()
    {
        await using var ctx = _db.CreateContext();
        var queue = new JobQueue(ctx, TimeProvider.System);

        var first = await queue.EnqueueAsync("test", new { n = 1 }, "same-key");
        var second = await queue.EnqueueAsync("test", new { n = 2 }, "same-key");

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(1, await ctx.Jobs.CountAsync());
    }

    private async Task<List<Guid>> EnqueueAsync(int count)
    {
        await using var ctx = _db.CreateContext();
        var queue = new JobQueue(ctx, TimeProvider.System);
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
            ids.Add((await queue.EnqueueAsync(RecordingHandler.KindName, new { i }, $"job-{i}")).Id);
        return ids;
    }

    private async Task RunWorkersUntilDrainedAsync(RecordingHandler handler, int workers, int concurrency, TimeSpan lease)
    {
        var providers = Enumerable.Range(0, workers).Select(_ => QueueWorkers.Services(_db.ConnectionString, handler)).ToList();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var runners = providers.Select((p, i) => QueueWorkers.Runner(p, $"w{i}", lease, concurrency)).ToList();
        foreach (var runner in runners)
            await runner.StartAsync(stop.Token);
        try
        {
            await using var ctx = _db.CreateContext();
            while (await ctx.Jobs.AnyAsync(j => j.State == JobState.Queued || j.State == JobState.Running, stop.Token))
                await Task.Delay(50, stop.Token);
        }
        finally
        {
            foreach (var runner in runners)
                await runner.StopAsync(CancellationToken.None);
            foreach (var p in providers)
                await p.DisposeAsync();
        }
    }
}

/// <summary>A job handler that records how often each job ran to completion and whether two runs overlapped.</summary>
internal sealed class RecordingHandler(TimeSpan work) : IJobHandler
{
    public const string KindName = "test-record";
    private readonly ConcurrentDictionary<Guid, int> _running = new();
    private int _overlaps;

    public string Kind => KindName;
    public string? FailWith { get; init; }
    public ConcurrentDictionary<Guid, int> Completions { get; } = new();
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public int Overlaps => _overlaps;

    public async Task<string?> RunAsync(Job job, JobProgress progress, CancellationToken ct)
    {
        if (_running.AddOrUpdate(job.Id, 1, (_, n) => n + 1) > 1)
            Interlocked.Increment(ref _overlaps);
        Started.TrySetResult();
        try
        {
            if (FailWith is not null)
                throw new InvalidOperationException(FailWith);
            if (work != TimeSpan.Zero)
                await Task.Delay(work, ct);
            Completions.AddOrUpdate(job.Id, 1, (_, n) => n + 1);
            return $"/results/{job.Id}";
        }
        finally
        {
            _running.AddOrUpdate(job.Id, 0, (_, n) => n - 1);
        }
    }
}
