namespace Compliance.Db.Entities;

/// <summary>One version of one vendor document (policy, public statement, help page).</summary>
public sealed class PolicyVersion
{
    public Guid Id { get; set; }
    public Guid VendorId { get; set; }
    public required string Sha256 { get; set; }
    /// <summary>text, html, markdown or pdf.</summary>
    public required string Format { get; set; }
    /// <summary>privacy-policy, public-statement, help-page or other.</summary>
    public required string DocumentKind { get; set; }
    public string? Title { get; set; }
    public string? SourceUrl { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public DateTimeOffset RetrievedAt { get; set; }
    public Guid? SupersedesId { get; set; }
    public required string NormalisedText { get; set; }
    /// <summary>Sections and sentences with spans, as engine JSON.</summary>
    public required string StructureJson { get; set; }
    /// <summary>pending, done or failed.</summary>
    public string ExtractionState { get; set; } = "pending";
    public DateTimeOffset CreatedAt { get; set; }
}
