using Compliance.Engine.Traffic.Decoding;
using PhoneNumbers;

namespace Compliance.Engine.Traffic.Detection;

/// <summary>
/// A phone number validated by libphonenumber: in international form anywhere, or in national form
/// in a field named for a phone number.
/// </summary>
public sealed class PhoneDetector : ValueDetector
{
    private static readonly PhoneNumberUtil s_util = PhoneNumberUtil.GetInstance();
    private static readonly Lexicon s_phoneFields = Words(
        "phone", "phones", "tel", "telephone", "mobile", "msisdn", "cell", "cellphone", "phonenumber", "number", "numbers");

    public override DataItem? Inspect(PayloadValue value)
    {
        var v = value.Value.Trim();
        if (v.Length is < 7 or > 24 || value.IsBoolean)
            return null;
        var digits = 0;
        foreach (var c in v)
        {
            if (char.IsAsciiDigit(c))
                digits++;
            else if (c is not ('+' or ' ' or '-' or '(' or ')' or '.'))
                return null;
        }
        if (digits < 7 || (v.Contains('.') && !v.Contains(' ')))
            return null;
        var phoneField = value.Name.HasAny(s_phoneFields);
        var international = v.StartsWith('+') || v.StartsWith("00", StringComparison.Ordinal);
        if (!international && !phoneField)
            return null;
        try
        {
            var number = s_util.Parse(v.StartsWith("00", StringComparison.Ordinal) ? "+" + v[2..] : v, "US");
            // Test devices and published examples use reserved ranges (555-01xx, 07700 900xxx) that are
            // possible but not assigned: in a phone field they still count.
            var valid = s_util.IsValidNumber(number);
            if (!valid && !s_util.IsPossibleNumber(number))
                return null;
            var confidence = valid ? (phoneField ? 0.9 : international ? 0.75 : 0.6) : (phoneField ? 0.8 : 0.45);
            return Item("phone-number", v, value, "pattern", confidence);
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
