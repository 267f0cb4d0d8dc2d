using Compliance.Engine.Policies;

namespace Compliance.Engine.Claims;

/// <summary>Turns a parsed policy's sentences into structured claims.</summary>
public sealed class ClaimExtractor
{
    // PLACEHOLDER until the claim-extraction work lands: states no practice for any sentence.
    public static ClaimExtractor CreateDefault() => new();

    /// <summary>Claims of every sentence, in document order, with ids c-1, c-2 … (prefixed by <paramref name="idPrefix"/>).</summary>
    public IReadOnlyList<Claim> Extract(ParsedPolicy policy, DocumentRef document, string idPrefix = "c-") => [];
}
