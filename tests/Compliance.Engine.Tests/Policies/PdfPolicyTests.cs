using Compliance.Engine.Policies;

namespace Compliance.Engine.Tests.Policies;

public sealed class PdfPolicyTests
{
    private static readonly ParsedPolicy s_policy = PolicyParser.Parse(TestPdfs.TwoPagePolicy(), "policy.pdf");

    [Fact]
    public void IsDetectedAsPdfByContentWhateverTheName() =>
        Assert.Equal(PolicyFormat.Pdf, PolicyParser.Parse(TestPdfs.TwoPagePolicy(), "policy.txt").Format);

    [Fact]
    public void LargerLinesBecomeSections()
    {
        Assert.Equal(["Ferrowave Privacy Policy", "1. Data we collect", "2. Sharing"], s_policy.Sections.Select(s => s.Heading));
        Assert.Equal("Ferrowave Privacy Policy > Sharing", s_policy.Sections[2].Path);
    }

    [Fact]
    public void RunningHeaderAndPageNumbersAreRemoved()
    {
        Assert.DoesNotContain("Confidential", s_policy.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Page 1", s_policy.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void LineEndHyphenationIsUndoneButRealHyphensStay()
    {
        Assert.Equal("We use this information to fix errors and to improve the app.",
            PolicyAssert.SentenceStarting(s_policy, "We use this").Text);
        Assert.Equal("We share listening statistics with third-party radio networks only in aggregated form.",
            PolicyAssert.SentenceStarting(s_policy, "We share listening").Text);
    }

    [Fact]
    public void SentencesContinueAcrossLines() =>
        Assert.Equal("Ferrowave Ltd. makes the Ferrowave radio app.", s_policy.Sentences[0].Text);

    [Fact]
    public void SpansQuoteTheStoredText() => PolicyAssert.SpansQuoteStoredText(s_policy);
}

public sealed class PdfColumnTests
{
    [Fact]
    public void ColumnsAreReadOneAfterTheOther()
    {
        var policy = PolicyParser.Parse(TestPdfs.TwoColumns(), "columns.pdf");
        Assert.Equal(
            [
                "We collect your name and your e-mail address when you sign up.",
                "We keep them while your account is open.",
                "We share crash reports with our error tracking provider.",
                "We never share your messages with anyone.",
            ],
            policy.Sentences.Select(s => s.Text));
    }
}
