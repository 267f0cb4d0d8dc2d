using Compliance.Engine.Policies;

namespace Compliance.Engine.Tests.Policies;

public sealed class MarkdownPolicyTests
{
    private static readonly ParsedPolicy s_policy = PolicyAssert.ParseSample("quillmail-privacy.md");

    [Fact]
    public void IsDetectedAsMarkdown() => Assert.Equal(PolicyFormat.Markdown, s_policy.Format);

    [Fact]
    public void HeadingsBecomeSections()
    {
        Assert.Equal(["Quillmail Privacy Notice", "1. What we collect", "1.1 Contacts", "2. Who we share it with", "3. How long we keep it"],
            s_policy.Sections.Select(s => s.Heading));
        Assert.Equal("Quillmail Privacy Notice > What we collect > Contacts", s_policy.Sections[2].Path);
    }

    [Fact]
    public void FrontMatterAndLinkTargetsAreNotText()
    {
        Assert.DoesNotContain("updated:", s_policy.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", s_policy.Text, StringComparison.Ordinal);
        Assert.Contains("Read the full terms too.", s_policy.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ListItemsKeepTheirLeadIn()
    {
        var sentence = PolicyAssert.SentenceStarting(s_policy, "When you create an account, we collect:");
        Assert.EndsWith("your phone number, if you turn on two-step sign-in; a random account ID that we assign to you.", sentence.Text, StringComparison.Ordinal);
        Assert.Equal("What we collect", sentence.Section);
    }

    [Fact]
    public void PipeTableRowsBecomeLabelledLines() =>
        Assert.Equal("Recipient: Sendbird; Data: E-mail address; Purpose: Delivering service e-mails.",
            PolicyAssert.SentenceStarting(s_policy, "Recipient: Sendbird").Text);

    [Fact]
    public void QuotedParagraphsAreKept() =>
        Assert.Equal("Who we share it with", PolicyAssert.SentenceStarting(s_policy, "We never sell your personal information").Section);

    [Fact]
    public void SpansQuoteTheStoredText() => PolicyAssert.SpansQuoteStoredText(s_policy);
}

public sealed class MarkdownHtmlBlockTests
{
    [Fact]
    public void RawHtmlBlocksAreReadAsPolicyText()
    {
        var markdown = "# Privacy\n\n<div class=\"notice\">\n<p>We never sell your data.</p>\n</div>\n\n<script>track()</script>\n\nWe keep logs for 7 days.\n"u8;
        var policy = PolicyParser.Parse(markdown, "policy.md");
        Assert.Equal(["We never sell your data.", "We keep logs for 7 days."], policy.Sentences.Select(s => s.Text));
    }
}
