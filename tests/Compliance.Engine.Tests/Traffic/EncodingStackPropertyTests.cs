using System.Text;
using System.Text.Json;
using Compliance.Engine.Traffic;
using CsCheck;
using static Compliance.Engine.Tests.Traffic.HarBuilder;

namespace Compliance.Engine.Tests.Traffic;

/// <summary>Any identifier of the context, under any stack of up to four encodings, is found at the right path.</summary>
public sealed class EncodingStackPropertyTests
{
    private static readonly (string Type, string Value)[] s_identifiers =
    [
        ("imei", "490154203237518"),
        ("android-id", "9774d56d682e549c"),
        ("advertising-id", "38400000-8cf0-11bd-b23e-10b96e40000d"),
        ("email-address", "jordan.meyer@example.com"),
        ("mac-address", "5c:e8:83:d2:71:b2"),
        ("account-id", "acct_7Q2M9XKD4T"),
        ("phone-number", "+447700900241"),
    ];

    private static readonly string[] s_layers = ["url", "base64", "base64url", "hex", "gzip", "json-string", "form"];
    private static readonly string[] s_binaryToText = ["base64", "base64url", "hex"];

    private static readonly TrafficContext s_context = new()
    {
        KnownValues = s_identifiers.ToDictionary(i => i.Type, i => (IReadOnlyList<string>)[i.Value]),
    };

    [Fact]
    public void IdentifierUnderAnyEncodingStackIsFoundWithItsPath()
    {
        Gen.Select(Gen.Int[0, s_identifiers.Length - 1], Gen.Int[0, s_layers.Length - 1].Array[0, 4])
            .Sample((which, layerIndexes) =>
            {
                var (type, value) = s_identifiers[which];
                var layers = Normalise(layerIndexes.Select(i => s_layers[i]).ToList());
                var (body, base64Body, expected) = Encode(value, layers);
                var entry = Entry("https://collector.test/v1/e", "POST", body, "text/plain", encoding: base64Body ? "base64" : null);
                var flows = TrafficAnalyzer.Analyze(Stream(Har([entry])), s_context, new TrafficOptions()).Flows;
                var found = flows.SelectMany(f => f.Data).Where(d => d.Type == type).Select(d => d.Location).ToList();
                return found.Contains(expected);
            }, iter: 500);
    }

    /// <summary>gzip gives bytes, so a text layer must follow it (or the HAR's own base64 body encoding).</summary>
    private static List<string> Normalise(List<string> layers)
    {
        for (var i = 0; i + 1 < layers.Count; i++)
            if (layers[i] == "gzip" && !s_binaryToText.Contains(layers[i + 1]))
                layers[i + 1] = "base64";
        return layers;
    }

    private static (string Body, bool Base64Body, string ExpectedPath) Encode(string value, List<string> layers)
    {
        string? text = value;
        byte[]? bytes = null;
        var steps = new List<string>();
        byte[] Bytes() => bytes ?? Encoding.UTF8.GetBytes(text!);
        foreach (var layer in layers)
        {
            string? step = layer;
            switch (layer)
            {
                case "url":
                    var escaped = Uri.EscapeDataString(text!);
                    step = escaped == text ? null : "url-decoded";
                    text = escaped;
                    break;
                case "base64":
                    text = Convert.ToBase64String(Bytes());
                    break;
                case "base64url":
                    text = Convert.ToBase64String(Bytes()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
                    step = text.IndexOfAny(['-', '_']) >= 0 ? "base64url" : "base64";
                    break;
                case "hex":
                    text = Convert.ToHexString(Bytes());
                    break;
                case "gzip":
                    bytes = Gzip(Bytes());
                    text = null;
                    break;
                case "json-string":
                    text = JsonSerializer.Serialize(text);
                    break;
                case "form":
                    text = "data=" + Uri.EscapeDataString(text!);
                    step = "form data";
                    break;
            }
            if (layer != "gzip")
                bytes = null;
            if (step is not null)
                steps.Insert(0, step);
        }
        var path = string.Join(" → ", steps.Prepend("body"));
        return bytes is not null ? (Convert.ToBase64String(bytes), true, path) : (text!, false, path);
    }
}
