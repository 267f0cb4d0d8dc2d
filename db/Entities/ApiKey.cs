namespace Compliance.Db.Entities;

/// <summary>An API key, kept only as a salted hash; the key itself is shown once at creation.</summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    /// <summary>reader, analyst or admin.</summary>
    public required string Role { get; set; }
    /// <summary>The first characters of the key, to find the row without scanning every hash.</summary>
    public required string Prefix { get; set; }
    public required byte[] Salt { get; set; }
    public required byte[] Hash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
