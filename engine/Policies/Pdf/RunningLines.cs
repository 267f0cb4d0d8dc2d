using System.Text.RegularExpressions;

namespace Compliance.Engine.Policies.Pdf;

/// <summary>
/// Removes running headers and footers (the same line at the top or bottom of most pages, page numbers
/// ignored) and page numbers ("7", "Page 7 of 12", "- 7 -") from a PDF's pages.
/// </summary>
internal static partial class RunningLines
{
    private const int EdgeLines = 2;

    [GeneratedRegex(@"^(?:page\s*)?[-\u2013(]?\s*#+\s*[-\u2013)]?(?:\s*(?:of|/)\s*#+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    public static void Remove(List<List<PdfLine>> pages)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var key in EdgeIndexes(page).Select(i => Key(page[i].Text)).Distinct())
                counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        var threshold = Math.Max(2, (pages.Count + 1) / 2);
        foreach (var page in pages)
        {
            var drop = EdgeIndexes(page)
                .Where(i => PageNumber().IsMatch(Key(page[i].Text)) || counts.GetValueOrDefault(Key(page[i].Text)) >= threshold)
                .ToHashSet();
            for (var i = page.Count - 1; i >= 0; i--)
            {
                if (drop.Contains(i))
                    page.RemoveAt(i);
            }
        }
    }

    // The lines nearest the top and the bottom edge of the page, whatever their reading order.
    private static IEnumerable<int> EdgeIndexes(List<PdfLine> page)
    {
        var byTop = Enumerable.Range(0, page.Count).OrderBy(i => page[i].Top).ToList();
        return byTop.Take(EdgeLines).Concat(byTop.TakeLast(EdgeLines)).Distinct();
    }

    private static string Key(string text) => Digits().Replace(TextNormalizer.Normalize(text).ToLowerInvariant(), "#");
}
