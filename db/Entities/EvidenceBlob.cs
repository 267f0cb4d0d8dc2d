namespace Compliance.Db.Entities;

/// <summary>An uploaded file, stored once by the SHA-256 of its bytes and never modified.</summary>
public sealed class EvidenceBlob
{
    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>; the primary key.</summary>
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
    public long Size { get; set; }
    public string? MediaType { get; set; }
    public string? FileName { get; set; }
    public DateTimeOffset StoredAt { get; set; }
}
