namespace Compliance.Db.Entities;

/// <summary>An uploaded capture (HAR) or observation report with the context it was taken in.</summary>
public sealed class TrafficReport
{
    public Guid Id { get; set; }
    public Guid VendorId { get; set; }
    public required string Sha256 { get; set; }
    /// <summary>har or observation-report.</summary>
    public required string Format { get; set; }
    public string? Name { get; set; }
    public string? ContextJson { get; set; }
    /// <summary>pending, done or failed.</summary>
    public string AnalysisState { get; set; } = "pending";
    public string? AnalysisError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
