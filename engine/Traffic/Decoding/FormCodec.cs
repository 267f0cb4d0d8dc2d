using System.Diagnostics.CodeAnalysis;

namespace Compliance.Engine.Traffic.Decoding;

/// <summary>application/x-www-form-urlencoded bodies and percent-encoding.</summary>
public static class FormCodec
{
    /// <summary>Parses "a=1&b=2" when the text really is a form (names look like names).</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out List<(string Name, string Value)>? pairs)
    {
        pairs = null;
        if (!text.Contains('=') || text.Contains('\n') || text.Contains(' '))
            return false;
        pairs = [];
        var anyValue = false;
        foreach (var (name, value) in SplitPairs(text))
        {
            if (name.Length == 0 || name.Length > 100 || !IsName(name))
            {
                pairs.Clear();
                return false;
            }
            anyValue |= value.Length > 0;
            pairs.Add((name, value));
        }
        return pairs.Count > 0 && (anyValue || pairs.Count > 1);
    }

    public static IEnumerable<(string Name, string Value)> SplitPairs(string text)
    {
        foreach (var part in text.Split('&'))
        {
            if (part.Length == 0)
                continue;
            var eq = part.IndexOf('=');
            var name = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? "" : part[(eq + 1)..];
            yield return (Unescape(name), Unescape(value));
        }
    }

    public static bool TryPercentDecode(string text, out string decoded)
    {
        decoded = text;
        try
        {
            decoded = Uri.UnescapeDataString(text);
            return true;
        }
        catch (UriFormatException)
        {
            return false;
        }
    }

    private static string Unescape(string s)
    {
        var plus = s.Replace('+', ' ');
        return TryPercentDecode(plus, out var d) ? d : plus;
    }

    private static bool IsName(string name)
    {
        foreach (var c in name)
            if (!char.IsLetterOrDigit(c) && c is not ('_' or '-' or '.' or '[' or ']' or '$' or ':' or ' '))
                return false;
        return true;
    }
}
