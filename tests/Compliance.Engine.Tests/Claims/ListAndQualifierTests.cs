using Compliance.Engine.Claims;

namespace Compliance.Engine.Tests.Claims;

public class ListAndQualifierTests
{
    private readonly ClaimExtractor _rules = ClaimExtractor.CreateRulesOnly();

    [Fact]
    public void ColonListYieldsEveryItemsType()
    {
        var claim = Assert.Single(_rules.Read("We collect: your name, email address, phone number and IP address."));

        Assert.Equal(["name", "email-address", "phone-number", "ip-address"], claim.DataTypes);
    }

    [Fact]
    public void SuchAsListsTheParentAndTheChild()
    {
        var claim = Assert.Single(_rules.Read("We collect device identifiers, such as your Android ID."));

        Assert.Equal(["device-id", "android-id"], claim.DataTypes);
    }

    [Fact]
    public void ProtectionQualifiersAreRead()
    {
        var claim = Assert.Single(_rules.Read("We share aggregated and anonymized statistics about your workouts with partners, which cannot be used to identify you."));

        Assert.Equal(["aggregated", "anonymized", "non-identifying"], claim.Qualifiers);
    }

    [Fact]
    public void HashedBeforeSharingIsAQualifierOfTheShare()
    {
        var claim = Assert.Single(_rules.Read("Email addresses are hashed before they are shared with advertisers."));

        Assert.Equal("share", claim.Action);
        Assert.Equal(["hashed"], claim.Qualifiers);
    }

    [Fact]
    public void NeverLeavesTheDeviceIsOnDeviceOnly()
    {
        var claim = Assert.Single(_rules.Read("Your fingerprint data is stored on your phone and never leaves the device."));

        Assert.Equal(["on-device-only"], claim.Qualifiers);
    }

    [Theory]
    [InlineData("We share your advertising ID with AppsFlyer.", "advertiser")]
    [InlineData("We share your workouts with Strava when you tap Share.", "social-network")]
    [InlineData("Payment details are processed by Stripe.", "service-provider")]
    [InlineData("We may disclose your data to law enforcement.", "government")]
    public void NamedCompanyOrPartyMapsToItsCategory(string sentence, string recipient) =>
        Assert.Contains(recipient, Assert.Single(_rules.Read(sentence)).Recipients);

    [Theory]
    [InlineData("This policy was last updated on 1 May 2024.")]
    [InlineData("You can contact our Data Protection Officer by email.")]
    [InlineData("You may have the right to access, correct or delete your personal data.")]
    public void SentenceWithoutAPracticeYieldsNoClaim(string sentence) => Assert.Empty(_rules.Read(sentence));

    [Fact]
    public void ClaimsCarryTheirSentencesSpanSectionAndOrderedIds()
    {
        var claims = _rules.Read("We collect your email address.", "We sell nothing.", "We store your photos.");

        Assert.Equal(["c-1", "c-2"], claims.Select(c => c.Id));
        Assert.Equal((48, 69, "Test"), (claims[1].Span.Start, claims[1].Span.End, claims[1].Section));
    }
}
