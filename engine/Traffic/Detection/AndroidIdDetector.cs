using Compliance.Engine.Traffic.Decoding;

namespace Compliance.Engine.Traffic.Detection;

/// <summary>16 hex digits (a 64-bit Android ID) in a field that names a device identifier.</summary>
public sealed class AndroidIdDetector : ValueDetector
{
    private static readonly Lexicon s_androidFields = Words("android", "androidid", "ssaid", "aid");
    private static readonly Lexicon s_deviceFields = Words("did", "deviceid", "device", "udid", "hwid");
    private static readonly Lexicon s_idFields = Words("distinct", "distinctid", "uid", "uuid", "cid", "clientid", "userid");

    public override DataItem? Inspect(PayloadValue value)
    {
        var v = value.Value.Trim();
        if (v.Length != 16 || !IdentifierPatterns.Hex16().IsMatch(v) || IdentifierPatterns.AllDigits(v))
            return null;
        var confidence = value.Name.HasAny(s_androidFields) ? 0.9
            : value.Name.HasAny(s_deviceFields) ? 0.75
            : value.Name.HasAny(s_idFields) ? 0.6
            : 0.2;
        return Item("android-id", v, value, "pattern", confidence);
    }
}
