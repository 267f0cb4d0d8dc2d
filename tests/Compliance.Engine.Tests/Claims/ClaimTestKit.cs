using Compliance.Engine.Claims;
using Compliance.Engine.Policies;

namespace Compliance.Engine.Tests.Claims;

/// <summary>Feeds sentences straight to an extractor, as the policy parser would hand them over.</summary>
public static class ClaimTestKit
{
    public static IReadOnlyList<Claim> Read(this ClaimExtractor extractor, params string[] sentences)
    {
        var list = new List<PolicySentence>();
        var offset = 0;
        foreach (var text in sentences)
        {
            list.Add(new PolicySentence(text, new TextSpan(offset, offset + text.Length), "Test"));
            offset += text.Length + 1;
        }
        return extractor.Extract(list, DocumentRef.Default);
    }

    public static Claim Single(this IReadOnlyList<Claim> claims, string action, Polarity polarity) =>
        Assert.Single(claims, c => c.Action == action && c.Polarity == polarity);
}

/// <summary>One full extractor (MiniLM and the practice model loaded once) shared by the tests that need it.</summary>
public sealed class FullExtractorFixture : IDisposable
{
    public ClaimExtractor Extractor { get; } = ClaimExtractor.CreateDefault();

    public void Dispose() => Extractor.Dispose();
}
