using System.Globalization;
using System.Text;
using Compliance.Engine.Matching;

namespace Compliance.Engine.Checking;

/// <summary>The table and CSV forms of a check result (the JSON form is the result serialised with EngineJson).</summary>
public static class CheckText
{
    public static string Table(CheckResult result)
    {
        var s = result.Summary;
        var text = new StringBuilder();
        var domains = result.Domains.Count == 0 ? "" : $" ({string.Join(", ", result.Domains)})";
        text.Append(CultureInfo.InvariantCulture, $"Vendor: {result.Vendor}{domains}\n");
        text.Append(CultureInfo.InvariantCulture, $"Documents: {s.Documents}, claims: {s.Claims}; captures: {s.Captures}, flows: {s.Flows}\n");
        var kinds = string.Join(", ", s.ByKind.Select(k => $"{k.Key} {k.Value}"));
        text.Append(CultureInfo.InvariantCulture, $"Findings: {s.Findings}{(kinds.Length > 0 ? " — " + kinds : "")}\n\n");
        if (result.Findings.Count == 0)
            return text.Append("No findings.\n").ToString();
        string[] header = ["ID", "SEVERITY", "KIND", "DATA TYPE", "RECIPIENT", "FLOWS", "CONF"];
        var rows = result.Findings.Select(f => new[]
        {
            f.Id, CheckSummary.Name(f.Severity), CheckSummary.Name(f.Kind), f.DataType, f.Recipient,
            f.FlowIds.Count.ToString(CultureInfo.InvariantCulture), f.Confidence.ToString("0.00", CultureInfo.InvariantCulture),
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        text.Append(Row(header, widths)).Append('\n');
        for (var i = 0; i < rows.Count; i++)
        {
            text.Append(Row(rows[i], widths)).Append('\n');
            text.Append("    ").Append(result.Findings[i].Explanation).Append('\n');
        }
        return text.ToString();
    }

    public static string Csv(CheckResult result)
    {
        var text = new StringBuilder("id,kind,severity,dataType,recipient,confidence,claimIds,flowIds,hosts,countries,missingContext,explanation\n");
        foreach (var f in result.Findings)
        {
            string[] fields =
            [
                f.Id, CheckSummary.Name(f.Kind), CheckSummary.Name(f.Severity), f.DataType, f.Recipient,
                f.Confidence.ToString("0.###", CultureInfo.InvariantCulture), string.Join(' ', f.ClaimIds), string.Join(' ', f.FlowIds),
                string.Join(' ', Hosts(f)), string.Join(' ', f.Countries), string.Join(' ', f.MissingContext), f.Explanation,
            ];
            text.Append(string.Join(',', fields.Select(Field))).Append('\n');
        }
        return text.ToString();
    }

    public static IEnumerable<string> Hosts(Finding finding) =>
        finding.Evidence?.Flows.Select(f => f.Host).Distinct(StringComparer.Ordinal) ?? [];

    private static string Row(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();

    // RFC 4180: quote fields holding a comma, quote or line break; double the quotes inside.
    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
