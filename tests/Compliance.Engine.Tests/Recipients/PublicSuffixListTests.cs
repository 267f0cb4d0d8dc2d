using Compliance.Engine.Recipients;

namespace Compliance.Engine.Tests.Recipients;

public class PublicSuffixListTests
{
    private static readonly PublicSuffixList Shipped = PublicSuffixList.Shipped;

    [Theory]
    [InlineData("www.bbc.co.uk", "bbc.co.uk")]
    [InlineData("assets.nhs.uk", "assets.nhs.uk")]
    [InlineData("a.b.example.com.cn", "example.com.cn")]
    [InlineData("shop.example.com.sg", "example.com.sg")]
    [InlineData("cdn.news.com.au", "news.com.au")]
    [InlineData("www.example.co.jp", "example.co.jp")]
    [InlineData("googleads.g.doubleclick.net", "doubleclick.net")]
    [InlineData("example.com", "example.com")]
    [InlineData("WWW.Example.COM.", "example.com")]
    [InlineData("api.example.dev:8443", "example.dev")]
    public void RegistrableDomainIsSuffixPlusOneLabel(string host, string expected) =>
        Assert.Equal(expected, Shipped.RegistrableDomain(host));

    [Fact]
    public void PrivateSuffixGivesEachCustomerItsOwnDomain() =>
        Assert.Equal("d2k4xq9rlv7b1f.cloudfront.net", Shipped.RegistrableDomain("d2k4xq9rlv7b1f.cloudfront.net"));

    [Theory]
    [InlineData("co.uk")]
    [InlineData("com")]
    [InlineData("cloudfront.net")]
    [InlineData("192.168.1.10")]
    [InlineData("2001:db8::1")]
    public void SuffixesAndAddressesHaveNoRegistrableDomain(string host) =>
        Assert.Null(Shipped.RegistrableDomain(host));

    [Fact]
    public void WildcardRuleMakesEveryChildASuffix()
    {
        Assert.Equal("school.sch.uk", Shipped.PublicSuffix("www.school.sch.uk"));
        Assert.Equal("pupils.school.sch.uk", Shipped.RegistrableDomain("www.pupils.school.sch.uk"));
    }

    [Fact]
    public void ExceptionRuleBeatsTheWildcard()
    {
        Assert.Equal("city.kawasaki.jp", Shipped.RegistrableDomain("www.city.kawasaki.jp"));
        Assert.Equal("other.kawasaki.jp", Shipped.PublicSuffix("www.other.kawasaki.jp"));
        Assert.Equal("www.ck", Shipped.RegistrableDomain("www.ck"));
    }

    [Fact]
    public void UserListReplacesTheShippedRules()
    {
        var list = PublicSuffixList.Parse("// user list\nexample\n*.wild.example\n!keep.wild.example\n// ===BEGIN PRIVATE DOMAINS===\nhost.example\n");
        Assert.Equal("a.example", list.RegistrableDomain("x.a.example"));
        Assert.Equal("a.b.wild.example", list.RegistrableDomain("x.a.b.wild.example"));
        Assert.Equal("keep.wild.example", list.RegistrableDomain("x.keep.wild.example"));
        Assert.Equal("me.host.example", list.RegistrableDomain("www.me.host.example"));
        Assert.True(list.IsIcannSuffix("example"));
        Assert.False(list.IsIcannSuffix("host.example"));
        // Unlisted TLDs still count as their own suffix, as the PSL algorithm says.
        Assert.Equal("bbc.co", list.RegistrableDomain("www.bbc.co"));
    }

    [Fact]
    public void TrailingCommentsOnRuleLinesAreIgnored() =>
        Assert.Equal("x.co.zz", PublicSuffixList.Parse("co.zz  some note\n").RegistrableDomain("a.x.co.zz"));
}
