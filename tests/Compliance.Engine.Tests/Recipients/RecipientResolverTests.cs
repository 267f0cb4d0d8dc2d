using System.Net;
using Compliance.Engine.Recipients;

namespace Compliance.Engine.Tests.Recipients;

public class RecipientResolverTests
{
    private static readonly RecipientResolver Vendor = new(["example-vendor.test", "vendorcdn.test"], "Example Vendor");

    [Theory]
    [InlineData("example-vendor.test")]
    [InlineData("api.example-vendor.test")]
    [InlineData("IMG.VendorCDN.test:443")]
    public void VendorDomainsAndSubdomainsAreFirstParty(string host)
    {
        var d = Vendor.Resolve(host);
        Assert.Equal(("first-party", "Example Vendor"), (d.Recipient, d.Organization));
    }

    [Fact]
    public void PublicSuffixDeclaredAsVendorDomainDoesNotMakeEverySiteFirstParty()
    {
        var resolver = new RecipientResolver(["co.uk", "vendor.co.uk"], "Vendor");
        Assert.Equal("third-party", resolver.Resolve("www.bbc.co.uk").Recipient);
        Assert.Equal("first-party", resolver.Resolve("api.vendor.co.uk").Recipient);
    }

    [Fact]
    public void LookalikeOfAVendorDomainIsNotFirstParty() =>
        Assert.Equal("third-party", Vendor.Resolve("notexample-vendor.test").Recipient);

    [Fact]
    public void VendorHostServedFromACloudIsFirstPartyWithTheHostingOrganisation()
    {
        var d = Vendor.Resolve("tracking.intl.example-vendor.test", "161.117.121.175");
        Assert.Equal(("first-party", "Example Vendor", "Alibaba Cloud", "SG"),
            (d.Recipient, d.Organization, d.HostingOrganization, d.Country));
    }

    [Fact]
    public void VendorDeclaredPlatformHostIsFirstPartyHostedByThePlatform()
    {
        var resolver = new RecipientResolver(["example-vendor.test", "d1abc.cloudfront.net"], "Example Vendor");
        var d = resolver.Resolve("d1abc.cloudfront.net");
        Assert.Equal(("first-party", "Amazon Web Services"), (d.Recipient, d.HostingOrganization));
    }

    [Fact]
    public void KnownEntityGetsItsOrganisationAndCategory()
    {
        var d = Vendor.Resolve("a.b.doubleclick.net", "142.250.187.226");
        Assert.Equal(("advertiser", "Google", "Google"), (d.Recipient, d.Organization, d.HostingOrganization));
    }

    [Fact]
    public void UnknownHostIsThirdPartyWithNoOrganisation()
    {
        var d = Vendor.Resolve("telemetry.unheard-of.test", "3.120.1.1");
        Assert.Equal("third-party", d.Recipient);
        Assert.Null(d.Organization);
        // The network is still known: the data went to AWS in Germany.
        Assert.Equal(("Amazon Web Services", "DE"), (d.HostingOrganization, d.Country));
    }

    [Fact]
    public void UnknownHostOnUnknownNetworkHasNothingGuessed()
    {
        var d = Vendor.Resolve("x.unheard-of.test", "192.0.2.7");
        Assert.Equal(("third-party", null, null, null), (d.Recipient, d.Organization, d.HostingOrganization, d.Country));
        Assert.Equal("192.0.2.7", d.ServerIp);
    }

    [Fact]
    public void IpLiteralHostIsLookedUpByItsAddress()
    {
        var d = Vendor.Resolve("[2a05:d014::10]");
        Assert.Equal(("2a05:d014::10", "third-party", "Amazon Web Services"), (d.Host, d.Recipient, d.HostingOrganization));
    }

    [Fact]
    public void ResolutionIsDeterministicAcrossResolversAndRepeats()
    {
        var hosts = new[] { "api.mixpanel.com", "www.bbc.co.uk", "api.example-vendor.test", "x.y.z.unknown.test" };
        var first = hosts.Select(h => Vendor.Resolve(h, "34.117.59.81")).ToList();
        var again = new RecipientResolver(["example-vendor.test", "vendorcdn.test"], "Example Vendor");
        Assert.Equal(first, hosts.Select(h => again.Resolve(h, "34.117.59.81")));
        Assert.Equal(first, hosts.Select(h => Vendor.Resolve(h, "34.117.59.81")));
    }

    [Fact]
    public void UserEntitiesAndExtraAddressTablesAreUsed()
    {
        var options = new RecipientOptions
        {
            VendorName = "V",
            VendorDomains = ["v.test"],
            Entities = RecipientOptions.Layered(EntityMap.Parse(
                """{ "entities": [ { "organization": "Local Ads", "category": "advertiser", "domains": ["localads.test"] } ] }""")),
            AddressTables = [IpRangeTable.Shipped, new FakeTable(new IpOwner("Example ISP", "NL"))],
        };
        var d = new RecipientResolver(options).Resolve("px.localads.test", "198.51.100.4");
        Assert.Equal(("advertiser", "Local Ads", "Example ISP", "NL"), (d.Recipient, d.Organization, d.HostingOrganization, d.Country));
    }

    [Fact]
    public void CountryOnlyDatabaseAddsTheCountryWithoutInventingAnOrganisation()
    {
        var options = new RecipientOptions { AddressTables = [new FakeTable(new IpOwner(null, "FR"))] };
        var d = new RecipientResolver(options).Resolve("x.unheard-of.test", "198.51.100.4");
        Assert.Equal((null, "FR"), (d.HostingOrganization, d.Country));
    }

    [Fact]
    public void RegistrableDomainFollowsTheSuffixList() =>
        Assert.Equal("bbci.co.uk", Vendor.RegistrableDomain("ichef.bbci.co.uk"));

    private sealed class FakeTable(IpOwner owner) : IIpOwnerLookup
    {
        public IpOwner? Lookup(IPAddress address) => owner;
    }
}
