using System.Text.Json;
using Compliance.Engine.Checking;
using Compliance.Engine.Matching;
using Xunit.Abstractions;

namespace Compliance.Engine.Tests.Checking;

/// <summary>
/// The whole pipeline on every development case against expected.json: real parser, the shipped learned extractor
/// (which never saw these cases), analyzer and matcher. The matcher alone is pinned exactly on the cases' labelled
/// claims (DevCaseMatchingTests); here the floor is the measured end-to-end result that ml-models/MODEL_CARD.md
/// reports: at least half of each case's expected findings, and at most a fifth of its must-not-find list.
/// </summary>
public class EndToEndCaseTests(ITestOutputHelper output)
{
    private static readonly Lazy<ComplianceCheck> s_check = new(ComplianceCheck.CreateDefault);

    public static TheoryData<string> Vendors()
    {
        var data = new TheoryData<string>();
        using var manifest = JsonDocument.Parse(File.ReadAllText(SharedData.Path("cases", "vendors.json")));
        foreach (var vendor in manifest.RootElement.GetProperty("vendors").EnumerateArray())
            data.Add(vendor.GetProperty("name").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Vendors))]
    public void CaseFindingsMatchExpectations(string vendorName)
    {
        var (result, wanted, forbidden) = Run(s_check.Value, vendorName);

        var reported = result.Findings.Select(f => (Kind: CheckSummary.Name(f.Kind), f.DataType, f.Recipient)).ToHashSet();
        var found = wanted.Count(reported.Contains);
        var hits = forbidden.Where(f => reported.Any(r => r.Kind == f.Kind && r.DataType == f.DataType)).ToList();
        output.WriteLine($"{vendorName}: {found}/{wanted.Count} expected found, {hits.Count}/{forbidden.Count} must-not-find reported");
        Assert.True(2 * found >= wanted.Count, $"{found}/{wanted.Count} expected findings");
        Assert.True(5 * hits.Count <= forbidden.Count, $"must-not-find reported: {string.Join(", ", hits)}");
        Assert.Contains(result.Findings, f => f.Evidence?.Flows.Any(x => x.HostingOrganization is not null) == true || f.Kind == FindingKind.PolicyConflict);
    }

    private static (CheckResult Result, HashSet<(string Kind, string DataType, string Recipient)> Wanted, List<(string Kind, string DataType)> Forbidden) Run(
        ComplianceCheck check, string vendorName)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(SharedData.Path("cases", "vendors.json")));
        var vendor = manifest.RootElement.GetProperty("vendors").EnumerateArray().Single(v => v.GetProperty("name").GetString() == vendorName);
        var policy = vendor.GetProperty("policy").GetString()!;
        var request = new CheckRequest
        {
            Vendor = vendorName,
            VendorDomains = vendor.GetProperty("domains").EnumerateArray().Select(d => d.GetString()!).ToList(),
            Policies = [new PolicyInput(Path.GetFileName(policy), File.ReadAllBytes(SharedData.Path("cases", policy)))],
            Captures = vendor.GetProperty("traffic").EnumerateArray().Select(t =>
            {
                var har = SharedData.Path("cases", t.GetProperty("file").GetString()!);
                var context = ContextFile.Parse(File.ReadAllBytes(SharedData.Path("cases", t.GetProperty("context").GetString()!)));
                return CaptureInput.FromBytes(Path.GetFileName(har), File.ReadAllBytes(har), context);
            }).ToList(),
        };
        using var expected = JsonDocument.Parse(File.ReadAllText(SharedData.Path("cases", Path.GetDirectoryName(policy)!, "expected.json")));

        var result = check.Run(request);
        var wanted = expected.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (Kind: f.GetProperty("kind").GetString()!, DataType: f.GetProperty("dataType").GetString()!, Recipient: f.GetProperty("recipient").GetString()!))
            .ToHashSet();
        var forbidden = expected.RootElement.GetProperty("mustNotFind").EnumerateArray()
            .Select(f => (Kind: f.GetProperty("kind").GetString()!, DataType: f.GetProperty("dataType").GetString()!))
            .ToList();
        return (result, wanted, forbidden);
    }
}
