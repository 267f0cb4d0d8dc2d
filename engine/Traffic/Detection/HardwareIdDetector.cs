using Compliance.Engine.Traffic.Decoding;

namespace Compliance.Engine.Traffic.Detection;

/// <summary>
/// Hardware and SIM identifiers told by their field names: the device's serial number, the SIM card's
/// ICCID (its serial number: 19–20 digits from 89, Luhn-valid) and the subscriber's IMSI (15 digits).
/// </summary>
public sealed class HardwareIdDetector : ValueDetector
{
    private static readonly Lexicon s_serialFields = Words(
        "serial", "serialno", "serialnumber", "deviceserial", "hwserial", "buildserial", "serialnum", "deviceserialnumber", "devicesn", "hwsn");
    private static readonly Lexicon s_iccidFields = Words("iccid", "simserial", "simserialnumber", "iccidnumber");
    private static readonly Lexicon s_imsiFields = Words("imsi", "subscriberid", "imsinumber");

    public override DataItem? Inspect(PayloadValue value)
    {
        if (value.IsBoolean || value.Field.Length == 0)
            return null;
        var v = value.Value.Trim();
        if (v.Length is < 6 or > 32)
            return null;
        var compact = value.Name.Compact;
        if (s_iccidFields.Contains(compact) && v.Length is 19 or 20 && v.StartsWith("89", StringComparison.Ordinal)
            && IdentifierPatterns.AllDigits(v) && IdentifierPatterns.LuhnValid(v))
            return Item("serial-number", v, value, "pattern", 0.9);
        if (s_imsiFields.Contains(compact) && v.Length is 14 or 15 && IdentifierPatterns.AllDigits(v))
            return Item("device-id", v, value, "pattern", 0.85);
        if (value.Name.HasAny(s_serialFields) && LooksLikeSerial(v))
            return Item("serial-number", v, value, "field-name", 0.85);
        // A bare "sn" is also a screen name or a sequence number: only a mix of letters and digits, and less sure.
        if (compact == "sn" && LooksLikeSerial(v) && Has(v, char.IsAsciiLetter))
            return Item("serial-number", v, value, "field-name", 0.6);
        return null;
    }

    /// <summary>Letters and digits (a dash allowed), with digits in it, not one repeated character, not a placeholder.</summary>
    private static bool LooksLikeSerial(string v)
    {
        foreach (var c in v)
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                return false;
        return HasDigit(v) && v.AsSpan().ContainsAnyExcept(v[0])
            && !v.Equals("unknown", StringComparison.OrdinalIgnoreCase) && !IdentifierPatterns.Uuid().IsMatch(v);
    }
}
