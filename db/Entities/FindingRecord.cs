namespace Compliance.Db.Entities;

/// <summary>A stored finding of an assessment; the full finding is engine JSON.</summary>
public sealed class FindingRecord
{
    public long Id { get; set; }
    public Guid AssessmentId { get; set; }
    public Guid VendorId { get; set; }
    public required string FindingKey { get; set; }
    public required string Kind { get; set; }
    public required string Severity { get; set; }
    public required string DataType { get; set; }
    public required string Recipient { get; set; }
    public required string Json { get; set; }
}
