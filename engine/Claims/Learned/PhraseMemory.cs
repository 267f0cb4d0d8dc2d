using System.Text;

namespace Compliance.Engine.Claims.Learned;

/// <summary>
/// What the training spans of one kind were labelled, by their wording: for a span's whole phrase, its last
/// two words and its last word (lower case, without determiners, singular), the share of each class among the
/// training spans with that key. A learned lexicon: its answers are features of the span classifiers, which
/// learn how far to trust them; while training, a span's own label is left out of its answer.
/// </summary>
public sealed class PhraseMemory
{
    public const int Levels = 3;

    private static readonly HashSet<string> s_determiners = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "your", "our", "their", "its", "his", "her", "my", "this", "these", "those", "that", "any", "such",
        "all", "some", "each", "every", "other", "certain",
    };

    private readonly Dictionary<string, int[]> _counts;

    public int ClassCount { get; }

    public PhraseMemory(int classCount) : this(classCount, new Dictionary<string, int[]>(StringComparer.Ordinal))
    {
    }

    private PhraseMemory(int classCount, Dictionary<string, int[]> counts)
    {
        ClassCount = classCount;
        _counts = counts;
    }

    public int Width => Levels * (ClassCount + 1);

    public void Add(string phrase, int label)
    {
        foreach (var key in Keys(phrase))
        {
            if (!_counts.TryGetValue(key, out var counts))
                _counts[key] = counts = new int[ClassCount];
            counts[label]++;
        }
    }

    /// <summary>Writes, per level, the class shares and a confidence (log of the count); <paramref name="exclude"/> is the span's own label while training.</summary>
    public void Write(string phrase, Span<float> into, int exclude = -1)
    {
        into.Clear();
        var keys = Keys(phrase);
        for (var level = 0; level < keys.Count; level++)
        {
            if (!_counts.TryGetValue(keys[level], out var counts))
                continue;
            var total = counts.Sum() - (exclude >= 0 ? 1 : 0);
            if (total <= 0)
                continue;
            var at = level * (ClassCount + 1);
            for (var c = 0; c < ClassCount; c++)
                into[at + c] = (counts[c] - (c == exclude ? 1 : 0)) / (float)total;
            into[at + ClassCount] = MathF.Log(1 + total) / 3;
        }
    }

    /// <summary>The keys of a phrase, whole first: "Your e-mail addresses" → "e mail address", "mail address", "address".</summary>
    public static List<string> Keys(string phrase)
    {
        var words = Words(phrase);
        while (words.Count > 1 && s_determiners.Contains(words[0]))
            words.RemoveAt(0);
        if (words.Count == 0)
            return [];
        var keys = new List<string> { string.Join(' ', words) };
        if (words.Count > 2)
            keys.Add(string.Join(' ', words.Skip(words.Count - 2)));
        if (words.Count > 1)
            keys.Add(words[^1]);
        return keys;
    }

    private static List<string> Words(string phrase)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in phrase.ToLowerInvariant().Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }
            if (word.Length > 0)
                words.Add(Singular(word.ToString()));
            word.Clear();
        }
        return words;
    }

    private static string Singular(string word)
    {
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
            return word[..^3] + "y";
        if (word.Length > 4 && (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal)
            || word.EndsWith("shes", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)))
            return word[..^2];
        if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
            && !word.EndsWith("is", StringComparison.Ordinal))
            return word[..^1];
        return word;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(ClassCount);
        writer.Write(_counts.Count);
        foreach (var (key, counts) in _counts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(key);
            foreach (var c in counts)
                writer.Write(c);
        }
    }

    public static PhraseMemory Read(BinaryReader reader)
    {
        var classes = ClaimModels.Bounded(reader.ReadInt32(), 1000);
        var count = ClaimModels.Bounded(reader.ReadInt32(), 10_000_000);
        var counts = new Dictionary<string, int[]>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadString();
            var values = new int[classes];
            for (var c = 0; c < classes; c++)
                values[c] = reader.ReadInt32();
            counts[key] = values;
        }
        return new PhraseMemory(classes, counts);
    }
}
