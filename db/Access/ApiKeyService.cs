using System.Security.Cryptography;
using System.Text;
using Compliance.Db.Entities;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Db.Access;

/// <summary>Creates and verifies API keys. A key is shown once; only its salted hash is stored.</summary>
public sealed class ApiKeyService(ComplianceDbContext db, TimeProvider clock)
{
    public static readonly string[] Roles = ["reader", "analyst", "admin"];
    private const string KeyPrefix = "cck_";
    private const int LookupLength = 12;

    /// <summary>Creates a key of <paramref name="role"/>; returns the row and the key, which is never retrievable again.</summary>
    public async Task<(ApiKey Row, string Key)> CreateAsync(string role, string name, string? presetKey = null, CancellationToken ct = default)
    {
        if (!Roles.Contains(role))
            throw new ArgumentException($"Unknown role '{role}'; use reader, analyst or admin.", nameof(role));
        var key = presetKey ?? KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        if (key.Length < 24)
            throw new ArgumentException("An API key needs at least 24 characters.", nameof(presetKey));
        var salt = RandomNumberGenerator.GetBytes(16);
        var row = new ApiKey
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            Role = role,
            Prefix = key[..LookupLength],
            Salt = salt,
            Hash = Hash(salt, key),
            CreatedAt = clock.GetUtcNow(),
        };
        db.ApiKeys.Add(row);
        await db.SaveChangesAsync(ct);
        return (row, key);
    }

    /// <summary>The active key matching <paramref name="key"/>, or null.</summary>
    public async Task<ApiKey?> VerifyAsync(string key, CancellationToken ct = default)
    {
        if (key.Length < 24 || key.Length > 200)
            return null;
        var prefix = key[..LookupLength];
        var candidates = await db.ApiKeys.AsNoTracking().Where(k => k.Prefix == prefix && k.RevokedAt == null).ToListAsync(ct);
        return candidates.FirstOrDefault(k => CryptographicOperations.FixedTimeEquals(k.Hash, Hash(k.Salt, key)));
    }

    public Task<bool> AnyAsync(CancellationToken ct = default) => db.ApiKeys.AnyAsync(ct);

    // Keys carry 256 bits of randomness, so a salted HMAC is enough; a slow KDF would only slow every request.
    private static byte[] Hash(byte[] salt, string key) => HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(key));
}
