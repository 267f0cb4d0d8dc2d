using System.Text.RegularExpressions;

namespace Compliance.Engine.Policies.Text;

/// <summary>Reads a plain-text policy: blank lines separate paragraphs, ===/--- underlines mark headings.</summary>
internal static partial class PlainTextReader
{
    [GeneratedRegex(@"^\s*([=\-~^*#_])\1{2,}\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Underline();

    public static List<PolicyBlock> Read(string text) =>
        LineBlockAssembler.Assemble(ToLines(text), typesetHyphens: false);

    internal static List<SourceLine> ToLines(string text)
    {
        var raw = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\f', '\n').Split('\n');
        var lines = new List<SourceLine>(raw.Length);
        var breakBefore = true;
        for (var i = 0; i < raw.Length; i++)
        {
            var line = raw[i].Replace('\t', ' ');
            if (line.Trim().Length == 0)
            {
                breakBefore = true;
                continue;
            }
            var underline = Underline().Match(line);
            if (underline.Success)
            {
                // Text directly above an underline is a heading; an underline alone is only a separator.
                if (!breakBefore && lines.Count > 0 && lines[^1].HeadingLevel == 0)
                    lines[^1] = lines[^1] with { HeadingLevel = underline.Groups[1].Value == "=" ? 1 : 2, BreakBefore = true };
                breakBefore = true;
                continue;
            }
            lines.Add(new SourceLine(line, breakBefore));
            breakBefore = false;
        }
        return lines;
    }
}
