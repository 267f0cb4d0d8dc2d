using Compliance.Engine.Claims;
using Compliance.Engine.Matching;

namespace Compliance.Engine.Tests.Matching;

/// <summary>Policy conflicts, cross-border storage claims, and the evidence a finding carries.</summary>
public sealed class MatcherPolicyTests
{
    [Fact]
    public void UnconditionalAffirmativeAndNegativeAboutTheSameTypeConflict()
    {
        var finding = Assert.Single(new Scenario().Says("share", "android-id", "advertiser").Denies("share", "device-id", "third-party").Match());
        Assert.Equal((FindingKind.PolicyConflict, "android-id", "advertiser"), (finding.Kind, finding.DataType, finding.Recipient));
        Assert.Empty(finding.FlowIds);
    }

    [Theory]
    [InlineData("setting-enabled:beacon", "")]
    [InlineData("", "aggregated,anonymized")]
    [InlineData("", "encrypted")]
    public void ConditionalOrQualifiedAffirmativeDoesNotConflict(string conditions, string qualifiers)
    {
        var findings = new Scenario().Says("share", "precise-location", "third-party", conditions, qualifiers)
            .Denies("share", "precise-location", "advertiser").Match();
        Assert.Empty(findings);
    }

    [Fact]
    public void SharingDoesNotConflictWithNotSelling()
    {
        Assert.Empty(new Scenario().Says("share", "advertising-id", "advertiser").Denies("sell", "personal-data", "third-party").Match());
    }

    [Fact]
    public void ConflictAcrossDocumentsNamesTheDocumentOfEachQuote()
    {
        var statement = new DocumentRef { Kind = DocumentKind.PublicStatement, Title = "Press statement" };
        var finding = Assert.Single(new Scenario().Says("collect", "browsing-history", document: new DocumentRef { Kind = DocumentKind.PrivacyPolicy, Title = "Browser Privacy Policy" })
            .Denies("collect", "browsing-history", document: statement).Match());
        Assert.Contains("(Press statement)", finding.Explanation, StringComparison.Ordinal);
        Assert.Contains("(Browser Privacy Policy)", finding.Explanation, StringComparison.Ordinal);
        Assert.Equal([DocumentKind.PrivacyPolicy, DocumentKind.PublicStatement], finding.Evidence!.Quotes.Select(q => q.DocumentKind));
    }

    [Fact]
    public void FlowToAServerOutsideTheStatedRegionsIsARecipientMismatchNamingTheCountries()
    {
        var findings = new Scenario().Says("collect", "email-address").Says("store", "personal-data", "service-provider", regions: "EU")
            .Sends("api.vendor.test", "first-party", country: "US", hosting: "Amazon Web Services", items: "email-address")
            .Of(FindingKind.RecipientMismatch);
        var finding = Assert.Single(findings);
        Assert.Equal(["US"], finding.Countries);
        Assert.Contains("United States", finding.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void ServerInsideAStatedRegionIsNoMismatch()
    {
        var findings = new Scenario().Says("collect", "email-address").Says("store", "personal-data", "service-provider", regions: "EU")
            .Sends("api.vendor.test", "first-party", country: "DE", items: "email-address").Of(FindingKind.RecipientMismatch);
        Assert.Empty(findings);
    }

    [Fact]
    public void ATransferClaimAloneDoesNotMakeAServerElsewhereAMismatch()
    {
        var findings = new Scenario().Says("collect", "email-address").Says("transfer-abroad", "personal-data", "first-party", regions: "US")
            .Sends("api.vendor.test", "first-party", country: "DE", items: "email-address").Of(FindingKind.RecipientMismatch);
        Assert.Empty(findings);
    }

    [Fact]
    public void IdentifiersAreMaskedInEvidenceAndExplanation()
    {
        var finding = Assert.Single(new Scenario().Denies("collect", "android-id")
            .Sends("t.vendor.test", "first-party", hosting: "Alibaba Cloud", country: "SG", items: "android-id=535690849e7a6ded").Match());
        Assert.DoesNotContain("535690849e7a6ded", finding.Explanation, StringComparison.Ordinal);
        Assert.Contains("5356••••6ded", finding.Explanation, StringComparison.Ordinal);
        Assert.Contains("rented from Alibaba Cloud in Singapore", finding.Explanation, StringComparison.Ordinal);
        var item = Assert.Single(Assert.Single(finding.Evidence!.Flows).Items);
        Assert.Equal("5356••••6ded", item.Value);
    }

    [Fact]
    public void FindingsAreSortedBySeverityAndNumberedInThatOrder()
    {
        var findings = new Scenario().Says("collect", "device-model").Denies("collect", "imei")
            .Sends("t.vendor.test", "first-party", items: ["device-model", "imei", "network-info"]).Match();
        Assert.Equal([FindingKind.Contradicted, FindingKind.Undisclosed, FindingKind.Consistent], findings.Select(f => f.Kind));
        Assert.Equal(["x-1", "x-2", "x-3"], findings.Select(f => f.Id));
    }
}
