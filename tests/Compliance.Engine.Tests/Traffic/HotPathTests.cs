using System.Text;
using System.Text.Json;
using Compliance.Engine.Traffic;
using Compliance.Engine.Traffic.Decoding;
using Compliance.Engine.Traffic.Detection;
using Compliance.Engine.Traffic.Har;
using CsCheck;

namespace Compliance.Engine.Tests.Traffic;

/// <summary>
/// The shortcuts of the analysis hot path (answers remembered per field name, text sniffing without a
/// string, base64 without copies, repeated values judged once, URL look-ups filtered by their head)
/// give the same answers as the plain computations they replace.
/// </summary>
public sealed class HotPathTests
{
    private const string Base64Chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_";

    [Fact]
    public void IsTextAgreesWithDecodingAndCountingControlCharacters()
    {
        // Bytes biased towards the interesting ones: ASCII, controls, C1 controls (C2 80–9F) and broken sequences.
        var b = Gen.OneOf(Gen.Byte[0x20, 0x7E], Gen.Byte[0x00, 0x1F], Gen.Const((byte)0x7F), Gen.Const((byte)0xC2), Gen.Byte[0x80, 0x9F], Gen.Byte);
        b.Array[0, 80].Sample(bytes => TextSniffer.IsText(bytes) == ReferenceIsText(bytes), iter: 20_000);
    }

    private static bool ReferenceIsText(byte[] bytes)
    {
        if (bytes.Length < 4 || !System.Text.Unicode.Utf8.IsValid(bytes))
            return false;
        var text = Encoding.UTF8.GetString(bytes);
        var bad = text.Count(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));
        return bytes.Length < 32 ? bad == 0 : bad * 50 <= text.Length;
    }

    [Fact]
    public void Base64DecodingMatchesPaddingAndMappingTheAlphabet()
    {
        var text = Gen.Char[Base64Chars].Array[0, 60].Select(c => new string(c));
        var padded = Gen.Select(text, Gen.Int[0, 3]).Select((t, pad) => t + new string('=', pad));
        padded.Sample(s =>
        {
            var ok = Codecs.TryBase64(s, out var bytes, out var url);
            var refOk = ReferenceBase64(s, out var refBytes, out var refUrl);
            return ok == refOk && (!ok || (bytes.SequenceEqual(refBytes) && url == refUrl));
        }, iter: 20_000);
    }

    /// <summary>The straightforward version: map base64url to the standard alphabet, pad, decode with Convert.</summary>
    private static bool ReferenceBase64(string s, out byte[] bytes, out bool url)
    {
        bytes = [];
        url = false;
        var t = s.Trim();
        if (t.Length < 8)
            return false;
        var core = t.TrimEnd('=');
        var padding = t.Length - core.Length;
        if (core.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('+' or '/' or '-' or '_')))
            return false;
        var sawUrl = core.Any(c => c is '-' or '_');
        var sawStd = core.Any(c => c is '+' or '/');
        var uuid = t.Length == 36 && t[8] == '-' && t[13] == '-' && t[18] == '-' && t[23] == '-';
        if ((sawUrl && sawStd) || padding > 2 || core.Length % 4 == 1 || core.All(char.IsAsciiHexDigit) || uuid)
            return false;
        var standard = core.Replace('-', '+').Replace('_', '/');
        standard += new string('=', (4 - standard.Length % 4) % 4);
        try
        {
            bytes = Convert.FromBase64String(standard);
        }
        catch (FormatException)
        {
            return false;
        }
        url = sawUrl;
        return true;
    }

    [Fact]
    public void FieldNamesRememberTheSameAnswersALexiconGives()
    {
        var lexicon = new Lexicon(["device", "id", "deviceid", "os", "version"]);
        var word = Gen.OneOf(Gen.Const("device"), Gen.Const("Id"), Gen.Const("os"), Gen.Const("Version"), Gen.Const("model"), Gen.String[Gen.Char.AlphaNumeric, 1, 6]);
        var separator = Gen.OneOf(Gen.Const(""), Gen.Const("_"), Gen.Const("-"), Gen.Const("$"), Gen.Const("."));
        Gen.Select(word, separator).Array[1, 4].Select(parts => string.Concat(parts.Select(p => p.Item2 + p.Item1))).Sample(text =>
        {
            var name = new FieldName(text);
            var any = text.Length > 0 && (lexicon.Contains(name.Compact) || name.Words.Any(lexicon.Contains));
            var word = text.Length > 0 && name.Words.Any(lexicon.Contains);
            var whole = text.Length > 0 && lexicon.Contains(name.Compact);
            // Asked twice: the second answer comes from memory.
            return name.HasAny(lexicon) == any && name.HasAny(lexicon) == any && name.HasWord(lexicon) == word && name.HasWord(lexicon) == word
                && name.Is(lexicon) == whole && name.Is(lexicon) == whole;
        }, iter: 5_000);
    }

    [Fact]
    public void FieldNameCacheGivesOneInstancePerNameFromTextOrBytes()
    {
        var cache = new FieldNameCache();
        var fromText = cache.Get("$os_version");
        Assert.Same(fromText, cache.Get("$os_version"u8));
        var fromBytes = cache.Get("écran_nom"u8);
        Assert.Same(fromBytes, cache.Get("écran_nom"));
        Assert.Equal("écran_nom", fromBytes.Text);
        Assert.Same(FieldName.None, cache.Get(""u8));
    }

    [Fact]
    public void EscapedJsonPropertyNamesAreReadUnescaped()
    {
        var warnings = new List<string>();
        var decoder = new PayloadDecoder(TrafficLimits.Default, "entry 0", warnings);
        decoder.DecodeString("""{"dev\u0069ce_id":"9774d56d682e549c","plain":"x1"}""", DecodeScope.Root("body", FieldName.None, ValuePath.Root("body"), ValueOrigin.Body));
        Assert.Contains(decoder.Values, v => v.Field == "device_id" && v.Location == "body → json $.device_id");
        Assert.Contains(decoder.Values, v => v.Field == "plain");
    }

    [Fact]
    public void RepeatedValuesAreJudgedOnceAtTheirFirstPlace()
    {
        var names = new FieldNameCache();
        var props = names.Get("properties");
        var os = names.Get("$os_version");
        PayloadValue Value(string text, string path, FieldName[] trail, ValueOrigin origin = ValueOrigin.Body) => new()
        {
            Value = text, Path = ValuePath.Root(path), Name = trail[^1], Trail = trail, Container = ValuePath.Root("c"), Origin = origin,
        };
        var first = Value("14", "$[0].properties.$os_version", [props, os]);
        var repeat = Value("14", "$[1].properties.$os_version", [props, os]);
        var otherTrail = Value("14", "$[2].$os_version", [os]);
        var otherOrigin = Value("14", "header", [props, os], ValueOrigin.Header);
        var otherText = Value("15", "$[3].properties.$os_version", [props, os]);
        var scan = new EntryScan
        {
            Index = 0, Host = "h.test", Values = [first, repeat, otherTrail, otherOrigin, otherText],
            Context = TrafficContext.Unknown, History = new CaptureHistory(),
        };
        Assert.Equal([first, otherTrail, otherOrigin, otherText], scan.DistinctValues);
    }

    [Fact]
    public void JudgingRepeatsOnceSelectsTheSameItemsOnEveryDevCapture()
    {
        var manifest = JsonDocument.Parse(File.ReadAllText(SharedData.Path("cases", "vendors.json")));
        var compared = 0;
        foreach (var traffic in manifest.RootElement.GetProperty("vendors").EnumerateArray().SelectMany(v => v.GetProperty("traffic").EnumerateArray()))
        {
            var context = JsonSerializer.Deserialize<TrafficContext>(
                File.ReadAllText(SharedData.Path("cases", traffic.GetProperty("context").GetString()!)), EngineJson.Options)!;
            using var stream = File.OpenRead(SharedData.Path("cases", traffic.GetProperty("file").GetString()!));
            var names = new FieldNameCache();
            var detectors = DetectorSet.Create(context);
            foreach (var entry in new HarReader(stream).ReadItems().OfType<HarEntry>())
            {
                if (!Uri.TryCreate(entry.Url, UriKind.Absolute, out var url))
                    continue;
                var values = RequestPayload.Collect(entry, url, new PayloadDecoder(TrafficLimits.Default, "e", [], names), names);
                var scan = new EntryScan { Index = entry.Index, Host = url.Host, Values = values, Context = context, History = new CaptureHistory() };
                var once = new List<DataItem>();
                var every = new List<DataItem>();
                foreach (var detector in detectors)
                {
                    detector.Detect(scan, once);
                    if (detector is ValueDetector perValue)
                        every.AddRange(values.Select(perValue.Inspect).OfType<DataItem>());
                    else
                        detector.Detect(scan, every);
                }
                Assert.Equal(ItemSelection.Select(every, context), ItemSelection.Select(once, context));
                compared++;
            }
        }
        Assert.True(compared > 50, $"only {compared} entries compared");
    }

    [Fact]
    public void VisitedPagesAreFoundInAnyFormPayloadsReportThem()
    {
        var history = new CaptureHistory();
        history.AddPage("https://News.Example.org/world/story-1?ref=home", "news.example.org", "A story", null);
        Assert.NotNull(history.FindUrl("https://news.example.org/world/story-1?ref=home"));
        Assert.NotNull(history.FindUrl("HTTP://NEWS.EXAMPLE.ORG/world/story-1?ref=home#comments"));
        Assert.NotNull(history.FindUrl("  news.example.org/world/story-1?ref=home/ "));
        Assert.Null(history.FindUrl("news.example.org/world/story-2"));
        Assert.Null(history.FindUrl("news.example.org:8443/world/story-1?ref=home"));
        Assert.Null(history.FindUrl("Settings 1"));
    }
}
