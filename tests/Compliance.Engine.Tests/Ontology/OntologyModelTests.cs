using Compliance.Engine.Ontology;

namespace Compliance.Engine.Tests.Ontology;

public class OntologyModelTests
{
    [Theory]
    [InlineData("imei", "device-id")]
    [InlineData("imei", "identifiers")]
    [InlineData("imei", "personal-data")]
    [InlineData("browsing-history", "browsing-data")]
    public void ChildIsUnderItsAncestors(string child, string ancestor) =>
        Assert.True(OntologyModel.Default.IsDataTypeUnder(child, ancestor));

    [Theory]
    [InlineData("device-id", "imei")]
    [InlineData("device-model", "device-id")]
    [InlineData("os-version", "identifiers")]
    public void NodeIsNotUnderAChildOrSibling(string type, string other) =>
        Assert.False(OntologyModel.Default.IsDataTypeUnder(type, other));

    [Fact]
    public void AdvertiserIsAThirdParty()
    {
        Assert.True(OntologyModel.Default.IsRecipientUnder("advertiser", "third-party"));
        Assert.False(OntologyModel.Default.IsRecipientUnder("first-party", "third-party"));
    }

    [Fact]
    public void UserExtensionAddsATermUnderAnExistingParent()
    {
        var extension = OntologyModel.ParseDocument("""
            { "dataTypes": [ { "id": "idfv", "parent": "device-id", "description": "Apple vendor id", "synonyms": ["idfv"] },
                             { "id": "imei", "synonyms": ["international mobile equipment identity"] } ] }
            """);

        var model = OntologyModel.WithExtension(extension);

        Assert.True(model.IsDataTypeUnder("idfv", "identifiers"));
        Assert.Contains("international mobile equipment identity", model.DataType("imei")!.Synonyms);
        Assert.Contains("imei", model.DataType("imei")!.Synonyms);
    }
}
