using System.Text;
using System.Text.RegularExpressions;

namespace Compliance.Engine.Policies.Text;

/// <summary>
/// Groups the lines of a document without markup into headings, paragraphs and lists: paragraphs end at breaks,
/// bullet or numbered lines start list items, and lines that look like headings stand alone.
/// </summary>
internal static partial class LineBlockAssembler
{
    [GeneratedRegex(@"^\s*(?:[*+\-\u2022\u25E6\u25AA\u25CF\u2023\u25A0\u00B7]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])\s+(\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex BulletLine();

    /// <param name="typesetHyphens">True for PDFs, where a hyphen at a line end is usually the typesetter's.</param>
    public static List<PolicyBlock> Assemble(IReadOnlyList<SourceLine> lines, bool typesetHyphens)
    {
        var joiner = new LineJoiner(typesetHyphens ? lines : null);
        var blocks = new List<PolicyBlock>();
        var group = new List<string>();
        foreach (var line in lines)
        {
            if (line.HeadingLevel > 0)
            {
                FlushGroup(group, blocks, joiner);
                blocks.Add(new HeadingBlock(line.HeadingLevel, line.Text.Trim()));
                continue;
            }
            if (line.BreakBefore)
                FlushGroup(group, blocks, joiner);
            if (!string.IsNullOrWhiteSpace(line.Text))
                group.Add(line.Text);
        }
        FlushGroup(group, blocks, joiner);
        return blocks;
    }

    private static void FlushGroup(List<string> group, List<PolicyBlock> blocks, LineJoiner joiner)
    {
        if (group.Count == 0)
            return;
        var first = 0;
        var level = HeadingPatterns.LevelOf(group[0], allowPlainShortLines: group.Count == 1);
        // In a longer group only a capitalised first line over prose is a heading; wrapped shouting is not.
        if (level > 0 && (group.Count == 1 || (HeadingPatterns.IsAllCaps(group[0]) && !HeadingPatterns.IsAllCaps(group[1]))))
        {
            blocks.Add(new HeadingBlock(level, group[0].Trim()));
            first = 1;
        }
        else if (group.Count > 1 && HeadingPatterns.IsRunInHeading(group[0], group[1]))
        {
            blocks.Add(new HeadingBlock(HeadingPatterns.LevelOf(group[0], allowPlainShortLines: true), group[0].Trim()));
            first = 1;
        }
        var lead = new StringBuilder();
        var items = new List<string>();
        StringBuilder? item = null;
        for (var i = first; i < group.Count; i++)
        {
            var bullet = BulletLine().Match(group[i]);
            if (bullet.Success)
            {
                if (item is not null)
                    items.Add(item.ToString());
                item = new StringBuilder(bullet.Groups[1].Value);
            }
            else
            {
                joiner.Append(item ?? lead, group[i]);
            }
        }
        if (item is not null)
            items.Add(item.ToString());
        group.Clear();
        if (lead.Length > 0)
            blocks.Add(new ParagraphBlock(lead.ToString()));
        if (items.Count == 0)
            return;
        // A list whose items are separated by blank lines arrives as several groups: keep it one list.
        // The assembler made that list from a List<string>, so it can grow in place (no copying per group).
        if (lead.Length == 0 && blocks.Count > 0 && blocks[^1] is ListBlock { Items: List<string> previous })
            previous.AddRange(items);
        else
            blocks.Add(new ListBlock(items));
    }
}
