using System.Text;
using Compliance.Engine.Checking;

namespace Compliance.Engine.Tests.Checking;

public sealed class ContextFileTests
{
    private static Engine.Traffic.TrafficContext Parse(string json) => ContextFile.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void ContractExampleIsReadWithEveryField()
    {
        var context = Parse("""
            { "app": "com.example.browser", "privateMode": true, "signedIn": false, "consent": "declined", "foreground": true,
              "settings": { "sync": "off" }, "knownValues": { "imei": ["490154203237518"], "email-address": ["a@b.org"] } }
            """);
        Assert.Equal((true, false, "declined", true), (context.PrivateMode, context.SignedIn, context.Consent, context.Foreground));
        Assert.False(context.Setting("sync"));
        Assert.Equal(["490154203237518"], context.KnownValues!["imei"]);
    }

    [Fact]
    public void MissingFieldsStayUnknownNotFalse()
    {
        var context = Parse("""{ "app": "x" }""");
        Assert.Null(context.PrivateMode);
        Assert.Null(context.Setting("sync"));
    }

    [Fact]
    public void BooleanSettingsAndASingleKnownValueAreAccepted()
    {
        var context = Parse("""{ "settings": { "sync": true, "beacon": false }, "knownValues": { "imei": "490154203237518" } }""");
        Assert.Equal((true, false), (context.Setting("sync"), context.Setting("beacon")));
        Assert.Single(context.KnownValues!["imei"]);
    }

    [Theory]
    [InlineData("<html>")]
    [InlineData("[1, 2]")]
    [InlineData("""{ "settings": [1] }""")]
    public void UnusableContextIsAOneLineFormatError(string json)
    {
        var error = Assert.Throws<ContextFormatException>(() => Parse(json));
        Assert.DoesNotContain('\n', error.Message);
    }
}
