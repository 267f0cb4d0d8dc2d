using System.Text;
using System.Text.Json;
using Compliance.Engine.Checking;
using Compliance.Engine.Traffic;

namespace Compliance.Engine.Tests.Checking;

public sealed class ComplianceCheckTests
{
    private static readonly byte[] s_policy = Encoding.UTF8.GetBytes("We collect your email address. We do not sell your personal information.");
    private static readonly byte[] s_har = Encoding.UTF8.GetBytes("""{ "log": { "version": "1.2", "entries": [] } }""");

    private static CheckRequest Request(TrafficContext? context = null) => new()
    {
        Vendor = "Example Vendor",
        VendorDomains = ["example-vendor.test"],
        Policies = [new PolicyInput("policy.txt", s_policy), new PolicyInput("statement.txt", s_policy)],
        Captures = [CaptureInput.FromBytes("a.har", s_har, context), CaptureInput.FromBytes("b.har", s_har)],
    };

    [Fact]
    public void JsonCarriesTheContractFields()
    {
        var json = JsonSerializer.Serialize(ComplianceCheck.CreateDefault().Run(Request()), EngineJson.Options);
        using var document = JsonDocument.Parse(json);
        foreach (var field in new[] { "vendor", "claims", "flows", "findings", "summary" })
            Assert.True(document.RootElement.TryGetProperty(field, out _), field);
    }

    [Fact]
    public void SameInputGivesByteIdenticalJson()
    {
        var check = ComplianceCheck.CreateDefault();
        var first = JsonSerializer.Serialize(check.Run(Request()), EngineJson.Options);
        Assert.Equal(first, JsonSerializer.Serialize(check.Run(Request()), EngineJson.Options));
    }

    [Fact]
    public void EachCaptureKeepsItsOwnContextAndDocumentsTheirFileNames()
    {
        var result = ComplianceCheck.CreateDefault().Run(Request(new TrafficContext { PrivateMode = true }));
        Assert.True(result.Captures[0].Context.PrivateMode);
        Assert.Null(result.Captures[1].Context.PrivateMode);
        Assert.Equal(["policy.txt", "statement.txt"], result.Documents.Select(d => d.FileName));
        Assert.Equal((2, 2), (result.Summary.Documents, result.Summary.Captures));
    }

    [Fact]
    public void ClaimIdsAreUniqueAcrossDocuments()
    {
        var result = ComplianceCheck.CreateDefault().Run(Request());
        Assert.Equal(result.Claims.Count, result.Claims.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void ACheckWithoutDocumentsIsBadInput()
    {
        var request = Request() with { Policies = [] };
        Assert.Throws<CheckInputException>(() => ComplianceCheck.CreateDefault().Run(request));
    }
}
