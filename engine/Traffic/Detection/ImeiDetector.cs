using Compliance.Engine.Traffic.Decoding;

namespace Compliance.Engine.Traffic.Detection;

/// <summary>15 digits with a valid Luhn check digit; confident only in a field named for a device ID.</summary>
public sealed class ImeiDetector : ValueDetector
{
    private static readonly Lexicon s_imeiFields = Words("imei", "meid", "imei1", "imei2");
    private static readonly Lexicon s_deviceFields = Words("did", "deviceid", "device", "udid", "hwid", "uid", "serial");

    public override DataItem? Inspect(PayloadValue value)
    {
        var v = value.Value.Trim();
        if (v.Length != 15 || !IdentifierPatterns.AllDigits(v) || !IdentifierPatterns.LuhnValid(v))
            return null;
        var confidence = value.Name.HasAny(s_imeiFields) ? 0.95
            : value.Name.HasAny(s_deviceFields) ? 0.7
            : 0.3;
        return Item("imei", v, value, "pattern", confidence);
    }
}
