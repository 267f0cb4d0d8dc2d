namespace Compliance.Engine.Policies;

/// <summary>The lower-case words of a sentence, for comparing two versions of it.</summary>
internal static class SentenceWords
{
    public static string Key(string sentence) => string.Join(' ', Of(sentence));

    public static List<string> Of(string sentence)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= sentence.Length; i++)
        {
            var inWord = i < sentence.Length && (char.IsLetterOrDigit(sentence[i]) || (start >= 0 && sentence[i] is '\'' or '-' or '@' or '.' && i + 1 < sentence.Length && char.IsLetterOrDigit(sentence[i + 1])));
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                words.Add(sentence[start..i].ToLowerInvariant());
                start = -1;
            }
        }
        return words;
    }

    /// <summary>Dice coefficient over two word multisets, each given sorted ordinally: 1 for the same words, 0 for none in common.</summary>
    public static double Similarity(string[] sortedA, string[] sortedB)
    {
        if (sortedA.Length + sortedB.Length == 0)
            return 1;
        int i = 0, j = 0, common = 0;
        while (i < sortedA.Length && j < sortedB.Length)
        {
            var c = string.CompareOrdinal(sortedA[i], sortedB[j]);
            if (c == 0)
            {
                common++;
                i++;
                j++;
            }
            else if (c < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return 2.0 * common / (sortedA.Length + sortedB.Length);
    }

    public static string[] Sorted(List<string> words)
    {
        var sorted = words.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return sorted;
    }

    /// <summary>The words of <paramref name="from"/> that <paramref name="other"/> lacks, in order.</summary>
    public static List<string> Missing(List<string> from, List<string> other)
    {
        var counts = Count(other);
        var missing = new List<string>();
        foreach (var word in from)
        {
            if (counts.TryGetValue(word, out var n) && n > 0)
                counts[word] = n - 1;
            else
                missing.Add(word);
        }
        return missing;
    }

    private static Dictionary<string, int> Count(List<string> words)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in words)
            counts[word] = counts.GetValueOrDefault(word) + 1;
        return counts;
    }
}
