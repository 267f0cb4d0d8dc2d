using System.Diagnostics;
using System.Text;
using Compliance.Engine.Policies;
using CsCheck;

namespace Compliance.Engine.Tests.Policies;

/// <summary>Unusable files are refused with a one-line PolicyFormatException, never another exception.</summary>
public sealed class PolicyFormatErrorTests
{
    [Fact]
    public void EncryptedPdfIsRefused() =>
        Assert.Contains("encrypted", Refuse(TestPdfs.Encrypted(), "policy.pdf"), StringComparison.Ordinal);

    [Fact]
    public void PdfWithABlankPageIsRefused() =>
        Assert.Contains("no extractable text", Refuse(TestPdfs.BlankPage(), "policy.pdf"), StringComparison.Ordinal);

    [Fact]
    public void ImageOnlyPdfIsRefusedAsAScan() =>
        Assert.Contains("only images", Refuse(TestPdfs.ImageOnly(), "policy.pdf"), StringComparison.Ordinal);

    [Fact]
    public void PdfPageWithMoreGlyphsThanTheLimitIsRefused()
    {
        var e = Assert.Throws<PolicyFormatException>(() =>
            PolicyParser.Parse(TestPdfs.TwoPagePolicy(), "policy.pdf", new PolicyParserOptions { MaxPdfLettersPerPage = 50 }));
        Assert.StartsWith("Page 1 of the PDF has ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PdfThatTakesLongerThanItsTimeIsRefusedNamingThePage()
    {
        var e = Assert.Throws<PolicyFormatException>(() =>
            PolicyParser.Parse(TestPdfs.TwoPagePolicy(), "policy.pdf", new PolicyParserOptions { MaxPdfTime = TimeSpan.Zero }));
        Assert.Equal("The PDF took longer than 0 s to read (stopped at page 1 of 2).", e.Message);
    }

    [Fact]
    public void TruncatedPdfIsRefused()
    {
        var pdf = TestPdfs.TwoPagePolicy();
        Refuse(pdf[..(pdf.Length / 3)], "policy.pdf");
    }

    [Fact]
    public void PdfHeaderFollowedByGarbageIsRefused()
    {
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);
        Refuse([.. "%PDF-1.7\n"u8, .. garbage], "policy.pdf");
    }

    [Fact]
    public void FiftyMegabyteHtmlIsRefusedBeforeParsing()
    {
        var page = new StringBuilder("<html><body>");
        while (page.Length < 50 * 1024 * 1024)
            page.Append("<p>We collect your e-mail address to send you receipts.</p>\n");
        var bytes = Encoding.UTF8.GetBytes(page.Append("</body></html>").ToString());
        var clock = Stopwatch.StartNew();
        var message = Refuse(bytes, "policy.html");
        Assert.True(clock.ElapsedMilliseconds < 1000, $"took {clock.ElapsedMilliseconds} ms");
        Assert.Contains("limit", message, StringComparison.Ordinal);
    }

    [Fact]
    public void SizeLimitCanBeLowered()
    {
        var options = new PolicyParserOptions { MaxBytes = 10 };
        Assert.Throws<PolicyFormatException>(() => PolicyParser.Parse("We collect data. We share it."u8, "p.txt", options));
    }

    [Fact]
    public void BinaryFileRenamedToTxtIsRefused()
    {
        var bytes = new byte[20_000];
        new Random(11).NextBytes(bytes);
        Assert.Contains("binary", Refuse(bytes, "policy.txt"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 }, "PNG")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 20, 0, 6, 0 }, "ZIP")]
    [InlineData(new byte[] { 0x1F, 0x8B, 8, 0, 0, 0, 0, 0 }, "gzip")]
    public void KnownBinaryFormatsAreNamed(byte[] bytes, string name) =>
        Assert.Contains(name, Refuse(bytes, "policy.txt"), StringComparison.Ordinal);

    [Fact]
    public void TextWithNulBytesIsRefused() =>
        Refuse("We collect\0\0\0 data.\0\0"u8.ToArray(), "policy.txt");

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n\t  ")]
    public void EmptyFileIsRefused(string content) =>
        Assert.Contains("empty", Refuse(Encoding.UTF8.GetBytes(content), "policy.txt"), StringComparison.Ordinal);

    [Fact]
    public void HtmlThatIsAllFurnitureIsRefused() =>
        Assert.Contains("no policy text", Refuse("<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>"u8.ToArray(), "p.html"), StringComparison.Ordinal);

    [Fact]
    public void DeeplyNestedHtmlIsRefusedOrReadWithoutCrashing()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 5000)) + "We collect data." + string.Concat(Enumerable.Repeat("</div>", 5000));
        Refuse(Encoding.UTF8.GetBytes(html), "deep.html");
    }

    [Fact]
    public void RandomBytesNeverThrowAnythingElse() =>
        Gen.Byte.Array[0, 3000].Sample(bytes =>
        {
            try
            {
                PolicyParser.Parse(bytes, "random.txt");
            }
            catch (PolicyFormatException)
            {
            }
        }, iter: 300);

    [Fact]
    public void RandomTextEitherParsesWithExactSpansOrIsRefused() =>
        Gen.String[Gen.Char[' ', '~'], 0, 400].Sample(text =>
        {
            try
            {
                PolicyAssert.SpansQuoteStoredText(PolicyParser.Parse(Encoding.UTF8.GetBytes(text), "random.txt"));
            }
            catch (PolicyFormatException)
            {
            }
        }, iter: 300);

    private static string Refuse(byte[] content, string fileName)
    {
        var e = Assert.Throws<PolicyFormatException>(() => PolicyParser.Parse(content, fileName));
        Assert.DoesNotContain('\n', e.Message);
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
        return e.Message;
    }
}

public sealed class PolicyScaleTests
{
    [Fact]
    public void HugeParagraphFullOfParenthesesIsSegmentedInLinearTime()
    {
        var text = new StringBuilder();
        while (text.Length < 2_000_000)
            text.Append("We keep logs (for security (and audits)). Logs are deleted (after 30 days). ");
        var clock = Stopwatch.StartNew();
        var policy = PolicyParser.Parse(Encoding.UTF8.GetBytes(text.ToString()), "big.txt");
        Assert.True(clock.ElapsedMilliseconds < 10_000, $"took {clock.ElapsedMilliseconds} ms");
        Assert.Equal("We keep logs (for security (and audits)).", policy.Sentences[0].Text);
        Assert.True(policy.Sentences.Count > 40_000);
    }
}

/// <summary>Pathologically nested input is refused quickly instead of overflowing the stack or running for minutes.</summary>
public sealed class PathologicalNestingTests
{
    public static TheoryData<string, string> Inputs() => new()
    {
        { "policy.md", "# T\n\n" + new string('>', 50_000) + " We collect data.\n" },
        { "policy.md", "# T\n\n" + string.Concat(Enumerable.Range(0, 400).Select(i => new string(' ', i * 2) + "- item\n")) },
        { "policy.md", "# T\n\n" + new string('*', 100_000) + "We" + new string('*', 100_000) + "\n" },
        { "policy.md", "# T\n\n" + new string('[', 100_000) + "We collect data." + new string(']', 100_000) + "\n" },
        { "policy.html", "<html><body><p>" + string.Concat(Enumerable.Repeat("<span>", 20_000)) + "We collect data.</p></body></html>" },
        { "policy.html", "<html><body>" + string.Concat(Enumerable.Repeat("<ul><li>", 2_000)) + "We collect data.</body></html>" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void DeepNestingIsRefused(string fileName, string content)
    {
        var clock = Stopwatch.StartNew();
        Assert.Throws<PolicyFormatException>(() => PolicyParser.Parse(Encoding.UTF8.GetBytes(content), fileName));
        Assert.True(clock.ElapsedMilliseconds < 15_000, $"took {clock.ElapsedMilliseconds} ms");
    }
}
