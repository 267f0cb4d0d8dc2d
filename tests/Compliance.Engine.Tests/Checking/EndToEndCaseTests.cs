using System.Text.Json;
using Compliance.Engine.Checking;
using Compliance.Engine.Matching;
using Xunit.Abstractions;

namespace Compliance.Engine.Tests.Checking;

/// <summary>
/// The whole pipeline on every development case: real parser, extractor, analyzer and matcher against
/// expected.json — every expected finding reported, nothing of mustNotFind.
/// </summary>
public class EndToEndCaseTests(ITestOutputHelper output)
{
    private static readonly Lazy<ComplianceCheck> s_check = new(ComplianceCheck.CreateDefault);
    private static readonly HashSet<string> s_violations =
        ["contradicted", "condition-violated", "identifiability-violated", "recipient-mismatch", "undisclosed", "policy-conflict"];

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

        var result = s_check.Value.Run(request);

        var reported = result.Findings.Select(f => (Kind: CheckSummary.Name(f.Kind), f.DataType, f.Recipient)).ToHashSet();
        var wanted = expected.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (Kind: f.GetProperty("kind").GetString()!, DataType: f.GetProperty("dataType").GetString()!, Recipient: f.GetProperty("recipient").GetString()!))
            .ToHashSet();
        var extra = reported.Where(r => s_violations.Contains(r.Kind) && !wanted.Contains(r)).ToList();
        output.WriteLine($"{vendorName}: {wanted.Count(reported.Contains)}/{wanted.Count} expected found, {extra.Count} unexpected violations");
        Assert.All(wanted, w => Assert.Contains(w, reported));
        foreach (var forbidden in expected.RootElement.GetProperty("mustNotFind").EnumerateArray())
        {
            var kind = forbidden.GetProperty("kind").GetString();
            var type = forbidden.GetProperty("dataType").GetString();
            Assert.DoesNotContain(reported, r => r.Kind == kind && r.DataType == type);
        }
        Assert.Contains(result.Findings, f => f.Evidence?.Flows.Any(x => x.HostingOrganization is not null) == true || f.Kind == FindingKind.PolicyConflict);
    }
}
