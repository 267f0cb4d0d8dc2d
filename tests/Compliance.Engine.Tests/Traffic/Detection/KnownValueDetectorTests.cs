using System.Security.Cryptography;
using System.Text;
using Compliance.Engine.Traffic;
using Compliance.Engine.Traffic.Detection;
using static Compliance.Engine.Tests.Traffic.Detection.Values;

namespace Compliance.Engine.Tests.Traffic.Detection;

public sealed class KnownValueDetectorTests
{
    private static readonly KnownValueDetector s_detector = new(new TrafficContext
    {
        KnownValues = new Dictionary<string, IReadOnlyList<string>>
        {
            ["email-address"] = ["Jordan.Meyer@example.com"],
            ["mac-address"] = ["5c:e8:83:d2:71:b2"],
            ["device-model"] = ["Pixel 6a"],
        },
    });

    [Theory]
    [InlineData("Jordan.Meyer@example.com")]
    [InlineData("jordan.meyer@example.com")]
    [InlineData("JORDAN.MEYER@EXAMPLE.COM")]
    [InlineData("Jordan.Meyer%40example.com")]
    [InlineData("Sm9yZGFuLk1leWVyQGV4YW1wbGUuY29t")]
    [InlineData("4A6F7264616E2E4D65796572406578616D706C652E636F6D")]
    public void PlainAndEncodedFormsAreFound(string sent)
    {
        var item = Assert.Single(Run(s_detector, At("u", sent)));
        Assert.Equal("email-address", item.Type);
        Assert.False(item.Hashed);
    }

    [Fact]
    public void Sha256OfTheLowerCaseAddressIsAHashedEmail()
    {
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("jordan.meyer@example.com"))).ToLowerInvariant();
        var item = Assert.Single(Run(s_detector, At("em", digest)));
        Assert.True(item.Hashed);
        Assert.Equal("email-address", item.Type);
    }

    [Fact]
    public void MacWithoutSeparatorsIsFound() =>
        Assert.Equal("mac-address", Assert.Single(Run(s_detector, At("m", "5CE883D271B2"))).Type);

    [Fact]
    public void ValueInsideALongerTextIsFoundOnlyAtWordBoundaries()
    {
        Assert.Single(Run(s_detector, At("device", "Google Pixel 6a")));
        Assert.Empty(Run(s_detector, At("device", "Google Pixel 6ab")));
    }
}
