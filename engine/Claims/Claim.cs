namespace Compliance.Engine.Claims;

/// <summary>One data practice a policy sentence states (CONTRACT.md, "Claim").</summary>
public sealed record Claim
{
    public required string Id { get; init; }
    public required string Sentence { get; init; }
    public required TextSpan Span { get; init; }
    public string? Section { get; init; }
    /// <summary>An ontology action: collect, use, share, sell, sync, store, retain, transfer-abroad.</summary>
    public required string Action { get; init; }
    public required Polarity Polarity { get; init; }
    public IReadOnlyList<string> DataTypes { get; init; } = [];
    public IReadOnlyList<string> Recipients { get; init; } = [];
    public IReadOnlyList<string> Conditions { get; init; } = [];
    public IReadOnlyList<string> Qualifiers { get; init; } = [];
    public IReadOnlyList<string> Purposes { get; init; } = [];
    public IReadOnlyList<string> Regions { get; init; } = [];
    public DocumentRef Document { get; init; } = DocumentRef.Default;
    public double Confidence { get; init; }
}

/// <summary>A half-open character range [Start, End) into a document version's normalised text.</summary>
public sealed record TextSpan(int Start, int End)
{
    public int Length => End - Start;
}

public enum Polarity
{
    Affirmative,
    Negative,
}

public enum DocumentKind
{
    PrivacyPolicy,
    PublicStatement,
    HelpPage,
    Other,
}

/// <summary>Which document a claim was read from.</summary>
public sealed record DocumentRef
{
    public static DocumentRef Default { get; } = new() { Kind = DocumentKind.PrivacyPolicy };

    public required DocumentKind Kind { get; init; }
    public string? Title { get; init; }
    public string? SourceUrl { get; init; }
    public DateOnly? PublishedOn { get; init; }
    /// <summary>The stored policy version the claim belongs to, when there is one.</summary>
    public string? VersionId { get; init; }
}
