using Compliance.Engine.Checking;
using Compliance.Engine.Matching;

namespace Compliance.Engine.Tests.Checking;

public sealed class CheckTextTests
{
    private static CheckResult Result(string explanation)
    {
        var findings = new List<Finding>
        {
            new()
            {
                Id = "x-1", Kind = FindingKind.Contradicted, Severity = Severity.High, DataType = "imei", Recipient = "first-party",
                FlowIds = ["f-1", "f-2"], Explanation = explanation, Confidence = 0.9,
            },
        };
        return new CheckResult
        {
            Vendor = "Example <Vendor>", Claims = [], Flows = [], Findings = findings,
            Summary = CheckSummary.Of(1, 1, [], [], findings, 0.5),
        };
    }

    [Fact]
    public void CsvQuotesFieldsWithCommasAndQuotes()
    {
        var csv = CheckText.Csv(Result("It said \"never\", yet sent it."));
        Assert.Contains("\"It said \"\"never\"\", yet sent it.\"", csv, StringComparison.Ordinal);
        Assert.Equal(2, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void TableListsEachFindingWithItsExplanation()
    {
        var table = CheckText.Table(Result("The IMEI was sent."));
        Assert.Contains("x-1", table, StringComparison.Ordinal);
        Assert.Contains("    The IMEI was sent.", table, StringComparison.Ordinal);
        Assert.Contains("contradicted 1", table, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlEscapesTextFromTheInputs()
    {
        var html = Compliance.Engine.Reports.AssessmentReport.Render(Result("<script>alert(1)</script>"));
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("Example &lt;Vendor&gt;", html, StringComparison.Ordinal);
    }
}
