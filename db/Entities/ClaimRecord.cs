namespace Compliance.Db.Entities;

/// <summary>A stored claim of a policy version; the full claim is engine JSON.</summary>
public sealed class ClaimRecord
{
    public long Id { get; set; }
    public Guid PolicyVersionId { get; set; }
    public required string ClaimKey { get; set; }
    public int Ordinal { get; set; }
    public required string Action { get; set; }
    public required string Polarity { get; set; }
    public required string Json { get; set; }
}
