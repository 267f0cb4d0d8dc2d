using System.Text;
using Compliance.Engine.Checking;
using Compliance.Engine.Claims;
using Compliance.Engine.Matching;
using Compliance.Engine.Ontology;

namespace Compliance.Engine.Reports;

/// <summary>One vendor's check, or why it could not be checked.</summary>
public sealed record VendorOutcome(string Vendor, CheckResult? Result, string? Error = null);

/// <summary>One cell of the vendor × data-type matrix.</summary>
public sealed record ComparisonCell(string Vendor, string DataType, bool Disclosed, bool Observed, string? WorstFinding);

/// <summary>A vendor's line in the comparison.</summary>
public sealed record VendorScorecard
{
    public required string Vendor { get; init; }
    /// <summary>checked, or failed when its files could not be used.</summary>
    public required string Status { get; init; }
    public string? Error { get; init; }
    public int Claims { get; init; }
    public int Flows { get; init; }
    public int Findings { get; init; }
    public int High { get; init; }
    public int Medium { get; init; }
    public int Low { get; init; }
    public IReadOnlyDictionary<string, int> ByKind { get; init; } = new SortedDictionary<string, int>(StringComparer.Ordinal);
    public IReadOnlyList<string> DataTypesObserved { get; init; } = [];
    public IReadOnlyList<string> DataTypesUndisclosed { get; init; } = [];
}

/// <summary>The comparison of several vendors: scorecards and the vendor × data-type matrix.</summary>
public sealed record ComparisonResult
{
    public required IReadOnlyList<VendorScorecard> Vendors { get; init; }
    public required IReadOnlyList<string> DataTypes { get; init; }
    public required IReadOnlyList<ComparisonCell> Matrix { get; init; }

    // Worst first: what a reader must see before anything else.
    private static readonly FindingKind[] s_rank =
    [
        FindingKind.Contradicted, FindingKind.ConditionViolated, FindingKind.IdentifiabilityViolated,
        FindingKind.RecipientMismatch, FindingKind.Undisclosed, FindingKind.PolicyConflict, FindingKind.Vague, FindingKind.Consistent,
    ];

    public static ComparisonResult Build(IReadOnlyList<VendorOutcome> outcomes, OntologyModel ontology, double minItemConfidence = 0.5)
    {
        var checkedOnes = outcomes.Where(o => o.Result is not null).ToList();
        var typeOrder = ontology.DataTypes.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var types = checkedOnes
            .SelectMany(o => Observed(o.Result!, minItemConfidence).Concat(o.Result!.Claims.SelectMany(c => c.DataTypes)))
            .Where(t => t != OntologyModel.Root)
            .Distinct()
            .OrderBy(t => typeOrder.GetValueOrDefault(t, int.MaxValue)).ThenBy(t => t, StringComparer.Ordinal)
            .ToList();

        var matrix = new List<ComparisonCell>();
        var cards = new List<VendorScorecard>();
        foreach (var outcome in outcomes.OrderBy(o => o.Vendor, StringComparer.Ordinal))
        {
            if (outcome.Result is not { } result)
            {
                cards.Add(new VendorScorecard { Vendor = outcome.Vendor, Status = "failed", Error = outcome.Error });
                continue;
            }
            var observed = Observed(result, minItemConfidence).ToHashSet();
            foreach (var type in types)
            {
                var disclosed = result.Claims.Any(c => c.Polarity == Polarity.Affirmative
                    && c.DataTypes.Any(d => d != OntologyModel.Root && ontology.IsDataTypeUnder(type, d)));
                var worst = result.Findings.Where(f => f.DataType == type).Select(f => f.Kind)
                    .OrderBy(k => Array.IndexOf(s_rank, k)).Select(k => (FindingKind?)k).FirstOrDefault();
                matrix.Add(new ComparisonCell(outcome.Vendor, type, disclosed, observed.Contains(type), worst is { } w ? CheckSummary.Name(w) : null));
            }
            cards.Add(new VendorScorecard
            {
                Vendor = outcome.Vendor,
                Status = "checked",
                Claims = result.Claims.Count,
                Flows = result.Flows.Count,
                Findings = result.Findings.Count,
                High = result.Findings.Count(f => f.Severity == Severity.High),
                Medium = result.Findings.Count(f => f.Severity == Severity.Medium),
                Low = result.Findings.Count(f => f.Severity == Severity.Low),
                ByKind = new SortedDictionary<string, int>(result.Findings.GroupBy(f => CheckSummary.Name(f.Kind))
                    .ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal),
                DataTypesObserved = observed.Order(StringComparer.Ordinal).ToList(),
                DataTypesUndisclosed = result.Findings.Where(f => f.Kind == FindingKind.Undisclosed).Select(f => f.DataType)
                    .Distinct().Order(StringComparer.Ordinal).ToList(),
            });
        }
        return new ComparisonResult { Vendors = cards, DataTypes = types, Matrix = matrix };
    }

    private static IEnumerable<string> Observed(CheckResult result, double minItemConfidence) =>
        result.Flows.SelectMany(f => f.Data).Where(d => d.Confidence >= minItemConfidence).Select(d => d.Type).Distinct();

    /// <summary>One row per vendor × data type (checked vendors), then one row per failed vendor.</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder();
        AssessmentCsv.Row(csv, "vendor", "dataType", "disclosed", "observed", "worstFinding", "status");
        foreach (var cell in Matrix)
            AssessmentCsv.Row(csv, cell.Vendor, cell.DataType, cell.Disclosed ? "yes" : "no", cell.Observed ? "yes" : "no", cell.WorstFinding ?? "", "checked");
        foreach (var failed in Vendors.Where(v => v.Status == "failed"))
            AssessmentCsv.Row(csv, failed.Vendor, "", "", "", "", $"failed: {failed.Error}");
        return csv.ToString();
    }
}
