using Compliance.Engine.Claims.Learned;

namespace Compliance.Engine.Tests.Claims;

public class SettingNameTests
{
    [Theory]
    [InlineData("unless you switch off Settings > Privacy > Share Listening Stats", "share-listening-stats")]
    [InlineData("if you enable 'Improve Route Suggestions'", "improve-route-suggestions")]
    [InlineData("when Garden Camera Cloud is on", "garden-camera-cloud")]
    [InlineData("until you turn off smart replies in the app", "smart-replies")]
    [InlineData("if you turn on “Trip Replay”", "trip-replay")]
    public void NamesComeFromPathsQuotesCapitalsOrTheSwitchedWords(string phrase, string expected) =>
        Assert.Equal(expected, SettingName.Of(phrase));

    [Theory]
    [InlineData("if you turn on Wardrobe Sync", "sync")]
    [InlineData("unless you disable 'Send crash reports'", "diagnostics")]
    [InlineData("if you tick Help Improve Lumen", "diagnostics")]
    [InlineData("until you switch off Interest-Based Advertising", "personalized-ads")]
    [InlineData("if Photo Backup is turned on", "backup")]
    [InlineData("while Location History is enabled", "location-history")]
    [InlineData("until you turn off Personalized ads in Settings > Privacy & security", "personalized-ads")]
    [InlineData("If you turn on Search suggestions", "search-suggestions")]
    [InlineData("unless you opt out in Settings > Privacy > Tailored Ads", "personalized-ads")]
    public void CommonKindsKeepOneName(string phrase, string expected) =>
        Assert.Equal(expected, SettingName.Of(phrase));

    [Theory]
    [InlineData("with your permission")]
    [InlineData("only while the app is open")]
    public void PhrasesWithoutASettingNameNone(string phrase) => Assert.Null(SettingName.Of(phrase));
}
