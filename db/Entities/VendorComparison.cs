namespace Compliance.Db.Entities;

/// <summary>A comparison of several vendors, computed by a job from their latest documents and captures.</summary>
public sealed class VendorComparison
{
    public Guid Id { get; set; }
    public List<Guid> VendorIds { get; set; } = [];
    /// <summary>queued, running, done or failed.</summary>
    public string State { get; set; } = "queued";
    /// <summary>The engine's ComparisonResult as JSON, once done.</summary>
    public string? ResultJson { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
