using System.Text.Json;
using Compliance.Db.Entities;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Db.Jobs;

/// <summary>
/// The durable queue. Workers claim under a lease they renew; a job whose lease expires is claimed
/// again; a job that fails MaxAttempts times is marked failed with its error, never dropped.
/// Every state change is conditional on the caller still holding the lease, so a worker presumed
/// dead cannot complete a job another worker has taken over.
/// </summary>
public sealed class JobQueue(ComplianceDbContext db, TimeProvider clock)
{
    /// <summary>Adds a job, or returns the existing one with the same idempotency key.</summary>
    public async Task<Job> EnqueueAsync(string kind, object payload, string idempotencyKey, CancellationToken ct = default)
    {
        var existing = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.IdempotencyKey == idempotencyKey, ct);
        if (existing is not null)
            return existing;
        var job = new Job
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            PayloadJson = JsonSerializer.Serialize(payload),
            IdempotencyKey = idempotencyKey,
            State = JobState.Queued,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Jobs.Add(job);
        try
        {
            await db.SaveChangesAsync(ct);
            return job;
        }
        catch (DbUpdateException)
        {
            // Another request enqueued the same key between our read and write.
            db.Entry(job).State = EntityState.Detached;
            return await db.Jobs.AsNoTracking().FirstAsync(j => j.IdempotencyKey == idempotencyKey, ct);
        }
    }

    /// <summary>Claims the oldest runnable job (queued, or running with an expired lease), or returns null.</summary>
    public async Task<Job?> ClaimAsync(string owner, TimeSpan lease, CancellationToken ct = default)
    {
        await FailExhaustedAsync(ct);
        return db.IsPostgres ? await ClaimWithRowLocksAsync(owner, lease, ct) : await ClaimOptimisticallyAsync(owner, lease, ct);
    }

    private async Task<Job?> ClaimWithRowLocksAsync(string owner, TimeSpan lease, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + lease;
        var claimed = await db.Jobs.FromSqlInterpolated($"""
            UPDATE "Jobs" SET "State" = 1, "LeaseOwner" = {owner}, "LeaseExpiresAt" = {until},
                   "Attempts" = "Attempts" + 1, "StartedAt" = COALESCE("StartedAt", {now})
            WHERE "Id" = (
                SELECT "Id" FROM "Jobs"
                WHERE "State" = 0 OR ("State" = 1 AND "LeaseExpiresAt" < {now})
                ORDER BY "CreatedAt", "Id"
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING *
            """).AsNoTracking().ToListAsync(ct);
        return claimed.FirstOrDefault();
    }

    // SQLite serialises writers; a conditional UPDATE that affects one row is the claim.
    private async Task<Job?> ClaimOptimisticallyAsync(string owner, TimeSpan lease, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var now = clock.GetUtcNow();
            var candidate = await db.Jobs.AsNoTracking()
                .Where(j => j.State == JobState.Queued || (j.State == JobState.Running && j.LeaseExpiresAt < now))
                .OrderBy(j => j.CreatedAt).ThenBy(j => j.Id)
                .Select(j => j.Id)
                .FirstOrDefaultAsync(ct);
            if (candidate == Guid.Empty)
                return null;
            var until = now + lease;
            var rows = await db.Jobs
                .Where(j => j.Id == candidate && (j.State == JobState.Queued || (j.State == JobState.Running && j.LeaseExpiresAt < now)))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.State, JobState.Running)
                    .SetProperty(j => j.LeaseOwner, owner)
                    .SetProperty(j => j.LeaseExpiresAt, until)
                    .SetProperty(j => j.Attempts, j => j.Attempts + 1)
                    .SetProperty(j => j.StartedAt, j => j.StartedAt ?? now), ct);
            if (rows == 1)
                return await db.Jobs.AsNoTracking().FirstAsync(j => j.Id == candidate, ct);
        }
        return null;
    }

    /// <summary>Extends the lease (and records progress); false when the lease was lost.</summary>
    public async Task<bool> RenewAsync(Guid id, string owner, TimeSpan lease, double? progress = null, CancellationToken ct = default)
    {
        var until = clock.GetUtcNow() + lease;
        var rows = progress is { } p
            ? await Owned(id, owner).ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, until).SetProperty(j => j.Progress, p), ct)
            : await Owned(id, owner).ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, until), ct);
        return rows == 1;
    }

    /// <summary>Marks the job done; false when this worker no longer holds it (nothing changes then).</summary>
    public async Task<bool> CompleteAsync(Guid id, string owner, string? resultUrl, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var rows = await Owned(id, owner).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, JobState.Succeeded)
            .SetProperty(j => j.Progress, 1.0)
            .SetProperty(j => j.ResultUrl, resultUrl)
            .SetProperty(j => j.Error, (string?)null)
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null)
            .SetProperty(j => j.CompletedAt, now), ct);
        return rows == 1;
    }

    /// <summary>Records a failure: the job is queued again until it has used its attempts, then failed.</summary>
    public async Task<bool> FailAsync(Guid id, string owner, string error, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        error = error.Length > 2000 ? error[..2000] : error;
        var rows = await Owned(id, owner).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, j => j.Attempts >= j.MaxAttempts ? JobState.Failed : JobState.Queued)
            .SetProperty(j => j.Error, error)
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null)
            .SetProperty(j => j.CompletedAt, j => j.Attempts >= j.MaxAttempts ? now : null), ct);
        return rows == 1;
    }

    // A job whose workers kept dying (lease expired with no attempts left) is failed, not retried forever.
    private Task<int> FailExhaustedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.Jobs
            .Where(j => j.State == JobState.Running && j.LeaseExpiresAt < now && j.Attempts >= j.MaxAttempts)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, JobState.Failed)
                .SetProperty(j => j.Error, j => (j.Error ?? "") + " lease expired on the last attempt (worker stopped or crashed)")
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.CompletedAt, now), ct);
    }

    private IQueryable<Job> Owned(Guid id, string owner) =>
        db.Jobs.Where(j => j.Id == id && j.State == JobState.Running && j.LeaseOwner == owner);
}
