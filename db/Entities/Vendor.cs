namespace Compliance.Db.Entities;

/// <summary>A company whose statements and traffic are assessed.</summary>
public sealed class Vendor
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Registrable domains the vendor declares as its own (first party).</summary>
    public List<string> Domains { get; set; } = [];
    public List<string> Aliases { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
