using Compliance.Engine.Traffic.Decoding;

namespace Compliance.Engine.Traffic.Detection;

/// <summary>A UUID in a field named for a resettable ad identifier (AAID/GAID, IDFA and their SDK spellings).</summary>
public sealed class AdvertisingIdDetector : ValueDetector
{
    private static readonly Lexicon s_adFields = Words(
        "adid", "advertising", "advertisingid", "gaid", "aaid", "idfa", "rdid", "gpid", "ifa", "maid",
        "adv", "advid", "googleadid", "gadid", "adsid", "idfv", "oaid", "advertiser", "advertiserid", "resettabledeviceid",
        "advertisingidentifier", "adidentifier", "gpsadid", "googleadvertisingid");

    public override DataItem? Inspect(PayloadValue value)
    {
        var v = value.Value.Trim();
        if (v.Length != 36 || !IdentifierPatterns.Uuid().IsMatch(v) || !v.AsSpan().ContainsAnyExcept('0', '-'))
            return null;
        if (value.Name.HasAny(s_adFields))
            return Item("advertising-id", v, value, "pattern", 0.9);
        var words = value.Name.Words;
        // "ad_id", "ad-id": the word "ad" beside "id".
        if (words.Contains("ad") && words.Contains("id"))
            return Item("advertising-id", v, value, "pattern", 0.85);
        return null;
    }
}
