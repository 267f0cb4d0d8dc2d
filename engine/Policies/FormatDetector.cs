using System.Text;
using System.Text.RegularExpressions;

namespace Compliance.Engine.Policies;

/// <summary>
/// Tells a policy file's format from its bytes: PDF by its signature, other known binaries by theirs, text by
/// decoding (UTF-8, UTF-16 with a byte-order mark, Windows-1252 as the fallback), then HTML by its markup and
/// Markdown by its syntax. The file name only breaks a tie between Markdown and plain text.
/// </summary>
internal static partial class FormatDetector
{
    private const int SniffChars = 16 * 1024;

    private static readonly (byte[] Magic, string Name)[] s_binaries =
    [
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ("GIF8"u8.ToArray(), "a GIF image"),
        ("RIFF"u8.ToArray(), "a RIFF (WebP/WAV/AVI) file"),
        ("PK\x03\x04"u8.ToArray(), "a ZIP archive (DOCX, ODT and EPUB are ZIP archives; save the policy as PDF, HTML or text)"),
        ([0x1F, 0x8B], "a gzip archive"),
        ("Rar!"u8.ToArray(), "a RAR archive"),
        ([0x37, 0x7A, 0xBC, 0xAF], "a 7-Zip archive"),
        ([0xD0, 0xCF, 0x11, 0xE0], "an old Office document (DOC/XLS); save the policy as PDF, HTML or text"),
        ([0x7F, 0x45, 0x4C, 0x46], "an executable"),
        ("{\\rtf"u8.ToArray(), "an RTF document (save the policy as PDF, HTML or text)"),
        ("%!PS"u8.ToArray(), "a PostScript file"),
    ];

    public static bool IsPdf(ReadOnlySpan<byte> content)
    {
        var head = content[..Math.Min(content.Length, 1024)];
        return head.IndexOf("%PDF-"u8) >= 0;
    }

    /// <summary>Throws when the bytes are a known binary format that is not a policy document.</summary>
    public static void RejectKnownBinary(ReadOnlySpan<byte> content)
    {
        foreach (var (magic, name) in s_binaries)
        {
            if (content.StartsWith(magic))
                throw new PolicyFormatException($"The file is {name}, not a policy in HTML, PDF, Markdown or text.");
        }
    }

    public static string Decode(ReadOnlySpan<byte> content)
    {
        string text;
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            text = Strict(new UTF8Encoding(false, true), content[3..]) ?? throw Binary();
        else if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            text = Strict(new UnicodeEncoding(false, false, true), content[2..]) ?? throw Binary();
        else if (content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            text = Strict(new UnicodeEncoding(true, false, true), content[2..]) ?? throw Binary();
        else
            text = Strict(new UTF8Encoding(false, true), content) ?? DeclaredEncoding(content) ?? Windows1252(content);
        if (LooksBinary(text))
            throw Binary();
        return text;
    }

    public static PolicyFormat DetectText(string text, string? fileName)
    {
        var head = text.Length > SniffChars ? text[..SniffChars] : text;
        if (LooksLikeHtml(head))
            return PolicyFormat.Html;
        var score = MarkdownScore(head);
        if (score >= 2)
            return PolicyFormat.Markdown;
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (extension is ".md" or ".markdown" or ".mdown" or ".mkd")
            return PolicyFormat.Markdown;
        if (extension is ".html" or ".htm" or ".xhtml" && HtmlTag().Count(head) >= 3)
            return PolicyFormat.Html;
        return HtmlTag().Count(head) >= 5 && score == 0 ? PolicyFormat.Html : PolicyFormat.Text;
    }

    private static bool LooksLikeHtml(string head)
    {
        var s = head.AsSpan().TrimStart();
        while (s.StartsWith("<!--", StringComparison.Ordinal) || s.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase))
        {
            var close = s.IndexOf('>');
            if (close < 0)
                return false;
            s = s[(close + 1)..].TrimStart();
        }
        if (s.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase))
            return true;
        return s.Length > 0 && s[0] == '<' && LeadingHtmlTag().IsMatch(s[..Math.Min(s.Length, 64)]);
    }

    private static int MarkdownScore(string head) =>
        (2 * AtxHeading().Count(head)) + (2 * MarkdownLink().Count(head)) + (2 * Fence().Count(head))
        + (2 * PipeTableRule().Count(head)) + Strong().Count(head);

    private static string? Strict(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    // An HTML page that is not UTF-8 usually says what it is: <meta charset="shift_jis">.
    private static string? DeclaredEncoding(ReadOnlySpan<byte> content)
    {
        var head = Encoding.Latin1.GetString(content[..Math.Min(content.Length, 4096)]);
        var match = DeclaredCharset().Match(head);
        if (!match.Success)
            return null;
        var name = match.Groups[1].Value;
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(name)
            ?? Encoding.GetEncodings().FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))?.GetEncoding();
        return encoding?.GetString(content);
    }

    // Text that is not UTF-8 is most often Windows-1252 (or its subset ISO-8859-1); binary junk is caught after.
    private static string Windows1252(ReadOnlySpan<byte> content) =>
        CodePagesEncodingProvider.Instance.GetEncoding(1252)?.GetString(content) ?? Encoding.Latin1.GetString(content);

    // NUL bytes or many control characters: a binary file, perhaps renamed to .txt.
    private static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 64 * 1024));
        var controls = 0;
        foreach (var c in sample)
        {
            if (c == '\0')
                return true;
            if ((c < ' ' && c is not ('\t' or '\n' or '\r' or '\f')) || c == '\uFFFD' || c is >= '\u0080' and <= '\u009F')
                controls++;
        }
        return controls > 8 && controls * 100 > sample.Length;
    }

    private static PolicyFormatException Binary() =>
        new("The file is binary data, not a policy in HTML, PDF, Markdown or text.");

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?([A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeclaredCharset();

    [GeneratedRegex(@"^<(?:html|head|body|meta|title|div|p|h[1-6]|article|section|main|header|nav|table|ul|ol|span|link|style|script)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingHtmlTag();

    [GeneratedRegex(@"<(?:p|div|h[1-6]|li|ul|ol|br|table|tr|td|span|a\s)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"^#{1,6}[ \t]+\S", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"\[[^\]\n]+\]\([^)\s]+\)", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^(?:```|~~~)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\|?[ \t]*:?-{3,}:?[ \t]*\|", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex PipeTableRule();

    [GeneratedRegex(@"(?:\*\*|__)[^*_\n]+(?:\*\*|__)", RegexOptions.CultureInvariant)]
    private static partial Regex Strong();
}
