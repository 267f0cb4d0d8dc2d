using Compliance.Engine.Policies.Html;
using Compliance.Engine.Policies.Markdown;
using Compliance.Engine.Policies.Pdf;
using Compliance.Engine.Policies.Text;

namespace Compliance.Engine.Policies;

/// <summary>Turns the bytes of a policy file into normalised text, sections and sentences.</summary>
public static class PolicyParser
{
    /// <exception cref="PolicyFormatException">The file is not a usable policy; the message says why in one line.</exception>
    public static ParsedPolicy Parse(ReadOnlySpan<byte> content, string? fileName = null) =>
        Parse(content, fileName, PolicyParserOptions.Default);

    /// <exception cref="PolicyFormatException">The file is not a usable policy; the message says why in one line.</exception>
    public static ParsedPolicy Parse(ReadOnlySpan<byte> content, string? fileName, PolicyParserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (content.Length > options.MaxBytes)
        {
            throw new PolicyFormatException(
                $"The file is {Megabytes(content.Length)} MB, more than the limit of {Megabytes(options.MaxBytes)} MB for a policy.");
        }
        if (content.Trim((ReadOnlySpan<byte>)[0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x00]).IsEmpty)
            throw new PolicyFormatException("The file is empty.");

        ParsedPolicy policy;
        if (FormatDetector.IsPdf(content))
        {
            var (blocks, infoTitle) = PdfPolicyReader.Read(content.ToArray(), options);
            policy = PolicyTextBuilder.Build(PolicyFormat.Pdf, blocks, null);
            policy = policy.Title is null ? policy with { Title = infoTitle } : policy;
        }
        else
        {
            FormatDetector.RejectKnownBinary(content);
            var text = FormatDetector.Decode(content);
            policy = FormatDetector.DetectText(text, fileName) switch
            {
                PolicyFormat.Html => FromHtml(text, options),
                PolicyFormat.Markdown => PolicyTextBuilder.Build(PolicyFormat.Markdown, MarkdownPolicyReader.Read(text, options.MaxNestingDepth), null),
                _ => PolicyTextBuilder.Build(PolicyFormat.Text, PlainTextReader.Read(text), null),
            };
        }
        if (policy.Sentences.Count == 0)
            throw new PolicyFormatException($"The {policy.Format.ToString().ToUpperInvariant()} file contains no policy text.");
        return policy;
    }

    private static ParsedPolicy FromHtml(string html, PolicyParserOptions options)
    {
        var (blocks, title) = HtmlPolicyReader.Read(html, options.MaxNestingDepth);
        return PolicyTextBuilder.Build(PolicyFormat.Html, blocks, title);
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
