using System.Runtime.CompilerServices;
using System.Collections.Frozen;

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

/// <summary>
/// A fixed set of lower-case field words a detector looks for. Each lexicon has a small number, so a
/// field name can remember its answer for it: the same names recur in every request of a capture.
/// </summary>
public sealed class Lexicon
{
    private static int s_count;
    private readonly FrozenSet<string> _words;

    public Lexicon(params IEnumerable<string> words)
    {
        _words = words.ToFrozenSet(StringComparer.Ordinal);
        Id = Interlocked.Increment(ref s_count) - 1;
    }

    internal int Id { get; }
    internal static int Count => Volatile.Read(ref s_count);

    public bool Contains(string word) => _words.Contains(word);
}

/// <summary>A field name split once into the forms the lexicons match against.</summary>
public sealed class FieldName
{
    private const byte No = 1, Yes = 2;
    /// <summary>Any word or the whole name; any word; the whole name.</summary>
    private const int Questions = 3;

    public static FieldName None { get; } = new("");

    /// <summary>Per lexicon and question: 0 not asked yet, else No or Yes. A lost write under a race is only asked again.</summary>
    private byte[]? _answers;
    private string? _pathStep;

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

    /// <summary>The JSON path step of a property of this name (".name" or "['odd-name']"), made once.</summary>
    internal string PathStep => _pathStep ??= ValuePath.JsonPathStep(Text);

    /// <summary>True when the whole name or one of its words is in the lexicon.</summary>
    public bool HasAny(Lexicon lexicon) => Text.Length != 0 && Answer(lexicon, 0);

    /// <summary>True when one of the name's words (not the whole compact name) is in the lexicon.</summary>
    public bool HasWord(Lexicon lexicon) => Text.Length != 0 && Answer(lexicon, 1);

    /// <summary>True when the whole compact name is in the lexicon ("$os_version" is "osversion").</summary>
    public bool Is(Lexicon lexicon) => Text.Length != 0 && Answer(lexicon, 2);

    private bool Answer(Lexicon lexicon, int question)
    {
        var slot = lexicon.Id * Questions + question;
        var answers = _answers;
        if (answers is null || answers.Length <= slot)
        {
            var grown = new byte[Math.Max(slot + 1, Lexicon.Count * Questions)];
            answers?.CopyTo(grown, 0);
            _answers = answers = grown;
        }
        var known = answers[slot];
        if (known != 0)
            return known == Yes;
        var result = question switch
        {
            0 => lexicon.Contains(Compact) || AnyWord(lexicon),
            1 => AnyWord(lexicon),
            _ => lexicon.Contains(Compact),
        };
        answers[slot] = result ? Yes : No;
        return result;
    }

    private bool AnyWord(Lexicon lexicon)
    {
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
    private readonly Dictionary<string, FieldName>.AlternateLookup<ReadOnlySpan<char>> _byChars;

    public FieldNameCache() => _byChars = _names.GetAlternateLookup<ReadOnlySpan<char>>();

    public FieldName Get(string text)
    {
        if (text.Length == 0)
            return FieldName.None;
        if (_names.TryGetValue(text, out var name))
            return name;
        return Add(text);
    }

    /// <summary>The name of a JSON property from its UTF-8 bytes (unescaped), without a string when the name was seen before.</summary>
    public FieldName Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length == 0)
            return FieldName.None;
        if (utf8.Length > 128)
            return Get(System.Text.Encoding.UTF8.GetString(utf8));
        Span<char> chars = stackalloc char[128];
        var n = System.Text.Encoding.UTF8.GetChars(utf8, chars);
        return _byChars.TryGetValue(chars[..n], out var name) ? name : Add(new string(chars[..n]));
    }

    /// <summary>
    /// The trail with one more name. Equal trails are one array, so the same path in every event of a batch
    /// costs nothing more, and comparing trails compares references. Bounded like the names.
    /// </summary>
    public IReadOnlyList<FieldName> Extend(IReadOnlyList<FieldName> trail, FieldName name)
    {
        var key = new TrailKey(trail, name);
        if (_trails.TryGetValue(key, out var known))
            return known;
        var longer = DecodeScope.With(trail, name);
        if (_trails.Count < MaxNames)
            _trails[key] = longer;
        return longer;
    }

    private readonly Dictionary<TrailKey, FieldName[]> _trails = [];

    /// <summary>A trail (by reference) and the name added to it.</summary>
    private readonly struct TrailKey(IReadOnlyList<FieldName> trail, FieldName name) : IEquatable<TrailKey>
    {
        private readonly IReadOnlyList<FieldName> _trail = trail;
        private readonly FieldName _name = name;

        public bool Equals(TrailKey other) => ReferenceEquals(_trail, other._trail) && ReferenceEquals(_name, other._name);
        public override bool Equals(object? obj) => obj is TrailKey other && Equals(other);
        public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(_trail), RuntimeHelpers.GetHashCode(_name));
    }

    private FieldName Add(string text)
    {
        var name = new FieldName(text);
        if (_names.Count < MaxNames)
            _names[text] = name;
        return name;
    }
}
