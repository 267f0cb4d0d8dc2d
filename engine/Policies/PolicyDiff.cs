namespace Compliance.Engine.Policies;

/// <summary>What a policy update changed, sentence by sentence.</summary>
/// <param name="Added">Sentences only in the newer version, in its order.</param>
/// <param name="Removed">Sentences only in the older version, in its order.</param>
/// <param name="Changed">Edited sentences, in the newer version's order.</param>
public sealed record PolicyDiffResult(
    IReadOnlyList<PolicySentence> Added,
    IReadOnlyList<PolicySentence> Removed,
    IReadOnlyList<SentenceChange> Changed)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;
}

/// <summary>A sentence that was edited: the words taken out and put in, and how alike the two versions are (0..1).</summary>
public sealed record SentenceChange(
    PolicySentence Older,
    PolicySentence Newer,
    double Similarity,
    IReadOnlyList<string> WordsRemoved,
    IReadOnlyList<string> WordsAdded);

/// <summary>
/// Compares two versions of a policy. Sentences with the same text (case and spacing aside) are unchanged wherever
/// they moved. Of the rest, an older and a newer sentence in the same section whose words overlap enough are one
/// edited sentence; a pair from different sections must overlap more. Everything else is added or removed.
/// </summary>
public static class PolicyDiff
{
    public const double SameSectionThreshold = 0.5;
    public const double OtherSectionThreshold = 0.75;

    public static PolicyDiffResult Compare(ParsedPolicy older, ParsedPolicy newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var (oldLeft, newLeft) = WithoutUnchanged(older.Sentences, newer.Sentences);
        var oldWords = oldLeft.ToDictionary(i => i, i => SentenceWords.Of(older.Sentences[i].Text));
        var newWords = newLeft.ToDictionary(i => i, i => SentenceWords.Of(newer.Sentences[i].Text));
        var oldSorted = oldWords.ToDictionary(p => p.Key, p => SentenceWords.Sorted(p.Value));
        var newSorted = newWords.ToDictionary(p => p.Key, p => SentenceWords.Sorted(p.Value));

        var candidates = new List<(double Score, int Old, int New)>();
        foreach (var o in oldLeft)
        {
            foreach (var n in newLeft)
            {
                var sameSection = string.Equals(older.Sentences[o].Section, newer.Sentences[n].Section, StringComparison.OrdinalIgnoreCase);
                var score = SentenceWords.Similarity(oldSorted[o], newSorted[n]);
                if (score >= (sameSection ? SameSectionThreshold : OtherSectionThreshold))
                    candidates.Add((sameSection ? score + 1 : score, o, n));
            }
        }
        // Best pairs first, same-section pairs before any other; ties go to the earlier sentences.
        candidates.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Old != b.Old ? a.Old.CompareTo(b.Old) : a.New.CompareTo(b.New));
        var pairedOld = new HashSet<int>();
        var pairedNew = new Dictionary<int, int>();
        foreach (var (_, o, n) in candidates)
        {
            if (pairedOld.Contains(o) || pairedNew.ContainsKey(n))
                continue;
            pairedOld.Add(o);
            pairedNew[n] = o;
        }

        var changed = newLeft.Where(pairedNew.ContainsKey).Select(n =>
        {
            var o = pairedNew[n];
            return new SentenceChange(older.Sentences[o], newer.Sentences[n], Math.Round(SentenceWords.Similarity(oldSorted[o], newSorted[n]), 3),
                SentenceWords.Missing(oldWords[o], newWords[n]), SentenceWords.Missing(newWords[n], oldWords[o]));
        }).ToList();
        var added = newLeft.Where(n => !pairedNew.ContainsKey(n)).Select(n => newer.Sentences[n]).ToList();
        var removed = oldLeft.Where(o => !pairedOld.Contains(o)).Select(o => older.Sentences[o]).ToList();
        return new PolicyDiffResult(added, removed, changed);
    }

    // Matches identical sentences (as a multiset, so a repeated sentence counts once per occurrence).
    private static (List<int> Old, List<int> New) WithoutUnchanged(IReadOnlyList<PolicySentence> older, IReadOnlyList<PolicySentence> newer)
    {
        var available = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);
        for (var i = 0; i < older.Count; i++)
        {
            var key = SentenceWords.Key(older[i].Text);
            if (!available.TryGetValue(key, out var queue))
                available[key] = queue = new Queue<int>();
            queue.Enqueue(i);
        }
        var matchedOld = new HashSet<int>();
        var newLeft = new List<int>();
        for (var i = 0; i < newer.Count; i++)
        {
            if (available.TryGetValue(SentenceWords.Key(newer[i].Text), out var queue) && queue.Count > 0)
                matchedOld.Add(queue.Dequeue());
            else
                newLeft.Add(i);
        }
        var oldLeft = Enumerable.Range(0, older.Count).Where(i => !matchedOld.Contains(i)).ToList();
        return (oldLeft, newLeft);
    }
}
