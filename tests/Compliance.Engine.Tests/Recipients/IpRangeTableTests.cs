using System.Net;
using Compliance.Engine.Recipients;

namespace Compliance.Engine.Tests.Recipients;

public class IpRangeTableTests
{
    private static readonly IpRangeTable Table = IpRangeTable.FromPrefixes([
        new("10.0.0.0/8", new IpOwner("Wide", "US")),
        new("10.1.0.0/16", new IpOwner("Narrow", "DE")),
        new("10.1.2.0/24", new IpOwner("Narrowest", null, "edge")),
        new("2001:db8::/32", new IpOwner("Six", "JP")),
        new("2001:db8:1::/48", new IpOwner("SixNarrow", "SG")),
    ]);

    [Theory]
    [InlineData("10.200.0.1", "Wide")]
    [InlineData("10.1.200.1", "Narrow")]
    [InlineData("10.1.2.3", "Narrowest")]
    [InlineData("2001:db8:ffff::1", "Six")]
    [InlineData("2001:db8:1:2::3", "SixNarrow")]
    [InlineData("::ffff:10.1.2.3", "Narrowest")]
    public void LongestPrefixWins(string address, string organization) =>
        Assert.Equal(organization, Table.Lookup(IPAddress.Parse(address))?.Organization);

    [Theory]
    [InlineData("11.0.0.1")]
    [InlineData("2001:db9::1")]
    public void AddressOutsideEveryPrefixHasNoOwner(string address) =>
        Assert.Null(Table.Lookup(IPAddress.Parse(address)));

    [Fact]
    public void BadPrefixIsAClearError() =>
        Assert.Throws<FormatException>(() => IpRangeTable.FromPrefixes([new("10.0.0.0/33", new IpOwner("X"))]));

    [Theory]
    [InlineData("3.120.32.115", "Amazon Web Services", "DE")]
    [InlineData("52.16.1.1", "Amazon Web Services", "IE")]
    [InlineData("18.66.10.122", "Amazon Web Services", null)]
    [InlineData("161.117.124.190", "Alibaba Cloud", "SG")]
    [InlineData("34.159.10.10", "Google Cloud", "DE")]
    [InlineData("34.117.59.81", "Google Cloud", null)]
    [InlineData("142.250.187.226", "Google", null)]
    [InlineData("20.191.45.212", "Microsoft Azure", null)]
    [InlineData("104.16.64.12", "Cloudflare", null)]
    [InlineData("151.101.0.81", "Fastly", null)]
    [InlineData("23.55.227.158", "Akamai", null)]
    [InlineData("119.28.1.1", "Tencent Cloud", "HK")]
    [InlineData("2a05:d014::1", "Amazon Web Services", "DE")]
    [InlineData("2606:4700::6810:84e5", "Cloudflare", null)]
    [InlineData("2600:1900:40d0::1", "Google Cloud", "DE")]
    public void ShippedTableKnowsTheMajorProviders(string address, string organization, string? country)
    {
        var owner = IpRangeTable.Shipped.Lookup(address);
        Assert.NotNull(owner);
        Assert.Equal((organization, country), (owner.Organization, owner.Country));
    }

    [Fact]
    public void ShippedTableCoversEveryRequiredProvider()
    {
        var required = new[] { "Alibaba Cloud", "Amazon Web Services", "Google Cloud", "Microsoft Azure", "Tencent Cloud", "Cloudflare" };
        var probes = new[] { "161.117.1.1", "3.120.1.1", "35.184.1.1", "40.64.1.1", "1.12.1.1", "104.16.1.1" };
        Assert.Equal(required, probes.Select(p => IpRangeTable.Shipped.Lookup(p)!.Organization));
        Assert.True(IpRangeTable.Shipped.Count > 300);
    }

    [Fact]
    public void PrivateAndDocumentationAddressesAreUnknown()
    {
        Assert.Null(IpRangeTable.Shipped.Lookup("192.168.1.1"));
        Assert.Null(IpRangeTable.Shipped.Lookup("2001:db8::1"));
        Assert.Null(IpRangeTable.Shipped.Lookup("not an address"));
    }
}
