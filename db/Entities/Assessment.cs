namespace Compliance.Db.Entities;

/// <summary>Policy versions × traffic reports of one vendor, checked against each other.</summary>
public sealed class Assessment
{
    public Guid Id { get; set; }
    public Guid VendorId { get; set; }
    public List<Guid> PolicyVersionIds { get; set; } = [];
    public List<Guid> TrafficReportIds { get; set; } = [];
    /// <summary>Hash of the inputs; the same inputs give the same assessment (idempotent).</summary>
    public required string InputHash { get; set; }
    /// <summary>queued, running, done or failed.</summary>
    public string State { get; set; } = "queued";
    public string? ResultJson { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
