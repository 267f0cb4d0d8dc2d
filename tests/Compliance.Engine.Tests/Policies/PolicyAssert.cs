using Compliance.Engine.Policies;

namespace Compliance.Engine.Tests.Policies;

internal static class PolicyAssert
{
    /// <summary>Every sentence span quotes its sentence exactly, and every section span starts with its heading.</summary>
    public static void SpansQuoteStoredText(ParsedPolicy policy)
    {
        foreach (var sentence in policy.Sentences)
            Assert.Equal(sentence.Text, policy.Text[sentence.Span.Start..sentence.Span.End]);
        foreach (var section in policy.Sections)
            Assert.StartsWith(section.Heading, policy.Text[section.Span.Start..section.Span.End], StringComparison.Ordinal);
    }

    public static PolicySentence SentenceStarting(ParsedPolicy policy, string start) =>
        Assert.Single(policy.Sentences, s => s.Text.StartsWith(start, StringComparison.Ordinal));

    public static ParsedPolicy ParseSample(string fileName) =>
        PolicyParser.Parse(File.ReadAllBytes(Path.Combine(SharedData.RepoRoot, "samples", "policies", fileName)), fileName);
}
