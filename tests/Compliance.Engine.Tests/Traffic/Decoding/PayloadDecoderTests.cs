using System.IO.Compression;
using System.Text;
using Compliance.Engine.Traffic.Decoding;
using Compliance.Engine.Traffic.Har;

namespace Compliance.Engine.Tests.Traffic.Decoding;

public sealed class PayloadDecoderTests
{
    private static List<PayloadValue> Decode(string text, List<string>? warnings = null, TrafficLimits? limits = null)
    {
        var decoder = new PayloadDecoder(limits ?? TrafficLimits.Default, "entry 0", warnings ?? []);
        decoder.DecodeString(text, DecodeScope.Root("body", FieldName.None, ValuePath.Root("body"), ValueOrigin.Body));
        return decoder.Values.ToList();
    }

    private static string LocationOf(List<PayloadValue> values, string value) => values.First(v => v.Value == value).Location;

    [Fact]
    public void JsonInsideAJsonStringIsPeeled() =>
        Assert.Equal("body → json $.payload → json $.events[1].url",
            LocationOf(Decode("{\"payload\":\"{\\\"events\\\":[{},{\\\"url\\\":\\\"https://a.test/x\\\"}]}\"}"), "https://a.test/x"));

    [Fact]
    public void Base64UrlJsonInAFormFieldIsPeeled()
    {
        var inner = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"uid\":\"abc-123-def\",\"q\":\"???>>>\"}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.Equal("body → form d → base64url → json $.uid", LocationOf(Decode("v=2&d=" + inner), "abc-123-def"));
    }

    [Fact]
    public void MultipartPartsAreNamed()
    {
        const string body = "--XyZ\r\nContent-Disposition: form-data; name=\"meta\"\r\n\r\n{\"device\":\"Pixel 7\"}\r\n--XyZ--\r\n";
        Assert.Equal("body → multipart meta → json $.device", LocationOf(Decode(body), "Pixel 7"));
    }

    [Fact]
    public void HexOfTextIsPeeledButAHexIdIsKeptAsIs()
    {
        var hex = Convert.ToHexString(Encoding.UTF8.GetBytes("jordan@example.com"));
        Assert.Equal("body → hex", LocationOf(Decode(hex), "jordan@example.com"));
        Assert.Equal("body", Assert.Single(Decode("9774d56d682e549c")).Location);
    }

    [Fact]
    public void RandomBase64IsNotDecoded() =>
        Assert.Single(Decode("VZedmI7aNBtKgBrN4iRTzDxS+vEzlUsM0aXx2q7r/c0DwIpN1SklubJiy8vhvK0LzmYh1bvac6/XrX4p8rlbkA=="));

    [Fact]
    public void BrotliBodyDeclaredByContentEncodingIsPeeled()
    {
        using var packed = new MemoryStream();
        using (var br = new BrotliStream(packed, CompressionLevel.Fastest, leaveOpen: true))
            br.Write(Encoding.UTF8.GetBytes("{\"email\":\"a.person@example.org\"}"));
        var decoder = new PayloadDecoder(TrafficLimits.Default, "entry 0", new List<string>());
        decoder.DecodeBytes(packed.ToArray(), DecodeScope.Root("body", FieldName.None, ValuePath.Root("body"), ValueOrigin.Body), 0, "br");
        Assert.Equal("body → brotli → json $.email", decoder.Values.Single(v => v.Value == "a.person@example.org").Location);
    }

    [Fact]
    public void DecodedBytesAreBoundedPerEntry()
    {
        var warnings = new List<string>();
        var values = Decode(new string('{', 1) + "\"a\":\"" + new string('x', 5000) + "\"}", warnings, new TrafficLimits { MaxDecodedBytes = 1000 });
        Assert.Contains(warnings, w => w.Contains("exceeds the limit of 1000 bytes", StringComparison.Ordinal));
        Assert.NotEmpty(values);
    }

    [Fact]
    public void PercentEncodedValueIsUnescaped() =>
        Assert.Equal("body → url-decoded", LocationOf(Decode("jordan%40example.com"), "jordan@example.com"));
}
