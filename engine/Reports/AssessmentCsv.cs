using System.Globalization;
using System.Text;
using Compliance.Engine.Checking;

namespace Compliance.Engine.Reports;

/// <summary>Findings as CSV (RFC 4180), one row per finding, for spreadsheets and filings.</summary>
public static class AssessmentCsv
{
    public static string Render(CheckResult result)
    {
        var csv = new StringBuilder();
        Row(csv, "vendor", "id", "kind", "severity", "dataType", "recipient", "hosts", "claimIds", "flowIds", "quotes", "explanation", "confidence");
        foreach (var f in result.Findings)
        {
            var hosts = (f.Evidence?.Flows ?? []).Select(x => x.Host).Distinct().Order(StringComparer.Ordinal);
            var quotes = (f.Evidence?.Quotes ?? []).Select(q => q.Sentence);
            Row(csv, result.Vendor, f.Id, CheckSummary.Name(f.Kind), CheckSummary.Name(f.Severity), f.DataType, f.Recipient,
                string.Join(" ", hosts), string.Join(" ", f.ClaimIds), string.Join(" ", f.FlowIds), string.Join(" | ", quotes),
                f.Explanation, f.Confidence.ToString("0.00", CultureInfo.InvariantCulture));
        }
        return csv.ToString();
    }

    public static void Row(StringBuilder csv, params string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
                csv.Append(',');
            csv.Append(Cell(cells[i]));
        }
        csv.Append("\r\n");
    }

    // Quote when needed; a leading =, +, - or @ is neutralised so a spreadsheet never runs a quote as a formula.
    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
            value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
