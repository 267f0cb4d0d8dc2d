using System.Globalization;
using System.Text;
using Compliance.Engine.Checking;
using Compliance.Engine.Matching;
using Compliance.Engine.Traffic;
using static Compliance.Engine.Reports.Html;

namespace Compliance.Engine.Reports;

/// <summary>
/// The assessment report a journalist reads and a regulator files: one self-contained HTML page
/// (no scripts, no external fonts; it opens offline and prints) with a summary, then every finding
/// with the policy quote in its paragraph beside the decoded request that contradicts it.
/// </summary>
public static class AssessmentReport
{
    public static string Render(CheckResult result, ReportSources? sources = null)
    {
        sources ??= new ReportSources();
        var html = new StringBuilder(64 * 1024);
        var title = sources.Title ?? $"Compliance report: {result.Vendor}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
            .Append("<title>").Append(E(title)).Append("</title><style>").Append(Style).Append("</style></head><body>\n");
        html.Tag("h1", title).Append('\n');
        if (sources.GeneratedAt is { } at)
            html.Append("<p class=\"muted\">Generated ").Append(E(at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))).Append("</p>\n");
        Summary(html, result);
        Sources(html, result);
        html.Append("<h2>Findings</h2>\n");
        var ordered = result.Findings.OrderByDescending(f => f.Severity).ThenBy(f => f.Kind).ThenBy(f => f.DataType, StringComparer.Ordinal).ToList();
        if (ordered.Count == 0)
            html.Append("<p>No findings.</p>\n");
        foreach (var finding in ordered)
            FindingCard(html, finding, result, sources);
        return html.Append("</body></html>\n").ToString();
    }

    private static void Summary(StringBuilder html, CheckResult result)
    {
        html.Append("<h2>Summary</h2>\n<div class=\"cards\">");
        foreach (var severity in new[] { Severity.High, Severity.Medium, Severity.Low, Severity.Info })
        {
            var name = CheckSummary.Name(severity);
            var count = result.Findings.Count(f => f.Severity == severity);
            html.Append("<div class=\"card\"><div class=\"count\">").Append(count.ToString(CultureInfo.InvariantCulture))
                .Append("</div><span class=\"badge ").Append(name).Append("\">").Append(name).Append("</span></div>");
        }
        html.Append("</div>\n<p>Vendor <strong>").Append(E(result.Vendor)).Append("</strong>");
        if (result.Domains.Count > 0)
            html.Append(" (declared domains: ").Append(E(string.Join(", ", result.Domains))).Append(')');
        html.Append(". ").Append(result.Claims.Count.ToString(CultureInfo.InvariantCulture)).Append(" claims read from ")
            .Append(result.Documents.Count.ToString(CultureInfo.InvariantCulture)).Append(" document(s); ")
            .Append(result.Flows.Count.ToString(CultureInfo.InvariantCulture)).Append(" flows of personal data found in ")
            .Append(result.Captures.Count.ToString(CultureInfo.InvariantCulture)).Append(" capture(s).</p>\n");
    }

    private static void Sources(StringBuilder html, CheckResult result)
    {
        if (result.Documents.Count > 0)
        {
            html.Append("<h2>Documents</h2>\n<table><thead><tr><th>Document</th><th>Kind</th><th>Published</th><th>Source</th><th>Claims</th></tr></thead><tbody>");
            foreach (var d in result.Documents)
            {
                html.Append("<tr><td>").Append(E(d.Document.Title ?? d.FileName)).Append("</td><td>").Append(E(CheckSummary.Name(d.Document.Kind)))
                    .Append("</td><td>").Append(E(d.Document.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—"))
                    .Append("</td><td>").Append(E(d.Document.SourceUrl ?? d.FileName)).Append("</td><td>")
                    .Append(d.Claims.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>");
            }
            html.Append("</tbody></table>\n");
        }
        if (result.Captures.Count > 0)
        {
            html.Append("<h2>Captures</h2>\n<table><thead><tr><th>Capture</th><th>Entries</th><th>Flows</th><th>Device state while captured</th></tr></thead><tbody>");
            foreach (var c in result.Captures)
                html.Append("<tr><td>").Append(E(c.Name)).Append("</td><td>").Append(c.EntriesRead.ToString(CultureInfo.InvariantCulture))
                    .Append("</td><td>").Append(c.Flows.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(E(DescribeContext(c.Context)))
                    .Append("</td></tr>");
            html.Append("</tbody></table>\n");
        }
    }

    /// <summary>The context in words: "private mode on, signed out, sync off".</summary>
    public static string DescribeContext(TrafficContext context)
    {
        var parts = new List<string>();
        if (context.App is not null) parts.Add($"app {context.App}");
        if (context.PrivateMode is { } p) parts.Add(p ? "private mode on" : "private mode off");
        if (context.SignedIn is { } s) parts.Add(s ? "signed in" : "signed out");
        if (context.Consent is not null) parts.Add($"consent {context.Consent}");
        if (context.Foreground is { } f) parts.Add(f ? "app in foreground" : "app in background");
        foreach (var (name, value) in (context.Settings ?? new Dictionary<string, string>()).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            parts.Add($"{name} {value}");
        return parts.Count == 0 ? "not recorded" : string.Join(", ", parts);
    }

    private static void FindingCard(StringBuilder html, Finding f, CheckResult result, ReportSources sources)
    {
        var severity = CheckSummary.Name(f.Severity);
        var kind = CheckSummary.Name(f.Kind);
        html.Append("<section class=\"finding ").Append(severity).Append("\" id=\"").Append(E(f.Id)).Append("\">")
            .Append("<div><span class=\"badge ").Append(severity).Append("\">").Append(E(kind)).Append("</span> ")
            .Append("<strong>").Append(E(f.DataType)).Append("</strong> → ").Append(E(f.Recipient))
            .Append(" <span class=\"muted\">").Append(E(f.Id)).Append(" · confidence ")
            .Append(f.Confidence.ToString("0.00", CultureInfo.InvariantCulture)).Append("</span></div>")
            .Append("<p>").Append(E(f.Explanation)).Append("</p>");
        if (f.MissingContext.Count > 0)
            html.Append("<p class=\"muted\">To decide this, record: ").Append(E(string.Join(", ", f.MissingContext))).Append("</p>");
        html.Append("<div class=\"sides\"><div><h3>What the policy says</h3>");
        var quotes = f.Evidence?.Quotes ?? [];
        if (quotes.Count == 0)
            html.Append("<p class=\"muted\">No statement covers this.</p>");
        foreach (var q in quotes)
        {
            html.Append("<blockquote>");
            var text = q.DocumentTitle is null ? null
                : sources.DocumentTexts.GetValueOrDefault(q.DocumentTitle)
                  ?? result.Documents.FirstOrDefault(d => d.Document.Title == q.DocumentTitle)?.Text;
            var (before, quote, after) = text is null ? ("", q.Sentence, "") : Paragraphs.Around(text, q.Span);
            if (quote.Length == 0)
                quote = q.Sentence;
            html.Append(E(before)).Append("<mark>").Append(E(quote)).Append("</mark>").Append(E(after));
            html.Append("<div class=\"muted\">").Append(E(q.DocumentTitle ?? CheckSummary.Name(q.DocumentKind)))
                .Append(q.Section is null ? "" : $" › {E(q.Section)}").Append(" · ").Append(E(q.ClaimId)).Append("</div></blockquote>");
        }
        html.Append("</div><div><h3>What the capture shows</h3>");
        var flows = f.Evidence?.Flows ?? [];
        if (flows.Count == 0)
            html.Append("<p class=\"muted\">No flow is cited.</p>");
        foreach (var flow in flows)
        {
            html.Append("<div><code>").Append(E(flow.Host)).Append("</code> — ").Append(E(flow.Organization ?? "organisation unknown"));
            if (flow.HostingOrganization is not null)
                html.Append(", hosted by ").Append(E(flow.HostingOrganization));
            if (flow.Country is not null)
                html.Append(" (").Append(E(flow.Country)).Append(')');
            html.Append("<div class=\"muted\">").Append(E(flow.Capture ?? "capture")).Append(", entry ")
                .Append(flow.EntryIndex.ToString(CultureInfo.InvariantCulture)).Append("</div><table><tbody>");
            foreach (var item in flow.Items)
                html.Append("<tr><td>").Append(E(item.Type)).Append(item.Hashed ? " (hashed)" : "").Append("</td><td><code>")
                    .Append(E(item.Location)).Append("</code></td><td><code>").Append(E(item.Value)).Append("</code></td></tr>");
            html.Append("</tbody></table></div>");
        }
        if (f.Evidence?.FlowsOmitted is > 0 and var omitted)
            html.Append("<p class=\"muted\">").Append(omitted.ToString(CultureInfo.InvariantCulture)).Append(" more flow(s): ")
                .Append(E(string.Join(", ", f.FlowIds))).Append("</p>");
        html.Append("</div></div></section>\n");
    }
}
