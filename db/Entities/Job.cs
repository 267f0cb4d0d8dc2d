namespace Compliance.Db.Entities;

/// <summary>A durable unit of background work, claimed by one worker at a time under a lease.</summary>
public sealed class Job
{
    public Guid Id { get; set; }
    public required string Kind { get; set; }
    public required string PayloadJson { get; set; }
    /// <summary>Same key, same job: enqueueing twice returns the first.</summary>
    public required string IdempotencyKey { get; set; }
    public JobState State { get; set; }
    public int Attempts { get; set; }
    public int MaxAttempts { get; set; } = 3;
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public double Progress { get; set; }
    public string? Error { get; set; }
    public string? ResultUrl { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}

public enum JobState
{
    Queued = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
}
