using Compliance.Engine.Policies;

namespace Compliance.Engine.Tests.Policies;

public sealed class HtmlPolicyTests
{
    private static readonly ParsedPolicy s_policy = PolicyAssert.ParseSample("quillmail-privacy.html");

    [Fact]
    public void IsDetectedAsHtml() => Assert.Equal(PolicyFormat.Html, s_policy.Format);

    [Fact]
    public void HeadingsBecomeNestedSections()
    {
        Assert.Equal("Quillmail Privacy Notice", s_policy.Title);
        var contacts = Assert.Single(s_policy.Sections, s => s.Heading == "1.1 Contacts");
        Assert.Equal(3, contacts.Level);
        Assert.Equal("Quillmail Privacy Notice > What we collect > Contacts", contacts.Path);
        Assert.Equal("Contacts", PolicyAssert.SentenceStarting(s_policy, "Contacts are never uploaded").Section);
    }

    [Theory]
    [InlineData("Skip to main content")]
    [InlineData("This website uses cookies")]
    [InlineData("Allow cookies")]
    [InlineData("Pricing")]
    [InlineData("Legal")]
    [InlineData("newsletter")]
    [InlineData("All rights reserved")]
    [InlineData("Terms of service")]
    [InlineData("dataLayer")]
    [InlineData("enable JavaScript")]
    [InlineData("Template text")]
    [InlineData("Internal review copy")]
    [InlineData("icon")]
    public void BoilerplateIsGone(string boilerplate) =>
        Assert.DoesNotContain(boilerplate, s_policy.Text, StringComparison.Ordinal);

    [Fact]
    public void TableOfContentsIsDroppedButTheSectionsStay()
    {
        var occurrences = s_policy.Text.Split("Cookies on our website").Length - 1;
        Assert.Equal(1, occurrences);
    }

    [Fact]
    public void PolicySectionAboutCookiesIsNotMistakenForACookieBanner()
    {
        var sentence = PolicyAssert.SentenceStarting(s_policy, "Our website uses one cookie");
        Assert.Equal("Cookies on our website", sentence.Section);
    }

    [Fact]
    public void ListItemsKeepTheirLeadIn()
    {
        var sentence = PolicyAssert.SentenceStarting(s_policy, "When you create an account, we collect:");
        Assert.Equal(
            "When you create an account, we collect: your name and e-mail address; your phone number, if you turn on two-step sign-in; a random account ID that we assign to you.",
            sentence.Text);
    }

    [Fact]
    public void NestedListItemsStayWithTheirParentItem()
    {
        var sentence = PolicyAssert.SentenceStarting(s_policy, "Each report contains:");
        Assert.Contains("Device details: device model; operating-system version; the stack trace of the error", sentence.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TableRowsBecomeLabelledLines()
    {
        var row = PolicyAssert.SentenceStarting(s_policy, "Recipient: Hostwell Inc.");
        Assert.Equal("Recipient: Hostwell Inc.; Data: All account data; Purpose: Hosting in the U.S. and the EU.", row.Text);
    }

    [Fact]
    public void TypographyIsNormalised()
    {
        Assert.Contains("Quillmail Ltd. (\"Quillmail\", \"we\") runs", s_policy.Text, StringComparison.Ordinal);
        Assert.Contains("your information - and what we don't.", s_policy.Text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u00A0', s_policy.Text);
    }

    [Fact]
    public void SpansQuoteTheStoredText() => PolicyAssert.SpansQuoteStoredText(s_policy);

    [Fact]
    public void InlineBulletsAreReadAsAListWithItsLeadIn()
    {
        var html = "<html><body><h2>Data</h2><p>We collect: \u2022 your IMEI \u2022 your email</p></body></html>"u8;
        var policy = PolicyParser.Parse(html);
        Assert.Equal("We collect: your IMEI; your email.", Assert.Single(policy.Sentences).Text);
    }

    [Fact]
    public void ItemsThatAreWholeSentencesStaySeparate()
    {
        var html = "<html><body><p>Our commitments:</p><ul><li>We never sell data. We never will.</li><li>We encrypt backups.</li></ul></body></html>"u8;
        var texts = PolicyParser.Parse(html).Sentences.Select(s => s.Text).ToList();
        Assert.Equal(["Our commitments:", "We never sell data.", "We never will.", "We encrypt backups."], texts);
    }

    [Fact]
    public void MainElementIsPreferredOverSiteFurnitureWithoutNames()
    {
        var html = "<html><body><div><a href='/'>Shop</a> <a href='/help'>Help</a></div><main><h1>Privacy</h1><p>We collect your e-mail address.</p></main><div>Follow us on social media</div></body></html>"u8;
        var policy = PolicyParser.Parse(html);
        Assert.Equal("We collect your e-mail address.", Assert.Single(policy.Sentences).Text);
    }
}

public sealed class ListLeadInTests
{
    [Theory]
    [InlineData("<p>We collect the following information</p><ul><li>your name</li><li>your address</li></ul>",
        "We collect the following information: your name; your address.")]
    [InlineData("<p>We share your e-mail address with</p><ul><li>our mail provider,</li><li>our auditors.</li></ul>",
        "We share your e-mail address with our mail provider; our auditors.")]
    [InlineData("<p>You have the right to:</p><ol><li>access your data;</li><li>have it erased; and</li><li>object.</li></ol>",
        "You have the right to: access your data; have it erased; object.")]
    public void ListJoinsTheParagraphThatIntroducesIt(string html, string expected) =>
        Assert.Equal(expected, Assert.Single(PolicyParser.Parse(System.Text.Encoding.UTF8.GetBytes(html), "p.html").Sentences).Text);

    [Fact]
    public void ListAfterACompleteSentenceStandsAlone()
    {
        var html = "<p>Here is a summary.</p><ul><li>We never sell data</li><li>We encrypt backups</li></ul>"u8;
        Assert.Equal(["Here is a summary.", "We never sell data", "We encrypt backups"],
            PolicyParser.Parse(html, "p.html").Sentences.Select(s => s.Text));
    }
}

/// <summary>A page saved from a typical CMS theme: widgets, share box, entry footer, consent bar.</summary>
public sealed class CmsPageTests
{
    private static readonly ParsedPolicy s_policy = PolicyAssert.ParseSample("brightkettle-wordpress.html");

    [Theory]
    [InlineData("Skip to content")]
    [InlineData("Smart kettles for smart homes")]
    [InlineData("Share this")]
    [InlineData("Twitter")]
    [InlineData("Edit")]
    [InlineData("Recent Posts")]
    [InlineData("Proudly powered")]
    [InlineData("ACCEPT")]
    public void ThemeFurnitureIsGone(string furniture) =>
        Assert.DoesNotContain(furniture, s_policy.Text, StringComparison.Ordinal);

    [Fact]
    public void BoldParagraphIsAHeading() =>
        Assert.Equal("Who we are", PolicyAssert.SentenceStarting(s_policy, "Brightkettle Ltd. makes").Section);

    [Fact]
    public void BoldFirstRowLabelsTheTableColumns() =>
        Assert.Equal("Cookie: wp-settings; Lifetime: 1 year.", PolicyAssert.SentenceStarting(s_policy, "Cookie:").Text);

    [Fact]
    public void ListWithoutColonKeepsItsLeadIn() =>
        Assert.Equal("The app sends us the following data: the kettle's serial number; how often you boil water; your Wi-Fi network name.",
            PolicyAssert.SentenceStarting(s_policy, "The app sends").Text);

    [Fact]
    public void SpansQuoteTheStoredText() => PolicyAssert.SpansQuoteStoredText(s_policy);
}
