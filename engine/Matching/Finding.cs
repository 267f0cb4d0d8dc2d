namespace Compliance.Engine.Matching;

/// <summary>A verdict on flows against the policy (CONTRACT.md, "Finding").</summary>
public sealed record Finding
{
    public required string Id { get; init; }
    public required FindingKind Kind { get; init; }
    public required Severity Severity { get; init; }
    public required string DataType { get; init; }
    public required string Recipient { get; init; }
    public IReadOnlyList<string> ClaimIds { get; init; } = [];
    public IReadOnlyList<string> FlowIds { get; init; } = [];
    public required string Explanation { get; init; }
    public double Confidence { get; init; }
    /// <summary>Context facts a tester must record to decide the verdict (e.g. "settings.sync").</summary>
    public IReadOnlyList<string> MissingContext { get; init; } = [];
    public IReadOnlyList<string> Countries { get; init; } = [];
    /// <summary>The quotes and flows behind the verdict, for reports and reviewers.</summary>
    public FindingEvidence? Evidence { get; init; }
}

public enum FindingKind
{
    Contradicted,
    ConditionViolated,
    IdentifiabilityViolated,
    RecipientMismatch,
    Undisclosed,
    Vague,
    Consistent,
    PolicyConflict,
}

public enum Severity
{
    Info,
    Low,
    Medium,
    High,
}
