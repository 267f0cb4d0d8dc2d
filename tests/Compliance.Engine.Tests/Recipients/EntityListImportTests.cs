using Compliance.Engine.Recipients;

namespace Compliance.Engine.Tests.Recipients;

public class EntityListImportTests
{
    private const string Disconnect = """
        { "license": "CC BY-NC-SA 4.0",
          "entities": {
            "Acme Ads": { "properties": ["acme.test"], "resources": ["acmeads.test", "acme-cdn.test"] },
            "DoubleClick Importer": { "properties": [], "resources": ["doubleclick.net"] } } }
        """;

    private const string DisconnectServices = """
        { "categories": {
            "Advertising": [ { "Adco": { "https://adco.test/": ["adco.test", "adco-sync.test"] } } ],
            "Analytics": [ { "Metrix": { "https://metrix.test/": ["metrix.test"], "performance": "true" } } ],
            "Content": [ { "Videos": { "https://videos.test/": ["videos.test"] } } ] } }
        """;

    private const string TrackerRadarEntity = """
        { "name": "Example Analytics Inc.", "displayName": "Example Analytics",
          "properties": ["exanalytics.test", "exa-cdn.test"], "prevalence": { "tracking": 0.01 } }
        """;

    private const string AdGuardCompanies = """
        { "timeUpdated": "2023-03-06T12:58:19.713Z",
          "companies": {
            "pixelco": { "name": "PixelCo", "websiteUrl": "https://www.pixelco.test/", "description": null },
            "multi": { "name": "Multi Brands", "websiteUrl": "https://multi.test/", "websites": ["multi-two.test"] } } }
        """;

    private const string AdGuardTrackers = """
        { "categories": { "4": "advertising", "6": "site_analytics", "9": "cdn" },
          "trackers": {
            "pixelco_ads": { "name": "PixelCo Ads", "categoryId": 4, "url": "https://pixelco.test", "companyId": "pixelco" },
            "lonely": { "name": "Lonely Metrics", "categoryId": 6, "url": null, "companyId": null } },
          "trackerDomains": { "px.pixelco-ads.test": "pixelco_ads", "lonely.test": "lonely" } }
        """;

    [Fact]
    public void DisconnectEntitiesMapPropertiesAndResourcesToTheEntity()
    {
        var map = EntityListImport.FromDisconnectEntities(Disconnect);
        Assert.Equal(new RecipientEntity("Acme Ads", "third-party"), map.Find("x.acmeads.test"));
        Assert.Equal("Acme Ads", map.Find("acme.test")!.Organization);
    }

    [Fact]
    public void DisconnectEntitiesTakeTheGivenCategory() =>
        Assert.Equal("advertiser", EntityListImport.FromDisconnectEntities(Disconnect, "advertiser").Find("acme-cdn.test")!.Category);

    [Fact]
    public void DisconnectServicesCategoriesBecomeRecipients()
    {
        var map = EntityListImport.FromDisconnectServices(DisconnectServices);
        Assert.Equal(new RecipientEntity("Adco", "advertiser"), map.Find("adco-sync.test"));
        Assert.Equal("analytics-provider", map.Find("metrix.test")!.Category);
        Assert.Equal("third-party", map.Find("videos.test")!.Category);
    }

    [Fact]
    public void TrackerRadarEntityFilesUseTheDisplayName()
    {
        var map = EntityListImport.FromTrackerRadar([TrackerRadarEntity], "analytics-provider");
        Assert.Equal(new RecipientEntity("Example Analytics", "analytics-provider"), map.Find("api.exa-cdn.test"));
    }

    [Fact]
    public void TrackerRadarCombinedEntityMapIsAccepted()
    {
        var map = EntityListImport.FromTrackerRadar(["""{ "Beta LLC": { "properties": ["beta.test"] } }"""]);
        Assert.Equal("Beta LLC", map.Find("beta.test")!.Organization);
    }

    [Fact]
    public void AdGuardCompaniesMapWebsitesToTheCompanyName()
    {
        var map = EntityListImport.FromAdGuard(AdGuardCompanies);
        Assert.Equal("PixelCo", map.Find("pixelco.test")!.Organization);
        Assert.Equal("Multi Brands", map.Find("cdn.multi-two.test")!.Organization);
    }

    [Fact]
    public void AdGuardTrackerDomainsTakeTheirCompanyAndCategory()
    {
        var map = EntityListImport.FromAdGuard(AdGuardCompanies, AdGuardTrackers);
        Assert.Equal(new RecipientEntity("PixelCo", "advertiser"), map.Find("px.pixelco-ads.test"));
        Assert.Equal(new RecipientEntity("Lonely Metrics", "analytics-provider"), map.Find("lonely.test"));
    }

    [Fact]
    public void EveryListFormatIsRecognisedByItsShape()
    {
        Assert.Equal("Acme Ads", EntityListImport.FromAnyFormat(Disconnect).Find("acmeads.test")!.Organization);
        Assert.Equal("advertiser", EntityListImport.FromAnyFormat(DisconnectServices).Find("adco.test")!.Category);
        Assert.Equal("Example Analytics", EntityListImport.FromAnyFormat(TrackerRadarEntity).Find("exanalytics.test")!.Organization);
        Assert.Equal("PixelCo", EntityListImport.FromAnyFormat(AdGuardCompanies).Find("pixelco.test")!.Organization);
        Assert.Equal("analytics-provider", EntityListImport.FromAnyFormat(AdGuardTrackers).Find("lonely.test")!.Category);
        Assert.Equal("Local", EntityListImport.FromAnyFormat(
            """{ "entities": [ { "organization": "Local", "category": "advertiser", "domains": ["local.test"] } ] }""").Find("local.test")!.Organization);
        Assert.Throws<FormatException>(() => EntityListImport.FromAnyFormat("""{ "hello": "world" }"""));
    }

    [Fact]
    public void ListOfTheWrongShapeIsAClearError()
    {
        Assert.Throws<FormatException>(() => EntityListImport.FromDisconnectEntities("""{ "entities": [] }"""));
        Assert.Throws<FormatException>(() => EntityListImport.FromAdGuard("""{ "trackers": {} }"""));
        Assert.Throws<FormatException>(() => EntityListImport.FromTrackerRadar(["[1, 2]"]));
    }

    [Fact]
    public void UserFileAndImportedListLayerOverTheShippedMapWithUserWinning()
    {
        var imported = EntityListImport.FromDisconnectEntities(Disconnect);
        var user = EntityMap.Parse("""
            { "entities": [
              { "organization": "Acme Corporation", "category": "data-broker", "domains": ["acmeads.test"] },
              { "organization": "Mixpanel Europe", "category": "analytics-provider", "domains": ["eu.mixpanel.com"] } ] }
            """);
        var map = RecipientOptions.Layered(imported, user);

        // Import over shipped: the imported list re-labels a shipped domain.
        Assert.Equal("DoubleClick Importer", map.Find("doubleclick.net")!.Organization);
        // User over import.
        Assert.Equal(new RecipientEntity("Acme Corporation", "data-broker"), map.Find("acmeads.test"));
        // Import entries the user did not touch survive; shipped entries nobody touched survive.
        Assert.Equal("Acme Ads", map.Find("acme.test")!.Organization);
        Assert.Equal("Mixpanel", map.Find("api.mixpanel.com")!.Organization);
        Assert.Equal("Mixpanel Europe", map.Find("api-eu.eu.mixpanel.com")!.Organization);
        Assert.True(map.Count > EntityMap.Shipped.Count);
    }
}
