using System.Globalization;
using System.Net;
using System.Text;

namespace Compliance.Engine.Checking;

/// <summary>A minimal self-contained HTML page of a check result (the full report is built by the reports stage).</summary>
public static class CheckHtml
{
    public static string Page(CheckResult result)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(E($"Compliance check: {result.Vendor}"))
            .Append("</title><style>body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse}"
                + "td,th{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}"
                + ".high{color:#a00}.medium{color:#a60}blockquote{margin:.3em 0;color:#444}</style></head><body>\n");
        var s = result.Summary;
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(result.Vendor)}</h1>\n<p>{s.Documents} document(s), {s.Claims} claims; ")
            .Append(CultureInfo.InvariantCulture, $"{s.Captures} capture(s), {s.Flows} flows; {s.Findings} findings, {s.Violations} of high severity.</p>\n");
        html.Append("<table><thead><tr><th>Id</th><th>Kind</th><th>Data type</th><th>Recipient</th><th>Explanation and evidence</th></tr></thead><tbody>\n");
        foreach (var f in result.Findings)
        {
            var severity = CheckSummary.Name(f.Severity);
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"{severity}\"><td>{E(f.Id)}</td><td>{E(CheckSummary.Name(f.Kind))} ({severity})</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{E(f.DataType)}</td><td>{E(f.Recipient)}</td><td>{E(f.Explanation)}");
            foreach (var quote in f.Evidence?.Quotes ?? [])
                html.Append(CultureInfo.InvariantCulture, $"<blockquote>{E(quote.ClaimId)}: {E(quote.Sentence)}</blockquote>");
            if (f.FlowIds.Count > 0)
                html.Append(CultureInfo.InvariantCulture, $"<div>Flows: {E(string.Join(", ", f.FlowIds))}</div>");
            html.Append("</td></tr>\n");
        }
        return html.Append("</tbody></table>\n</body></html>\n").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
