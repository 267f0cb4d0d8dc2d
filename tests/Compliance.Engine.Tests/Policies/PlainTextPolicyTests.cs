using Compliance.Engine.Policies;

namespace Compliance.Engine.Tests.Policies;

public sealed class PlainTextPolicyTests
{
    private static readonly ParsedPolicy s_policy = PolicyAssert.ParseSample("quillmail-privacy.txt");

    [Fact]
    public void IsDetectedAsText() => Assert.Equal(PolicyFormat.Text, s_policy.Format);

    [Fact]
    public void UnderlinedCapitalisedNumberedAndShortLinesBecomeHeadings() =>
        Assert.Equal(["QUILLMAIL PRIVACY NOTICE", "1. What We Collect", "Contacts", "2. SHARING", "How Long We Keep It"],
            s_policy.Sections.Select(s => s.Heading));

    [Fact]
    public void UnderlinedTitleIsTheTopLevel()
    {
        Assert.Equal("QUILLMAIL PRIVACY NOTICE", s_policy.Title);
        Assert.Equal(1, s_policy.Sections[0].Level);
        Assert.All(s_policy.Sections.Skip(1), s => Assert.Equal(2, s.Level));
    }

    [Fact]
    public void DateLineIsNotAHeading() =>
        Assert.Equal("QUILLMAIL PRIVACY NOTICE", PolicyAssert.SentenceStarting(s_policy, "Effective 1 May 2025").Section);

    [Fact]
    public void WrappedLinesAreJoinedIntoSentences() =>
        Assert.Equal("If you allow access to your address book, the app reads your contacts on your device to suggest recipients.",
            PolicyAssert.SentenceStarting(s_policy, "If you allow access").Text);

    [Fact]
    public void ListItemsKeepTheirLeadIn() =>
        Assert.Equal("When you create an account, we collect: your name and e-mail address; your phone number, if you turn on two-step sign-in; a random account ID that we assign to you.",
            PolicyAssert.SentenceStarting(s_policy, "When you create an account").Text);

    [Fact]
    public void AbbreviationsDoNotSplitSentences() =>
        Assert.Equal("Our servers are hosted by Hostwell Inc. in the U.S. and the EU.",
            PolicyAssert.SentenceStarting(s_policy, "Our servers are hosted").Text);

    [Fact]
    public void SpansQuoteTheStoredText() => PolicyAssert.SpansQuoteStoredText(s_policy);

    [Fact]
    public void SectionOfASentenceIsItsNearestHeadingWithoutNumber() =>
        Assert.Equal("SHARING", PolicyAssert.SentenceStarting(s_policy, "We never sell").Section);
}

public sealed class PlainTextLayoutTests
{
    private static ParsedPolicy Parse(string text) => PolicyParser.Parse(System.Text.Encoding.UTF8.GetBytes(text), "policy.txt");

    [Fact]
    public void HeadingDirectlyAboveItsParagraphIsRecognised()
    {
        var policy = Parse("Information We Collect\nWe collect your name and e-mail address when you sign up for\nan account.\n");
        Assert.Equal("Information We Collect", Assert.Single(policy.Sections).Heading);
        Assert.Equal("Information We Collect", Assert.Single(policy.Sentences).Section);
    }

    [Fact]
    public void WrappedSentenceIsNotMistakenForAHeading()
    {
        var policy = Parse("We share data with\nGoogle and Facebook.\n");
        Assert.Empty(policy.Sections);
        Assert.Equal("We share data with Google and Facebook.", Assert.Single(policy.Sentences).Text);
    }

    [Fact]
    public void ListOfWholeSentencesStaysSeparateFromItsLeadIn()
    {
        var policy = Parse("In short:\n* We sync your history only when Sync is on.\n* We do not sell your data.\n");
        Assert.Equal(["In short:", "We sync your history only when Sync is on.", "We do not sell your data."], policy.Sentences.Select(s => s.Text));
    }

    [Fact]
    public void ListOfFragmentsJoinsItsLeadIn()
    {
        var policy = Parse("We share data with:\n* Google, for analytics.\n* Stripe, for payments.\n");
        Assert.Equal("We share data with: Google, for analytics; Stripe, for payments.", Assert.Single(policy.Sentences).Text);
    }
}
