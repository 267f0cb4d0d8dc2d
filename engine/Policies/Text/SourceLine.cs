namespace Compliance.Engine.Policies.Text;

/// <summary>
/// One visual line of a text or PDF document. BreakBefore marks a paragraph break (a blank line, a new PDF block);
/// HeadingLevel is set when the layout already says the line is a heading (an underline, a larger font).
/// </summary>
internal sealed record SourceLine(string Text, bool BreakBefore, int HeadingLevel = 0);
