using Compliance.Engine.Claims;

namespace Compliance.Engine.Tests.Claims;

public class NegationScopeTests
{
    private readonly ClaimExtractor _rules = ClaimExtractor.CreateRulesOnly();

    [Fact]
    public void NegationEndsAtButSoTheSecondPracticeIsAffirmative()
    {
        var claims = _rules.Read("We do not sell your browsing history, but we share it with our advertising partners.");

        Assert.Equal(["browsing-history"], claims.Single("sell", Polarity.Negative).DataTypes);
        Assert.Equal(["advertiser"], claims.Single("share", Polarity.Affirmative).Recipients);
    }

    [Fact]
    public void NegationCarriesOverACoordinatedVerb()
    {
        var claims = _rules.Read("We will never sell your contacts or use them for advertising.");

        claims.Single("sell", Polarity.Negative);
        Assert.Contains("advertising", claims.Single("use", Polarity.Negative).Purposes);
    }

    [Fact]
    public void WillNotUnlessIsAConditionalAffirmative()
    {
        var claim = Assert.Single(_rules.Read("We will not share your health data with third parties unless you give us your consent."));

        Assert.Equal(Polarity.Affirmative, claim.Polarity);
        Assert.Equal(["consent"], claim.Conditions);
    }

    [Fact]
    public void NotRecordedInPrivateModeIsAffirmativeCollectOutsidePrivateMode()
    {
        var claim = Assert.Single(_rules.Read("In private browsing mode, the browser does not record your browsing history."));

        Assert.Equal(("collect", Polarity.Affirmative), (claim.Action, claim.Polarity));
        Assert.Equal(["not-private-mode"], claim.Conditions);
    }

    [Fact]
    public void PlainNegativeKeepsItsRecipientCategory()
    {
        var claim = Assert.Single(_rules.Read("Pinecone does not share your Android ID or IMEI with advertisers."));

        Assert.Equal(Polarity.Negative, claim.Polarity);
        Assert.Equal(["android-id", "imei"], claim.DataTypes);
        Assert.Equal(["advertiser"], claim.Recipients);
    }

    [Fact]
    public void ButNotNamesTheDataThatIsNotShared()
    {
        var claims = _rules.Read("Our analytics provider receives your device model, but not your health data.");

        Assert.Equal(["device-model"], claims.Single("share", Polarity.Affirmative).DataTypes);
        Assert.Equal(["health-data"], claims.Single("share", Polarity.Negative).DataTypes);
    }
}
