using Compliance.Engine.Claims;

namespace Compliance.Engine.Matching;

/// <summary>Both sides of a finding: what the documents say and what the capture shows.</summary>
public sealed record FindingEvidence
{
    public IReadOnlyList<EvidenceQuote> Quotes { get; init; } = [];
    public IReadOnlyList<EvidenceFlow> Flows { get; init; } = [];
    /// <summary>Flows grouped into the finding but not detailed here (FlowIds still lists them all).</summary>
    public int FlowsOmitted { get; init; }
}

/// <summary>One claim sentence cited by a finding, with the document it comes from.</summary>
public sealed record EvidenceQuote
{
    public required string ClaimId { get; init; }
    public required string Sentence { get; init; }
    public required TextSpan Span { get; init; }
    public string? Section { get; init; }
    public string? DocumentTitle { get; init; }
    public required DocumentKind DocumentKind { get; init; }
}

/// <summary>One flow cited by a finding: where it went and the data that shows the practice.</summary>
public sealed record EvidenceFlow
{
    public required string FlowId { get; init; }
    public string? Capture { get; init; }
    public required int EntryIndex { get; init; }
    public required string Host { get; init; }
    public string? Organization { get; init; }
    public string? HostingOrganization { get; init; }
    public string? Country { get; init; }
    public IReadOnlyList<EvidenceItem> Items { get; init; } = [];
}

/// <summary>One data item of a cited flow; identifiers are masked (e.g. 5356••••6ded).</summary>
public sealed record EvidenceItem
{
    public required string Type { get; init; }
    public required string Location { get; init; }
    public required string Value { get; init; }
    public bool Hashed { get; init; }
    /// <summary>Why the item is cited: "observed" (the finding's data type) or "identifier" (what makes it identifiable).</summary>
    public required string Role { get; init; }
}
