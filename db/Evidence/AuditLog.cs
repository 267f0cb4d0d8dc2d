using Compliance.Db.Entities;

namespace Compliance.Db.Evidence;

/// <summary>Records every write: who, what, when, and the hash of the content written.</summary>
public sealed class AuditLog(ComplianceDbContext db, TimeProvider clock)
{
    /// <summary>Adds an entry to the current unit of work; it is saved with the write it describes.</summary>
    public void Record(string actor, string action, string resource, string? contentHash = null) =>
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            Actor = actor,
            Action = action,
            Resource = resource,
            ContentHash = contentHash,
        });
}
