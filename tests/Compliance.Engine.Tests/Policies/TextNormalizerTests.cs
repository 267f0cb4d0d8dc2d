using Compliance.Engine.Policies;

namespace Compliance.Engine.Tests.Policies;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("\u201CWe\u201D don\u2019t", "\"We\" don't")]
    [InlineData("2019\u20132020", "2019-2020")]
    [InlineData("data\u2014such as", "data - such as")]
    [InlineData("a\u00A0b\u202Fc", "a b c")]
    [InlineData("in\uFB01nite pro\uFB01le", "infinite profile")]
    [InlineData("wait\u2026", "wait...")]
    [InlineData("zero\u200Bwidth soft\u00ADhyphen", "zerowidth softhyphen")]
    [InlineData("  many \t\n spaces  ", "many spaces")]
    public void TypographyBecomesAscii(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void CombiningMarksAreComposed() =>
        Assert.Equal("caf\u00E9", TextNormalizer.Normalize("cafe\u0301"));
}

public sealed class FormatDetectionTests
{
    [Theory]
    [InlineData("<div><h2>Data</h2><p>We collect data.</p></div>", "notes.txt", PolicyFormat.Html)]
    [InlineData("<!-- saved --><!DOCTYPE html><html><body><p>We collect data.</p></body></html>", null, PolicyFormat.Html)]
    [InlineData("# Privacy\n\nWe collect data.", "policy.txt", PolicyFormat.Markdown)]
    [InlineData("Privacy\n\nWe collect data.", "policy.md", PolicyFormat.Markdown)]
    [InlineData("PRIVACY\n=======\n\nWe collect data.", "policy.txt", PolicyFormat.Text)]
    [InlineData("We collect data. We never sell it.", null, PolicyFormat.Text)]
    public void FormatComesFromTheContent(string content, string? fileName, PolicyFormat expected) =>
        Assert.Equal(expected, PolicyParser.Parse(System.Text.Encoding.UTF8.GetBytes(content), fileName).Format);

    [Fact]
    public void Utf16WithByteOrderMarkIsDecoded()
    {
        var bytes = System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes("We collect data.")).ToArray();
        Assert.Equal("We collect data.", Assert.Single(PolicyParser.Parse(bytes, "p.txt").Sentences).Text);
    }

    [Fact]
    public void Windows1252TextIsDecoded()
    {
        // 0xE9 is e-acute and 0x93/0x94 are curly quotes in Windows-1252; none of them is valid UTF-8 here.
        byte[] bytes = [.. "We collect your caf"u8, 0xE9, .. " orders "u8, 0x93, .. "today"u8, 0x94, (byte)'.'];
        Assert.Equal("We collect your caf\u00E9 orders \"today\".", Assert.Single(PolicyParser.Parse(bytes, "p.txt").Sentences).Text);
    }
}

public sealed class DeclaredCharsetTests
{
    [Fact]
    public void HtmlInADeclaredLegacyEncodingIsDecodedWithIt()
    {
        var html = "<html><head><meta charset=\"iso-8859-7\"></head><body><p>We collect \u03B4\u03B5\u03B4\u03BF\u03BC\u03AD\u03BD\u03B1.</p></body></html>";
        var bytes = System.Text.CodePagesEncodingProvider.Instance.GetEncoding("iso-8859-7")!.GetBytes(html);
        Assert.Equal("We collect \u03B4\u03B5\u03B4\u03BF\u03BC\u03AD\u03BD\u03B1.", Assert.Single(PolicyParser.Parse(bytes, "p.html").Sentences).Text);
    }
}
