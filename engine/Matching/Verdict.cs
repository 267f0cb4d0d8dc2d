using Compliance.Engine.Claims;
using Compliance.Engine.Traffic;

namespace Compliance.Engine.Matching;

/// <summary>One data type seen in one flow: every usable item of that type, merged.</summary>
internal sealed record ObservedItem(int FlowIndex, Flow Flow, string Type, IReadOnlyList<DataItem> Items)
{
    public double Confidence => Items.Max(i => i.Confidence);
    /// <summary>True when every value of the type was sent hashed.</summary>
    public bool Hashed => Items.All(i => i.Hashed);
    public string Recipient => Flow.Destination.Recipient;
}

/// <summary>One kind of verdict on one observed item, before findings group them.</summary>
internal sealed record Verdict(FindingKind Kind, ObservedItem Item, IReadOnlyList<Claim> Claims, double Confidence)
{
    public IReadOnlyList<ContextFact> FalseFacts { get; init; } = [];
    public IReadOnlyList<string> MissingContext { get; init; } = [];
    public IReadOnlyList<LinkedIdentifier> Identifiers { get; init; } = [];
    /// <summary>Set on a cross-border recipient-mismatch: the regions the claims name.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];
}
