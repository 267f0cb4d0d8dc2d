using Compliance.Engine.Policies.Text;

namespace Compliance.Engine.Policies.Pdf;

/// <summary>
/// Turns PDF lines into source lines, marking headings by type size: the size most of the text is set in is the
/// body; short lines set larger are headings, the largest size level 1; short bold lines on their own are headings
/// one level below the smallest larger size.
/// </summary>
internal static class PdfHeadings
{
    private const double LargerBy = 1.15;
    private const int MaxHeadingChars = 120;

    public static List<SourceLine> ToSourceLines(List<List<PdfLine>> pages)
    {
        var all = pages.SelectMany(p => p).ToList();
        var body = all.GroupBy(l => l.Size).OrderByDescending(g => g.Sum(l => l.Text.Length)).ThenBy(g => g.Key).First().Key;
        var headingSizes = all.Where(l => IsLargeHeading(l, body)).Select(l => l.Size).Distinct().OrderByDescending(s => s).ToList();
        var result = new List<SourceLine>(all.Count);
        foreach (var page in pages)
        {
            for (var i = 0; i < page.Count; i++)
            {
                var line = page[i];
                var newBlock = i == 0 || page[i - 1].Block != line.Block;
                var level = LevelOf(line, body, headingSizes, page, i);
                // A heading wrapped over two lines arrives as two lines of the same size in one block.
                if (level > 0 && !newBlock && result.Count > 0 && result[^1].HeadingLevel == level)
                {
                    result[^1] = result[^1] with { Text = result[^1].Text + " " + line.Text };
                    continue;
                }
                result.Add(new SourceLine(line.Text, newBlock, level));
            }
        }
        return result;
    }

    private static bool IsLargeHeading(PdfLine line, double body) =>
        line.Size >= body * LargerBy && line.Text.Length <= MaxHeadingChars;

    private static int LevelOf(PdfLine line, double body, List<double> headingSizes, List<PdfLine> page, int index)
    {
        if (IsLargeHeading(line, body))
            return Math.Min(6, headingSizes.IndexOf(line.Size) + 1);
        var alone = (index == 0 || page[index - 1].Block != line.Block) && (index + 1 == page.Count || page[index + 1].Block != line.Block);
        if (line.Bold && alone && HeadingPatterns.LevelOf(line.Text, allowPlainShortLines: true) > 0)
            return Math.Min(6, headingSizes.Count + 1);
        return 0;
    }
}
