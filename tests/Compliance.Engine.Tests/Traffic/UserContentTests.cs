using System.Text;
using Compliance.Engine.Traffic;
using static Compliance.Engine.Tests.Traffic.HarBuilder;

namespace Compliance.Engine.Tests.Traffic;

/// <summary>What users send of their own: photos and recordings (raw, base64, data URI, multipart) and messages in clear.</summary>
public sealed class UserContentTests
{
    private static byte[] Jpeg(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        bytes[2] = 0xFF;
        return bytes;
    }

    private static List<(string Type, string Location)> Items(string har) =>
        TrafficAnalyzer.Analyze(Stream(har), null, new TrafficOptions()).Flows
            .SelectMany(f => f.Data).Select(d => (d.Type, d.Location)).ToList();

    [Fact]
    public void RawImageBodyIsAPhoto()
    {
        var har = Har([Entry("https://upload.cloud.test/v1/backup", "POST", Convert.ToBase64String(Jpeg(40_000)), "image/jpeg", encoding: "base64")]);
        Assert.Contains(("photos", "body → image/jpeg"), Items(har));
    }

    [Fact]
    public void DataUriInJsonIsAPhoto()
    {
        var body = $$"""{"avatar":"data:image/jpeg;base64,{{Convert.ToBase64String(Jpeg(5_000))}}"}""";
        Assert.Contains(("photos", "body → json $.avatar → data-uri base64 → image/jpeg"), Items(Har([Entry("https://api.social.test/me", "POST", body)])));
    }

    [Fact]
    public void BinaryMultipartKeepsItsTextPartsAndFindsTheImage()
    {
        var multipart = new MemoryStream();
        void Text(string s) => multipart.Write(Encoding.ASCII.GetBytes(s));
        Text("--XyZ\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\njordan.meyer@example.com\r\n");
        Text("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"IMG_0042.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n");
        multipart.Write(Jpeg(30_000));
        Text("\r\n--XyZ--\r\n");
        var har = Har([Entry("https://upload.cloud.test/v1/photos", "POST", Convert.ToBase64String(multipart.ToArray()),
            "multipart/form-data; boundary=XyZ", encoding: "base64")]);

        var items = Items(har);

        Assert.Contains(("photos", "body → multipart file → image/jpeg"), items);
        Assert.Contains(("email-address", "body → multipart email"), items);
    }

    [Fact]
    public void ShortTextPartsOfABinaryMultipartAreReadToo()
    {
        var multipart = new MemoryStream();
        multipart.Write("--XyZ\r\nContent-Disposition: form-data; name=\"acct\"\r\n\r\nk9z\r\n--XyZ\r\nContent-Type: image/jpeg\r\n\r\n"u8);
        multipart.Write(Jpeg(4_000));
        multipart.Write("\r\n--XyZ--\r\n"u8);
        var har = Har([Entry("https://upload.cloud.test/v1/photos", "POST", Convert.ToBase64String(multipart.ToArray()), "multipart/form-data", encoding: "base64")]);
        var context = new TrafficContext { KnownValues = new Dictionary<string, IReadOnlyList<string>> { ["account-id"] = ["k9z"] } };

        var items = TrafficAnalyzer.Analyze(Stream(har), context, new TrafficOptions()).Flows.SelectMany(f => f.Data).Select(d => (d.Type, d.Location)).ToList();

        Assert.Contains(("account-id", "body → multipart acct"), items);
    }

    [Fact]
    public void ImagePartWrittenAsTextIsKnownByItsDeclaredType()
    {
        var body = "--XyZ\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n\u0089PNG\u001a garbled bytes\r\n--XyZ--\r\n";
        Assert.Contains(("photos", "body → multipart photo → image/png"), Items(Har([Entry("https://upload.cloud.test/p", "POST", body, "multipart/form-data")])));
    }

    [Fact]
    public void TinyUnnamedImageIsNotAPhoto()
    {
        var pixel = Convert.ToBase64String([.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x21, 0xF9, 0x04, 0x01, 0, 0, 0, 0, 0x2C]);
        Assert.DoesNotContain(Items(Har([Entry("https://t.test/p", "POST", $$"""{"d":"{{pixel}}"}""")])), i => i.Type == "photos");
    }

    [Fact]
    public void ProseSentToAMessagesEndpointIsAMessageButNotToAnOrdersEndpoint()
    {
        const string Body = """{"to":"+4915112345678","body":"See you at the station at eight"}""";
        Assert.Contains(("messages", "body → json $.body"), Items(Har([Entry("https://api.chat.test/v1/messages", "POST", Body)])));
        Assert.DoesNotContain(Items(Har([Entry("https://api.shop.test/v1/orders", "POST", Body)])), i => i.Type == "messages");
    }
}
