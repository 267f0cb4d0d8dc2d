namespace Compliance.Engine.Reports;

/// <summary>What a report shows beside the check result: the documents' texts (for quotes in context) and when it was made.</summary>
public sealed record ReportSources
{
    /// <summary>Normalised text of each document, keyed by the document title the claims carry.</summary>
    public IReadOnlyDictionary<string, string> DocumentTexts { get; init; } = new Dictionary<string, string>();
    /// <summary>Shown in the header; the caller passes it so the same inputs render the same bytes.</summary>
    public DateTimeOffset? GeneratedAt { get; init; }
    public string? Title { get; init; }
}
