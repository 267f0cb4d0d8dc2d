using Compliance.Engine.Claims;

namespace Compliance.Engine.Reports;

/// <summary>Finds the paragraph around a quoted span, so a reader sees the quote in its context.</summary>
public static class Paragraphs
{
    private const int MaxContext = 600;

    /// <summary>The text before the span, the span, and the text after it, within one paragraph.</summary>
    public static (string Before, string Quote, string After) Around(string text, TextSpan span)
    {
        if (span.Start < 0 || span.End > text.Length || span.Start > span.End)
            return ("", "", "");
        var start = text.LastIndexOf('\n', Math.Max(0, span.Start - 1));
        start = start < 0 ? 0 : start + 1;
        if (span.Start - start > MaxContext)
            start = span.Start - MaxContext;
        var end = text.IndexOf('\n', span.End);
        end = end < 0 ? text.Length : end;
        if (end - span.End > MaxContext)
            end = span.End + MaxContext;
        return (text[start..span.Start], text[span.Start..span.End], text[span.End..end]);
    }
}
