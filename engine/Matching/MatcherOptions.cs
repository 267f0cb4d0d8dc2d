namespace Compliance.Engine.Matching;

/// <summary>Settings of the matcher; the defaults follow the labelling rules of the dev cases.</summary>
public sealed record MatcherOptions
{
    public static MatcherOptions Default { get; } = new();

    /// <summary>Data items the detector is less sure of than this are ignored.</summary>
    public double MinItemConfidence { get; init; } = 0.5;

    /// <summary>Claims the extractor is less sure of than this are ignored (0 keeps every claim).</summary>
    public double MinClaimConfidence { get; init; }

    /// <summary>
    /// Data types that single out a device or person for good (their subtrees included). cookie-id is left out
    /// by default: CONTRACT.md lists device-id, advertising-id, account-id, email and phone only.
    /// </summary>
    public IReadOnlyList<string> PersistentIdentifierTypes { get; init; } =
        ["device-id", "advertising-id", "account-id", "email-address", "phone-number"];

    /// <summary>Types whose shared values link flows into one client session (cookie and identifier values).</summary>
    public IReadOnlyList<string> SessionLinkTypes { get; init; } = ["identifiers", "email-address", "phone-number"];

    /// <summary>At most this many flows are detailed in a finding's evidence.</summary>
    public int MaxEvidenceFlows { get; init; } = 25;

    /// <summary>Longer values (URLs, payload fragments) are cut in evidence and explanations.</summary>
    public int MaxEvidenceValueLength { get; init; } = 160;
}
