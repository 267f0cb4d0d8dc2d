using System.Text.RegularExpressions;

namespace Compliance.Engine.Traffic.Detection;

/// <summary>Shapes of identifiers, shared by the pattern detectors.</summary>
public static partial class IdentifierPatterns
{
    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    public static partial Regex Uuid();

    [GeneratedRegex("^[0-9a-f]{16}$|^[0-9A-F]{16}$")]
    public static partial Regex Hex16();

    [GeneratedRegex(@"(?<![0-9A-Fa-f:-])(?:[0-9A-Fa-f]{2}([:-]))(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}(?![0-9A-Fa-f:-])")]
    public static partial Regex Mac();

    [GeneratedRegex(@"(?<![\w.+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}(?![\w-])")]
    public static partial Regex Email();

    [GeneratedRegex(@"^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$")]
    public static partial Regex IPv4();

    /// <summary>Luhn check used by IMEIs.</summary>
    public static bool LuhnValid(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                    d -= 9;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    public static bool AllDigits(string s) => s.Length > 0 && !s.AsSpan().ContainsAnyExceptInRange('0', '9');

    /// <summary>An opaque token such as an install ID: long enough, no spaces, and mixing in digits.</summary>
    public static bool LooksLikeId(string s)
    {
        if (s.Length < 8 || s.Length > 128)
            return false;
        var digits = 0;
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c))
                digits++;
            else if (!char.IsAsciiLetter(c) && c is not ('-' or '_' or '.' or ':'))
                return false;
        }
        if (digits == 0)
            return false;
        // Epoch timestamps in seconds or milliseconds are times, not identifiers.
        if (digits == s.Length && (s.Length is 10 or 13) && s[0] == '1')
            return false;
        return !s.Contains('.') || Uuid().IsMatch(s);
    }
}
