using Compliance.Engine.Claims;

namespace Compliance.Engine.Tests.Claims;

public class ConditionTests
{
    private readonly ClaimExtractor _rules = ClaimExtractor.CreateRulesOnly();

    [Theory]
    [InlineData("Your bookmarks are synced to our servers when you turn on Sync.", "setting-enabled:sync")]
    [InlineData("We use your viewing history to choose ads until you opt out of Personalized Ads.", "setting-enabled:personalized-ads")]
    [InlineData("If Location History is enabled, we store the places you visit.", "setting-enabled:location-history")]
    [InlineData("With Cloud Backup turned on, your notes are stored on our servers.", "setting-enabled:backup")]
    [InlineData("The app reports crash logs unless you disable 'Send crash reports'.", "setting-enabled:diagnostics")]
    [InlineData("We collect your precise location only while the app is open.", "app-in-use")]
    [InlineData("Crash reports are sent only after you tap Send.", "user-initiated")]
    [InlineData("Your reading list is synced while you are signed in.", "signed-in")]
    [InlineData("With your consent, we share your email address with our newsletter provider.", "consent")]
    [InlineData("If you join the research programme, we collect your sleep data.", "opt-in")]
    public void ConditionIsReadFromTheSentence(string sentence, string condition)
    {
        var claims = _rules.Read(sentence);

        Assert.Contains(claims, c => c.Conditions.Contains(condition));
    }

    [Fact]
    public void DisabledByDefaultNamesNoSetting()
    {
        var claims = _rules.Read("The face grouping feature collects your photos and is disabled by default.");

        Assert.DoesNotContain(claims, c => c.Conditions.Any(x => x.Contains("by-default", StringComparison.Ordinal)));
    }

    [Fact]
    public void ConditionOfOneClauseDoesNotLeakIntoAnother()
    {
        var claims = _rules.Read("Your passwords are saved on your device and, if Sync is on, synced with your account.");

        Assert.Empty(claims.Single("store", Polarity.Affirmative).Conditions);
        Assert.Equal(["setting-enabled:sync"], claims.Single("sync", Polarity.Affirmative).Conditions);
    }

    [Fact]
    public void SocialLoginIsNotASignedInCondition()
    {
        var claim = Assert.Single(_rules.Read("When you log in with Facebook, we receive your name and profile picture."));

        Assert.DoesNotContain("signed-in", claim.Conditions);
    }
}
