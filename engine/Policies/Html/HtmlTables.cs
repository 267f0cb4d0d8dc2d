using AngleSharp.Dom;

namespace Compliance.Engine.Policies.Html;

/// <summary>Data tables become one line of text per row; tables used for page layout are read as containers.</summary>
internal static class HtmlTables
{
    private static readonly HashSet<string> s_blockContent = new(StringComparer.Ordinal) { "h1", "h2", "h3", "h4", "p", "ul", "ol", "table" };

    public static bool IsLayoutTable(IElement table) =>
        table.GetAttribute("role") == "presentation"
        || table.Descendants<IElement>().Any(e => s_blockContent.Contains(e.LocalName) && HasCellAncestor(e, table));

    public static IEnumerable<string> Rows(IElement table, Func<IElement, string> cellText)
    {
        IReadOnlyList<string>? headers = null;
        foreach (var row in table.Descendants<IElement>().Where(e => e.LocalName == "tr"))
        {
            if (!ReferenceEquals(ClosestTable(row), table))
                continue;
            var cells = row.Children.Where(c => c.LocalName is "td" or "th").ToList();
            if (cells.Count == 0)
                continue;
            var texts = cells.Select(cellText).ToList();
            if (headers is null && cells.Count > 1 && IsHeaderRow(row, cells))
            {
                headers = texts;
                continue;
            }
            var line = TableRowText.Format(texts, headers);
            if (line.Length > 0)
                yield return line;
        }
    }

    // A row of <th> cells, a row in <thead>, or a first row whose every cell is wholly bold.
    private static bool IsHeaderRow(IElement row, List<IElement> cells) =>
        cells.All(c => c.LocalName == "th")
        || row.ParentElement?.LocalName == "thead"
        || cells.All(c => c.TextContent.Trim().Length > 0 && c.Children.Length == 1
            && c.Children[0].LocalName is "strong" or "b" && c.Children[0].TextContent.Trim() == c.TextContent.Trim());

    private static bool HasCellAncestor(IElement element, IElement table)
    {
        for (var p = element.ParentElement; p is not null && !ReferenceEquals(p, table); p = p.ParentElement)
        {
            if (p.LocalName is "td" or "th")
                return true;
        }
        return false;
    }

    private static IElement? ClosestTable(IElement row)
    {
        for (var p = row.ParentElement; p is not null; p = p.ParentElement)
        {
            if (p.LocalName == "table")
                return p;
        }
        return null;
    }
}
