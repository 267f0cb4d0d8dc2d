using Compliance.Engine.Traffic.Decoding;

namespace Compliance.Engine.Traffic.Detection;

/// <summary>
/// Financial data: a payment card number (13–19 digits, spaces or dashes allowed, Luhn-valid) in a field
/// named for a card, or an IBAN (country, check digits and account, valid under ISO 7064 mod 97) anywhere.
/// </summary>
public sealed class PaymentCardDetector : ValueDetector
{
    private static readonly Lexicon s_cardFields = Words(
        "card", "cardnumber", "cardno", "ccnumber", "creditcard", "debitcard", "pan", "cc", "ccnum", "cardnum", "paymentcard");

    public override DataItem? Inspect(PayloadValue value)
    {
        if (value.IsBoolean)
            return null;
        var v = value.Value.Trim();
        if (v.Length is < 13 or > 34)
            return null;
        if (IsIban(v))
            return Item("financial-data", v, value, "pattern", 0.9);
        if (!value.Name.HasAny(s_cardFields))
            return null;
        var digits = v.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (digits.Length is < 13 or > 19 || !IdentifierPatterns.AllDigits(digits) || !IdentifierPatterns.LuhnValid(digits))
            return null;
        return Item("financial-data", v, value, "pattern", 0.9);
    }

    /// <summary>ISO 13616: two letters, two check digits, 11–30 letters or digits; the whole, rotated, is 1 mod 97.</summary>
    public static bool IsIban(string text)
    {
        if (text.Length < 15 || !char.IsAsciiLetterUpper(text[0]) || !char.IsAsciiLetterUpper(text[1]))
            return false;
        var s = text.Replace(" ", "", StringComparison.Ordinal);
        if (s.Length is < 15 or > 34 || !char.IsAsciiLetterUpper(s[0]) || !char.IsAsciiLetterUpper(s[1]) || !char.IsAsciiDigit(s[2]) || !char.IsAsciiDigit(s[3]))
            return false;
        var remainder = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[(i + 4) % s.Length];
            if (char.IsAsciiDigit(c))
                remainder = (remainder * 10 + (c - '0')) % 97;
            else if (char.IsAsciiLetterUpper(c))
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            else
                return false;
        }
        return remainder == 1;
    }
}
