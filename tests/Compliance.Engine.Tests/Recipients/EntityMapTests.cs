using Compliance.Engine.Ontology;
using Compliance.Engine.Recipients;

namespace Compliance.Engine.Tests.Recipients;

public class EntityMapTests
{
    private static readonly string[] ThirdPartyCategories =
        ["advertiser", "analytics-provider", "social-network", "data-broker", "service-provider", "third-party"];

    [Fact]
    public void ShippedMapNamesAtLeastFiveHundredRegistrableDomains()
    {
        var registrable = EntityMap.Shipped.Domains
            .Select(d => PublicSuffixList.Shipped.RegistrableDomain(d) ?? d)
            .Distinct(StringComparer.Ordinal)
            .Count();
        Assert.True(registrable >= 500, $"only {registrable} registrable domains");
    }

    [Fact]
    public void EveryShippedEntryHasAnOrganisationAndAnOntologyRecipientCategory()
    {
        foreach (var domain in EntityMap.Shipped.Domains)
        {
            var entity = EntityMap.Shipped.Entry(domain)!;
            Assert.False(string.IsNullOrWhiteSpace(entity.Organization), domain);
            Assert.True(OntologyModel.Default.IsRecipient(entity.Category), $"{domain}: {entity.Category}");
            Assert.Contains(entity.Category, ThirdPartyCategories);
        }
    }

    [Fact]
    public void EveryCategoryIsRepresentedInTheShippedMap()
    {
        var categories = EntityMap.Shipped.Domains.Select(d => EntityMap.Shipped.Entry(d)!.Category).ToHashSet();
        foreach (var c in ThirdPartyCategories)
            Assert.Contains(c, categories);
    }

    [Theory]
    [InlineData("a.b.doubleclick.net", "Google", "advertiser")]
    [InlineData("googleads.g.doubleclick.net", "Google", "advertiser")]
    [InlineData("api.mixpanel.com", "Mixpanel", "analytics-provider")]
    [InlineData("graph.facebook.com", "Meta", "social-network")]
    [InlineData("app.appsflyer.com", "AppsFlyer", "advertiser")]
    [InlineData("tags.bluekai.com", "Oracle", "data-broker")]
    [InlineData("d2k4xq9rlv7b1f.cloudfront.net", "Amazon Web Services", "service-provider")]
    public void SubdomainsInheritTheirDomainsEntity(string host, string organization, string category)
    {
        var entity = EntityMap.Shipped.Find(host);
        Assert.NotNull(entity);
        Assert.Equal((organization, category), (entity.Organization, entity.Category));
    }

    [Fact]
    public void MostSpecificListedDomainWins()
    {
        Assert.Equal("advertiser", EntityMap.Shipped.Find("adservice.google.com")!.Category);
        Assert.Equal("third-party", EntityMap.Shipped.Find("www.google.com")!.Category);
    }

    [Fact]
    public void UnlistedHostHasNoEntity()
    {
        Assert.Null(EntityMap.Shipped.Find("tracking.example-vendor.test"));
        // A listed name must match whole labels, not a suffix of a label.
        Assert.Null(EntityMap.Shipped.Find("notdoubleclick.net"));
    }

    [Fact]
    public void UnknownCategoryIsRejectedWithTheOrganisationNamed()
    {
        var e = Assert.Throws<FormatException>(() =>
            EntityMap.Parse("""{ "entities": [ { "organization": "Acme", "category": "friend", "domains": ["acme.test"] } ] }"""));
        Assert.Contains("Acme", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PublicSuffixEntryCannotClaimEverySiteUnderIt()
    {
        var map = EntityMap.Parse("""
            { "entities": [ { "organization": "Greedy", "category": "advertiser", "domains": ["co.uk", "greedy.co.uk"] } ] }
            """);
        Assert.Null(map.Find("www.bbc.co.uk"));
        Assert.Equal("Greedy", map.Find("x.greedy.co.uk")!.Organization);
    }

    [Fact]
    public void MissingEntitiesArrayIsAClearError() =>
        Assert.Throws<FormatException>(() => EntityMap.Parse("""{ "things": [] }"""));

    [Fact]
    public void BrokenJsonIsAFormatError() =>
        Assert.Throws<FormatException>(() => EntityMap.Parse("{ \"entities\": ["));

    [Theory]
    [InlineData("https://www.Example.com/path?q=1", "example.com")]
    [InlineData("*.ads.example.net", "ads.example.net")]
    [InlineData(".example.org", "example.org")]
    [InlineData("localhost", null)]
    [InlineData("   ", null)]
    public void DomainsAreNormalised(string raw, string? expected) =>
        Assert.Equal(expected, EntityMap.NormalizeDomain(raw));
}
