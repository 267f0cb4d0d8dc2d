using System.Security.Cryptography;
using Compliance.Db.Entities;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Db.Evidence;

/// <summary>Stores uploaded bytes once, addressed by their SHA-256; stored bytes are never modified.</summary>
public sealed class EvidenceStore(ComplianceDbContext db, TimeProvider clock)
{
    public static string Hash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>
    /// Adds the bytes to the current unit of work when they are new, so they are saved in the same
    /// transaction as the record that points at them: an upload is stored whole or not at all.
    /// </summary>
    public async Task<string> StageAsync(byte[] content, string? mediaType, string? fileName, CancellationToken ct)
    {
        var sha = Hash(content);
        if (db.Evidence.Local.Any(e => e.Sha256 == sha) || await db.Evidence.AnyAsync(e => e.Sha256 == sha, ct))
            return sha;
        db.Evidence.Add(new EvidenceBlob
        {
            Sha256 = sha,
            Content = content,
            Size = content.LongLength,
            MediaType = mediaType,
            FileName = fileName is { Length: > 400 } ? fileName[..400] : fileName,
            StoredAt = clock.GetUtcNow(),
        });
        return sha;
    }

    public async Task<byte[]> GetAsync(string sha256, CancellationToken ct) =>
        await db.Evidence.AsNoTracking().Where(e => e.Sha256 == sha256).Select(e => e.Content).FirstOrDefaultAsync(ct)
        ?? throw new InvalidOperationException($"Evidence {sha256} is missing.");
}
