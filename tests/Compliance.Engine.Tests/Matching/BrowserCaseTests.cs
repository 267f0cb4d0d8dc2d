using Compliance.Engine.Matching;
using Compliance.Engine.Ontology;
using Xunit.Abstractions;

namespace Compliance.Engine.Tests.Matching;

/// <summary>The acceptance points of the motivating browser case (issue "Matching").</summary>
public sealed class BrowserCaseTests(ITestOutputHelper output)
{
    private readonly IReadOnlyList<Finding> _findings = Run();

    private static IReadOnlyList<Finding> Run()
    {
        var devCase = DevCase.Load("browser-phone-maker");
        return new Matcher(OntologyModel.Default).Match(devCase.Claims, devCase.Flows);
    }

    [Theory]
    [InlineData("browsing-history")]
    [InlineData("search-query")]
    public void IncognitoUploadIsConditionViolatedAndQuotesEveryConditionalPromise(string dataType)
    {
        var finding = Single(FindingKind.ConditionViolated, dataType);
        Assert.Contains("private mode", finding.Explanation, StringComparison.Ordinal);
        Assert.All(finding.Evidence!.Quotes, q => Assert.Contains(q.ClaimId, finding.ClaimIds));
        Assert.Contains(finding.Evidence.Quotes, q => q.Sentence.Contains("Incognito", StringComparison.Ordinal));
    }

    [Fact]
    public void BrowsingHistoryQuotesBothTheSyncAndTheIncognitoPromise()
    {
        var finding = Single(FindingKind.ConditionViolated, "browsing-history");
        Assert.Contains(finding.Evidence!.Quotes, q => q.Sentence.Contains("Sync", StringComparison.Ordinal));
        Assert.Contains("Sync was off", finding.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void HashedImeiIsContradictedAndTheHostingOrganisationIsNamed()
    {
        var finding = Single(FindingKind.Contradicted, "imei");
        Assert.Contains("Alibaba Cloud", finding.Explanation, StringComparison.Ordinal);
        Assert.All(finding.Evidence!.Flows, f => Assert.Equal("Alibaba Cloud", f.HostingOrganization));
    }

    [Fact]
    public void AppActivityWithThePersistentImeiHashIsIdentifiabilityViolated()
    {
        var finding = Single(FindingKind.IdentifiabilityViolated, "app-activity");
        Assert.Contains("IMEI", finding.Explanation, StringComparison.Ordinal);
        Assert.Contains(finding.Evidence!.Flows, f => f.Items.Any(i => i.Role == "identifier" && i.Type == "imei"));
    }

    [Fact]
    public void FindingsOfOneKindTypeAndRecipientAreGroupedAcrossCaptures()
    {
        var finding = Single(FindingKind.Contradicted, "android-id");
        var captures = finding.Evidence!.Flows.Select(f => f.Capture).Distinct().Count();
        Assert.Equal(2, captures);
        foreach (var f in _findings)
            output.WriteLine($"{f.Id} {f.Kind} {f.DataType} {f.Recipient} {f.Confidence} [{string.Join(",", f.MissingContext)}]: {f.Explanation}");
    }

    private Finding Single(FindingKind kind, string dataType) =>
        Assert.Single(_findings, f => f.Kind == kind && f.DataType == dataType && f.Recipient == "first-party");
}
