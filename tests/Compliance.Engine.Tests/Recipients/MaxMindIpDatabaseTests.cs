using System.Net;
using Compliance.Engine.Recipients;

namespace Compliance.Engine.Tests.Recipients;

public class MaxMindIpDatabaseTests
{
    private static MaxMindIpDatabase AsnDatabase() => new(new MemoryStream(TinyMmdbWriter.Write("GeoLite2-ASN", [
        ("198.51.100.0/24", new Dictionary<string, object>
        {
            ["autonomous_system_number"] = 64500u,
            ["autonomous_system_organization"] = "Example Transit",
        }),
        ("2001:db8::/32", new Dictionary<string, object>
        {
            ["autonomous_system_number"] = 64501u,
            ["autonomous_system_organization"] = "Example Six",
        }),
    ])));

    private static MaxMindIpDatabase CountryDatabase() => new(new MemoryStream(TinyMmdbWriter.Write("GeoLite2-Country", [
        ("198.51.100.0/25", new Dictionary<string, object>
        {
            ["country"] = new Dictionary<string, object> { ["iso_code"] = "NL" },
        }),
    ])));

    [Fact]
    public void AsnDatabaseGivesTheOrganisationOfIpv4AndIpv6Addresses()
    {
        using var db = AsnDatabase();
        Assert.Equal("GeoLite2-ASN", db.DatabaseType);
        Assert.Equal(new IpOwner("Example Transit"), db.Lookup(IPAddress.Parse("198.51.100.77")));
        Assert.Equal(new IpOwner("Example Six"), db.Lookup(IPAddress.Parse("2001:db8:5::1")));
        Assert.Null(db.Lookup(IPAddress.Parse("203.0.113.9")));
    }

    [Fact]
    public void CountryDatabaseGivesOnlyTheCountry()
    {
        using var db = CountryDatabase();
        Assert.Equal(new IpOwner(null, "NL"), db.Lookup(IPAddress.Parse("198.51.100.3")));
    }

    [Fact]
    public void ResolverCombinesShippedRangesAsnAndCountryDatabases()
    {
        using var asn = AsnDatabase();
        using var country = CountryDatabase();
        var resolver = new RecipientResolver(new RecipientOptions
        {
            AddressTables = [IpRangeTable.Shipped, country, asn],
        });
        var other = resolver.Resolve("telemetry.unheard-of.test", "198.51.100.3");
        Assert.Equal(("Example Transit", "NL"), (other.HostingOrganization, other.Country));
        // The shipped provider table answers first for cloud addresses.
        Assert.Equal("Amazon Web Services", resolver.Resolve("x.unheard-of.test", "3.120.32.115").HostingOrganization);
    }

    [Fact]
    public void JunkDatabaseIsRejected() =>
        Assert.ThrowsAny<Exception>(() => new MaxMindIpDatabase(new MemoryStream([1, 2, 3, 4])));
}
