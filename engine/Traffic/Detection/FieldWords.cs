namespace Compliance.Engine.Traffic.Detection;

/// <summary>
/// Splits field names the way analytics SDKs write them ("$os_version", "d-device-model", "androidId",
/// "X-App-Install") into lower-case words, so lexicons can match any of those spellings.
/// </summary>
public static class FieldWords
{
    public static IReadOnlyList<string> Split(string field)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < field.Length; i++)
        {
            var c = field[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(current, words);
                continue;
            }
            var boundary = current.Length > 0 && char.IsUpper(c)
                && (char.IsLower(field[i - 1]) || (i + 1 < field.Length && char.IsLower(field[i + 1]) && char.IsUpper(field[i - 1])));
            if (boundary)
                Flush(current, words);
            current.Append(char.ToLowerInvariant(c));
        }
        Flush(current, words);
        return words;
    }

    /// <summary>The field name in lower case without separators: "$os_version" → "osversion".</summary>
    public static string Compact(string field)
    {
        var chars = new char[field.Length];
        var n = 0;
        foreach (var c in field)
            if (char.IsLetterOrDigit(c))
                chars[n++] = char.ToLowerInvariant(c);
        return new string(chars, 0, n);
    }

    public static bool HasAny(string field, IReadOnlySet<string> lexicon)
    {
        if (field.Length == 0)
            return false;
        if (lexicon.Contains(Compact(field)))
            return true;
        foreach (var w in Split(field))
            if (lexicon.Contains(w))
                return true;
        return false;
    }

    public static bool TrailHasAny(IReadOnlyList<string> trail, IReadOnlySet<string> lexicon)
    {
        foreach (var f in trail)
            if (HasAny(f, lexicon))
                return true;
        return false;
    }

    private static void Flush(System.Text.StringBuilder current, List<string> words)
    {
        if (current.Length > 0)
            words.Add(current.ToString());
        current.Clear();
    }
}
