namespace Compliance.Db.Entities;

/// <summary>One write recorded for accountability: who, what, when, and the hash of the content.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Resource { get; set; }
    public string? ContentHash { get; set; }
}
