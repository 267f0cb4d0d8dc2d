using System.Text;
using Compliance.Engine.Claims;

namespace Compliance.Engine.Policies;

/// <summary>
/// Turns the blocks a format reader found into the stored text: normalises each block, joins lists to their
/// lead-ins, drops tables of contents, writes blocks separated by blank lines, and records every heading as a
/// section and every sentence with its span and nearest heading.
/// </summary>
internal static class PolicyTextBuilder
{
    private const string BlockSeparator = "\n\n";

    public static ParsedPolicy Build(PolicyFormat format, IReadOnlyList<PolicyBlock> rawBlocks, string? title)
    {
        var blocks = Arrange(Normalize(rawBlocks));
        var text = new StringBuilder();
        var headings = new List<(int Level, string Heading, int Start)>();
        var paragraphs = new List<(int Start, int End, int HeadingIndex)>();
        foreach (var block in blocks)
        {
            if (text.Length > 0)
                text.Append(BlockSeparator);
            var start = text.Length;
            switch (block)
            {
                case HeadingBlock h:
                    text.Append(h.Text);
                    headings.Add((h.Level, h.Text, start));
                    break;
                case ParagraphBlock p:
                    text.Append(p.Text);
                    paragraphs.Add((start, text.Length, headings.Count - 1));
                    break;
            }
        }
        var stored = text.ToString();
        var sections = BuildSections(headings, stored.Length);
        var sentences = new List<PolicySentence>();
        var spans = new List<TextSpan>();
        foreach (var (start, end, headingIndex) in paragraphs)
        {
            spans.Clear();
            SentenceSegmenter.Split(stored, start, end, spans);
            var section = headingIndex >= 0 ? SectionName(headings[headingIndex].Heading) : null;
            foreach (var span in spans)
                sentences.Add(new PolicySentence(stored[span.Start..span.End], span, section));
        }
        if (title is null && headings.Count > 0)
        {
            var top = headings.Min(h => h.Level);
            title = headings.Find(h => h.Level == top).Heading;
        }
        return new ParsedPolicy { Format = format, Text = stored, Title = title, Sections = sections, Sentences = sentences };
    }

    /// <summary>The heading without its number: "3.2 Sharing with partners:" is section "Sharing with partners".</summary>
    public static string SectionName(string heading)
    {
        var name = HeadingPatterns.StripNumber(heading).TrimEnd(':', ' ');
        return name.Length > 0 ? name : heading;
    }

    private static List<PolicyBlock> Normalize(IReadOnlyList<PolicyBlock> blocks)
    {
        var result = new List<PolicyBlock>(blocks.Count);
        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeadingBlock h when Clean(h.Text) is { Length: > 0 } t:
                    result.Add(h with { Text = t.Trim('\u2022', ' ', '#') });
                    break;
                case ParagraphBlock p when Clean(p.Text) is { Length: > 0 } t:
                    if (ListJoiner.SplitInlineBullets(t) is { } inline)
                    {
                        if (inline.LeadIn.Length > 0)
                            result.Add(new ParagraphBlock(inline.LeadIn));
                        result.Add(new ListBlock(inline.Items));
                    }
                    else
                    {
                        result.Add(new ParagraphBlock(t));
                    }
                    break;
                case ListBlock l:
                    var items = l.Items.Select(Clean).Where(t => t.Length > 0).ToList();
                    if (items.Count > 0)
                        result.Add(new ListBlock(items));
                    break;
            }
        }
        return result;
    }

    private static string Clean(string text) => TextNormalizer.Normalize(text);

    // Joins lists to their lead-ins, turns the remaining items into paragraphs and drops tables of contents.
    private static List<PolicyBlock> Arrange(List<PolicyBlock> blocks)
    {
        var headingNames = blocks.OfType<HeadingBlock>()
            .Select(h => SectionName(h.Text).ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
        var result = new List<PolicyBlock>(blocks.Count);
        foreach (var block in blocks)
        {
            if (block is not ListBlock list)
            {
                result.Add(block);
                continue;
            }
            if (IsTableOfContents(list, headingNames))
                continue;
            if (result.Count > 0 && result[^1] is ParagraphBlock lead && ListJoiner.IsLeadIn(lead.Text)
                && ListJoiner.TryJoin(lead.Text, list.Items) is { } joined)
            {
                result[^1] = new ParagraphBlock(joined);
                continue;
            }
            result.AddRange(list.Items.Select(item => new ParagraphBlock(item)));
        }
        return result;
    }

    private static bool IsTableOfContents(ListBlock list, HashSet<string> headingNames)
    {
        if (list.Items.Count < 3 || headingNames.Count < 3)
            return false;
        var matches = list.Items.Count(item => headingNames.Contains(SectionName(item).ToLowerInvariant()));
        return matches * 5 >= list.Items.Count * 4;
    }

    // One pass with a stack of open sections: a heading closes every open section of its level or deeper.
    private static List<PolicySection> BuildSections(List<(int Level, string Heading, int Start)> headings, int textLength)
    {
        var ends = new int[headings.Count];
        var paths = new string[headings.Count];
        var open = new List<int>();
        for (var i = 0; i < headings.Count; i++)
        {
            var (level, _, start) = headings[i];
            while (open.Count > 0 && headings[open[^1]].Level >= level)
            {
                ends[open[^1]] = start - BlockSeparator.Length;
                open.RemoveAt(open.Count - 1);
            }
            paths[i] = open.Count == 0
                ? SectionName(headings[i].Heading)
                : paths[open[^1]] + " > " + SectionName(headings[i].Heading);
            open.Add(i);
        }
        foreach (var i in open)
            ends[i] = textLength;
        var sections = new List<PolicySection>(headings.Count);
        for (var i = 0; i < headings.Count; i++)
            sections.Add(new PolicySection(headings[i].Heading, paths[i], headings[i].Level, new TextSpan(headings[i].Start, ends[i])));
        return sections;
    }
}
