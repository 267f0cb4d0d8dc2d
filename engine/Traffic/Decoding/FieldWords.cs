namespace Compliance.Engine.Traffic.Decoding;

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

    private static void Flush(System.Text.StringBuilder current, List<string> words)
    {
        if (current.Length > 0)
            words.Add(current.ToString());
        current.Clear();
    }
}

/// <summary>A field name split once into the forms the lexicons match against.</summary>
public sealed class FieldName
{
    public static FieldName None { get; } = new("");

    public FieldName(string text)
    {
        Text = text;
        Compact = FieldWords.Compact(text);
        Words = FieldWords.Split(text);
    }

    public string Text { get; }
    /// <summary>Lower case without separators: "$os_version" → "osversion".</summary>
    public string Compact { get; }
    public IReadOnlyList<string> Words { get; }

    /// <summary>True when the whole name or one of its words is in the lexicon.</summary>
    public bool HasAny(IReadOnlySet<string> lexicon)
    {
        if (Text.Length == 0)
            return false;
        if (lexicon.Contains(Compact))
            return true;
        foreach (var w in Words)
            if (lexicon.Contains(w))
                return true;
        return false;
    }

    public override string ToString() => Text;
}

/// <summary>Field names seen in one capture, split once each (bounded, so hostile captures cannot grow it without end).</summary>
public sealed class FieldNameCache
{
    private const int MaxNames = 100_000;
    private readonly Dictionary<string, FieldName> _names = new(StringComparer.Ordinal);

    public FieldName Get(string text)
    {
        if (text.Length == 0)
            return FieldName.None;
        if (_names.TryGetValue(text, out var name))
            return name;
        name = new FieldName(text);
        if (_names.Count < MaxNames)
            _names[text] = name;
        return name;
    }
}
