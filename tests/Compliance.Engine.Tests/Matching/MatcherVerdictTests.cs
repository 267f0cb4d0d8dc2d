using Compliance.Engine.Matching;
using Compliance.Engine.Traffic;

namespace Compliance.Engine.Tests.Matching;

/// <summary>Each finding kind from small hand-built claims and flows, following the dev cases' labelling rules.</summary>
public sealed class MatcherVerdictTests
{
    private static readonly TrafficContext s_privateSyncOff = new() { PrivateMode = true, Settings = new Dictionary<string, string> { ["sync"] = "off" } };

    [Fact]
    public void NegativeClaimAboutAParentTypeContradictsTheChild()
    {
        var findings = new Scenario().Denies("collect", "device-id").Sends("t.vendor.test", "first-party", items: "imei#=ab12cd34ef56").Of(FindingKind.Contradicted);
        Assert.Equal("imei", Assert.Single(findings).DataType);
    }

    [Fact]
    public void BroadNegativeSellContradictsAFlowToADataBroker()
    {
        var findings = new Scenario().Denies("sell", "personal-data", "third-party").Sends("db.test", "data-broker", items: "email-address").Of(FindingKind.Contradicted);
        Assert.Single(findings);
    }

    [Fact]
    public void NegativeSellDoesNotCoverDisclosedSharingWithAnAdvertiser()
    {
        var findings = new Scenario().Denies("sell", "personal-data", "third-party").Says("share", "advertising-id", "advertiser")
            .Sends("ads.test", "advertiser", items: "advertising-id").Match();
        Assert.Equal(FindingKind.Consistent, Assert.Single(findings).Kind);
    }

    [Fact]
    public void NegativeFirstPartyClaimDoesNotCoverAnAdvertiser()
    {
        var findings = new Scenario().Denies("collect", "android-id").Sends("ads.test", "advertiser", items: "android-id").Match();
        Assert.DoesNotContain(findings, f => f.Kind == FindingKind.Contradicted);
    }

    [Fact]
    public void ConditionalClaimsAllShownFalseAreConditionViolated()
    {
        var findings = new Scenario().Says("sync", "browsing-history", conditions: "signed-in,setting-enabled:sync")
            .Says("collect", "browsing-history", conditions: "not-private-mode")
            .Sends("t.vendor.test", "first-party", s_privateSyncOff, items: "browsing-history").Of(FindingKind.ConditionViolated);
        var finding = Assert.Single(findings);
        Assert.Equal(["c-1", "c-2"], finding.ClaimIds);
    }

    [Fact]
    public void UnknownConditionIsNotViolatedAndTheFindingNamesTheFactToRecord()
    {
        var findings = new Scenario().Says("sync", "browsing-history", conditions: "setting-enabled:sync")
            .Sends("t.vendor.test", "first-party", new TrafficContext { PrivateMode = true }, items: "browsing-history").Match();
        var finding = Assert.Single(findings);
        Assert.Equal(FindingKind.Consistent, finding.Kind);
        Assert.Equal(["settings.sync"], finding.MissingContext);
    }

    [Fact]
    public void UserInitiatedConditionNeverCountsAsViolated()
    {
        var findings = new Scenario().Says("collect", "usage-statistics", conditions: "user-initiated")
            .Sends("crash.vendor.test", "first-party", s_privateSyncOff, items: "usage-statistics").Of(FindingKind.ConditionViolated);
        Assert.Empty(findings);
    }

    [Fact]
    public void OneSatisfiedConditionalClaimIsEnoughToAllowTheFlow()
    {
        var findings = new Scenario().Says("sync", "browsing-history", conditions: "setting-enabled:sync")
            .Says("collect", "browsing-history", conditions: "not-private-mode")
            .Sends("t.vendor.test", "first-party", new TrafficContext { PrivateMode = false, Settings = new Dictionary<string, string> { ["sync"] = "off" } },
                items: "browsing-history").Match();
        Assert.Equal(FindingKind.Consistent, Assert.Single(findings).Kind);
    }

    [Fact]
    public void AMoreSpecificConditionalClaimOutranksABroaderUnconditionalOne()
    {
        var findings = new Scenario().Says("collect", "device-info").Says("collect", "device-model", conditions: "consent")
            .Sends("t.vendor.test", "first-party", new TrafficContext { Consent = "declined" }, items: "device-model").Of(FindingKind.ConditionViolated);
        Assert.Equal(["c-2"], Assert.Single(findings).ClaimIds);
    }

    [Fact]
    public void AConditionalTransmissionClaimOutranksAnUnconditionalUseOfTheSameData()
    {
        var findings = new Scenario().Says("use", "browsing-history").Says("sync", "browsing-history", conditions: "setting-enabled:sync")
            .Sends("sync.vendor.test", "first-party", s_privateSyncOff, items: "browsing-history").Of(FindingKind.ConditionViolated);
        Assert.Equal(["c-2"], Assert.Single(findings).ClaimIds);
    }

    [Fact]
    public void AnUnconditionalUseClaimStillDisclosesDataNoTransmissionClaimNames()
    {
        var findings = new Scenario().Says("use", "browsing-history").Sends("t.vendor.test", "first-party", items: "browsing-history").Match();
        Assert.Equal(FindingKind.Consistent, Assert.Single(findings).Kind);
    }

    [Fact]
    public void AggregatedPromiseWithAPersistentIdentifierInTheSameRequestIsIdentifiabilityViolated()
    {
        var findings = new Scenario().Says("collect", "app-activity", qualifiers: "aggregated,non-identifying")
            .Sends("t.vendor.test", "first-party", items: ["app-activity=opened settings", "imei#=0f1e2d3c4b5a69788796a5b4c3d2e1f0"])
            .Of(FindingKind.IdentifiabilityViolated);
        Assert.Equal("app-activity", Assert.Single(findings).DataType);
    }

    [Fact]
    public void AggregatedPromiseWithoutAnIdentifierIsKept()
    {
        var findings = new Scenario().Says("collect", "usage-statistics", qualifiers: "aggregated")
            .Sends("perf.vendor.test", "first-party", items: "usage-statistics").Match();
        Assert.Equal(FindingKind.Consistent, Assert.Single(findings).Kind);
    }

    [Fact]
    public void AnIdentifierInAnotherRequestOfTheSameSessionMakesTheItemIdentifiable()
    {
        var findings = new Scenario().Says("collect", "app-activity", qualifiers: "anonymized").Says("collect", "android-id,cookie-id")
            .Sends("t.vendor.test", "first-party", items: ["app-activity=tap", "cookie-id=install-7f3a9c"])
            .Sends("t.vendor.test", "first-party", items: ["cookie-id=install-7f3a9c", "android-id=535690849e7a6ded"])
            .Of(FindingKind.IdentifiabilityViolated);
        var finding = Assert.Single(findings);
        Assert.Equal(["f-1"], finding.FlowIds);
        Assert.Contains("same session", finding.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("email-address=jordan.meyer@example.com", 1)]
    [InlineData("email-address#=9f86d081884c7d659a2feaa0c55ad015", 0)]
    public void AHashingPromiseIsBrokenByTheRawValueOnly(string item, int expected)
    {
        var findings = new Scenario().Says("share", "email-address", "advertiser", qualifiers: "hashed")
            .Sends("ads.test", "advertiser", items: item).Of(FindingKind.IdentifiabilityViolated);
        Assert.Equal(expected, findings.Count);
    }

    [Theory]
    [InlineData("pseudonymized")]
    [InlineData("encrypted")]
    public void PseudonymizedAndEncryptedAreNotIdentifiabilityPromises(string qualifier)
    {
        var findings = new Scenario().Says("collect", "app-activity", qualifiers: qualifier)
            .Sends("t.vendor.test", "first-party", items: ["app-activity", "account-id=48213377"]).Of(FindingKind.IdentifiabilityViolated);
        Assert.Empty(findings);
    }

    [Fact]
    public void TypeDisclosedOnlyForTheFirstPartyIsARecipientMismatchForAnAdvertiser()
    {
        var findings = new Scenario().Says("collect", "precise-location").Sends("ads.test", "advertiser", items: "precise-location").Match();
        var finding = Assert.Single(findings);
        Assert.Equal((FindingKind.RecipientMismatch, "advertiser"), (finding.Kind, finding.Recipient));
    }

    [Fact]
    public void ClaimNamingThirdPartiesCoversAnAdvertiser()
    {
        var findings = new Scenario().Says("share", "coarse-location", "third-party").Sends("ads.test", "advertiser", items: "coarse-location").Match();
        Assert.Equal(FindingKind.Consistent, Assert.Single(findings).Kind);
    }

    [Fact]
    public void TypeNoClaimNamesIsUndisclosed()
    {
        var findings = new Scenario().Says("collect", "email-address").Sends("sdk.test", "analytics-provider", items: "network-info").Match();
        Assert.Equal(FindingKind.Undisclosed, Assert.Single(findings).Kind);
    }

    [Fact]
    public void BroadAffirmativeForTheRecipientMakesTheFlowVagueNotUndisclosed()
    {
        var findings = new Scenario().Says("share", "personal-data", "third-party").Sends("sdk.test", "analytics-provider", items: "network-info").Match();
        Assert.Equal(FindingKind.Vague, Assert.Single(findings).Kind);
    }

    [Fact]
    public void BroadAffirmativeForAnotherRecipientLeavesTheFlowUndisclosed()
    {
        var findings = new Scenario().Says("store", "personal-data", "service-provider").Sends("ads.test", "advertiser", items: "android-id").Match();
        Assert.Equal(FindingKind.Undisclosed, Assert.Single(findings).Kind);
    }

    [Fact]
    public void NegativeOutranksAVagueAffirmativeAndQuotesBoth()
    {
        var findings = new Scenario().Says("collect", "personal-data").Denies("collect", "android-id")
            .Sends("t.vendor.test", "first-party", items: "android-id").Match();
        var finding = Assert.Single(findings);
        Assert.Equal(FindingKind.Contradicted, finding.Kind);
        Assert.Equal(["c-1", "c-2"], finding.ClaimIds);
    }

    [Fact]
    public void ItemsBelowTheConfidenceThresholdAreIgnored()
    {
        var findings = new Scenario().Sends("sdk.test", "analytics-provider", confidence: 0.4, items: "network-info").Match();
        Assert.Empty(findings);
    }

    [Fact]
    public void FlowsOfOneKindTypeAndRecipientAreGroupedIntoOneFindingInInputOrder()
    {
        var scenario = new Scenario();
        for (var i = 0; i < 12; i++)
            scenario.Sends(i % 2 == 0 ? "a.sdk.test" : "b.sdk.test", "analytics-provider", items: "network-info");
        var finding = Assert.Single(scenario.Match());
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"f-{i}"), finding.FlowIds);
    }
}
