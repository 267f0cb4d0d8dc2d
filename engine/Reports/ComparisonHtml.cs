using System.Globalization;
using System.Text;
using static Compliance.Engine.Reports.Html;

namespace Compliance.Engine.Reports;

/// <summary>The comparison as one self-contained page: a colour-coded vendor × data-type grid and an SVG chart.</summary>
public static class ComparisonHtml
{
    public static string Render(ComparisonResult comparison, DateTimeOffset? generatedAt = null)
    {
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
            .Append("<title>Vendor comparison</title><style>").Append(Style).Append("</style></head><body>\n<h1>Vendor comparison</h1>\n");
        if (generatedAt is { } at)
            html.Append("<p class=\"muted\">Generated ").Append(E(at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))).Append("</p>\n");
        html.Append("<h2>Findings per vendor</h2>\n").Append(Chart(comparison)).Append('\n');
        Grid(html, comparison);
        Scorecards(html, comparison);
        return html.Append("</body></html>\n").ToString();
    }

    private static void Grid(StringBuilder html, ComparisonResult comparison)
    {
        html.Append("<h2>What each vendor discloses and sends</h2>\n<p class=\"muted\">D = disclosed by a claim, O = observed in traffic; ")
            .Append("the colour is the worst finding for that data type.</p>\n<div style=\"overflow-x:auto\"><table class=\"grid\"><thead><tr><th>Vendor</th>");
        foreach (var type in comparison.DataTypes)
            html.Append("<th>").Append(E(type)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        var cells = comparison.Matrix.ToLookup(c => c.Vendor);
        foreach (var vendor in comparison.Vendors.Where(v => v.Status == "checked"))
        {
            html.Append("<tr><th>").Append(E(vendor.Vendor)).Append("</th>");
            var row = cells[vendor.Vendor].ToDictionary(c => c.DataType);
            foreach (var type in comparison.DataTypes)
            {
                var cell = row.GetValueOrDefault(type);
                var cls = cell?.WorstFinding is { } k ? $"k-{k}" : cell?.Observed == true ? "k-observed" : "";
                var text = (cell?.Disclosed == true ? "D" : "") + (cell?.Observed == true ? "O" : "");
                html.Append("<td class=\"").Append(cls).Append("\" title=\"").Append(E(cell?.WorstFinding ?? "no finding")).Append("\">")
                    .Append(E(text)).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table></div>\n");
    }

    private static void Scorecards(StringBuilder html, ComparisonResult comparison)
    {
        html.Append("<h2>Scorecards</h2>\n<table><thead><tr><th>Vendor</th><th>Status</th><th>Claims</th><th>Flows</th><th>High</th><th>Medium</th><th>Low</th><th>Undisclosed data types</th></tr></thead><tbody>");
        foreach (var v in comparison.Vendors)
        {
            html.Append("<tr><td>").Append(E(v.Vendor)).Append("</td><td>").Append(E(v.Status == "failed" ? $"failed: {v.Error}" : v.Status)).Append("</td>");
            foreach (var n in new[] { v.Claims, v.Flows, v.High, v.Medium, v.Low })
                html.Append("<td>").Append(n.ToString(CultureInfo.InvariantCulture)).Append("</td>");
            html.Append("<td>").Append(E(string.Join(", ", v.DataTypesUndisclosed))).Append("</td></tr>");
        }
        html.Append("</tbody></table>\n");
    }

    /// <summary>Horizontal stacked bars of high/medium/low findings per vendor, drawn as inline SVG.</summary>
    public static string Chart(ComparisonResult comparison)
    {
        var vendors = comparison.Vendors.Where(v => v.Status == "checked").ToList();
        const int rowHeight = 22, labelWidth = 180, barWidth = 480;
        var max = Math.Max(1, vendors.Select(v => v.High + v.Medium + v.Low).DefaultIfEmpty(0).Max());
        var height = rowHeight * vendors.Count + 30;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Findings per vendor\" width=\"{labelWidth + barWidth + 60}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">");
        for (var i = 0; i < vendors.Count; i++)
        {
            var v = vendors[i];
            var y = i * rowHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 6}\" y=\"{y + 15}\" text-anchor=\"end\">{E(v.Vendor)}</text>");
            var x = (double)labelWidth;
            foreach (var (count, colour) in new[] { (v.High, "#b3261e"), (v.Medium, "#b26a00"), (v.Low, "#5f6b7a") })
            {
                var w = barWidth * count / (double)max;
                if (w > 0)
                    svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y + 4}\" width=\"{w:0.#}\" height=\"{rowHeight - 8}\" fill=\"{colour}\"><title>{count}</title></rect>");
                x += w;
            }
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 4:0.#}\" y=\"{y + 15}\">{v.High + v.Medium + v.Low}</text>");
        }
        var legendY = rowHeight * vendors.Count + 18;
        svg.Append(CultureInfo.InvariantCulture, $"<g transform=\"translate({labelWidth},{legendY})\"><rect width=\"10\" height=\"10\" y=\"-9\" fill=\"#b3261e\"/><text x=\"14\">high</text>")
            .Append("<rect x=\"60\" width=\"10\" height=\"10\" y=\"-9\" fill=\"#b26a00\"/><text x=\"74\">medium</text>")
            .Append("<rect x=\"140\" width=\"10\" height=\"10\" y=\"-9\" fill=\"#5f6b7a\"/><text x=\"154\">low</text></g></svg>");
        return svg.ToString();
    }
}
