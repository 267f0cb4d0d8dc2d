using Compliance.Engine.Claims.Rules;

namespace Compliance.Engine.Claims.Learned;

/// <summary>
/// The feature vectors of every learned stage, built from a <see cref="SentenceView"/>. Each stage sees the
/// contextual MiniLM vectors of the words that matter to it (the span itself, its neighbours, the words
/// between a span and its verb, the sentence) and a few counts of closed-class cue words; the vocabulary of
/// any one data set is never a feature.
/// </summary>
public static class ClaimFeatures
{
    private const int D = SentenceView.D;

    public static readonly string[] Qualifiers =
        ["aggregated", "anonymized", "de-identified", "pseudonymized", "hashed", "encrypted", "non-identifying", "differential-privacy", "on-device-only"];

    public static readonly string[] ConditionKinds =
        ["consent", "opt-in", "setting-enabled", "signed-in", "not-private-mode", "app-in-use", "user-initiated"];

    // ---- words (the tagger) ----

    public const int WordWidth = 4 * D + WordCues.Width + 2;

    public static float[] Word(SentenceView s, int i)
    {
        var f = new float[WordWidth];
        var span = f.AsSpan();
        s.Encoded.Word(i).CopyTo(span[..D]);
        s.Mean(i - 2, i, span.Slice(D, D));
        s.Mean(i + 1, i + 3, span.Slice(2 * D, D));
        s.Encoded.Sentence.CopyTo(span.Slice(3 * D, D));
        s.Cues.Write(i, s.Text, s.Words[i], span.Slice(4 * D, WordCues.Width));
        f[4 * D + WordCues.Width] = i > 0 && s.Cues.IsNegation(i - 1) ? 1 : 0;
        f[4 * D + WordCues.Width + 1] = i > 0 && s.Cues.IsConditionOpener(i - 1) ? 1 : 0;
        return f;
    }

    // ---- sentences (practice or not) ----

    public const int SentenceWidth = D + 6;

    public static float[] Sentence(SentenceView s)
    {
        var f = new float[SentenceWidth];
        s.Encoded.Sentence.CopyTo(f, 0);
        var n = Math.Max(1, s.Count);
        f[D] = MathF.Log(1 + s.Count) / 4;
        f[D + 1] = s.CountWhere(0, s.Count, w => s.Cues.DataTerm[w] is { Length: > 0 } && s.Cues.DataStart[w]) / (float)n * 5;
        f[D + 2] = s.CountWhere(0, s.Count, w => s.Cues.RecipientTerm[w] is not null && s.Cues.RecipientStart[w]) / (float)n * 5;
        f[D + 3] = s.CountWhere(0, s.Count, s.Cues.IsNegation) > 0 ? 1 : 0;
        f[D + 4] = s.Text.TrimEnd().EndsWith('.') ? 1 : 0;
        f[D + 5] = s.Text.TrimEnd().EndsWith(':') || s.Text.TrimEnd().EndsWith(';') ? 1 : 0;
        return f;
    }

    // ---- one span (its value: data type, recipient class, condition kind) ----

    /// <param name="lexicon">the terms the span's lexicon cue may name, in model order (null: no lexicon cue).</param>
    /// <param name="memory">what training spans with the same wording were labelled (null: none).</param>
    /// <param name="exclude">while training, the span's own label, left out of the memory's answer.</param>
    public static float[] Span(SentenceView s, WordSpan span, IReadOnlyList<string>? lexicon, Func<int, string?>? termOf,
        PhraseMemory? memory = null, int exclude = -1)
    {
        var terms = lexicon?.Count ?? 0;
        var f = new float[3 * D + terms + 3 + (memory?.Width ?? 0)];
        var v = f.AsSpan();
        s.Mean(span.First, span.End, v[..D]);
        s.Encoded.Word(span.End - 1).CopyTo(v.Slice(D, D));
        s.Mean(span.First - 3, span.First, v.Slice(2 * D, D));
        if (lexicon is not null && termOf is not null)
        {
            // The lexicon term that covers the most words of the span, later words winning ties (the head noun).
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            string? best = null;
            for (var w = span.First; w < span.End; w++)
            {
                if (termOf(w) is not { Length: > 0 } term)
                    continue;
                counts[term] = counts.GetValueOrDefault(term) + 1;
                if (best is null || counts[term] >= counts[best])
                    best = term;
            }
            var index = best is null ? -1 : IndexOf(lexicon, best);
            if (index >= 0)
                f[3 * D + index] = 1;
        }
        f[3 * D + terms] = MathF.Log(1 + span.Length) / 2;
        f[3 * D + terms + 1] = char.IsUpper(s.Text[s.Words[span.First].Start]) ? 1 : 0;
        f[3 * D + terms + 2] = s.CountWhere(span.First, span.End, w => WordCues.IsPunctuation(s.Cues.Lower[w])) > 0 ? 1 : 0;
        memory?.Write(s.SpanText(span), v[(3 * D + terms + 3)..], exclude);
        return f;
    }

    // ---- a span and a verb (does the span belong to the verb's claim?) ----

    public const int PairWidth = 3 * D + 24;

    public static float[] Pair(SentenceView s, WordSpan span, WordSpan anchor, IReadOnlyList<WordSpan> anchors)
    {
        var f = new float[PairWidth];
        var v = f.AsSpan();
        s.Mean(anchor.First, anchor.End, v[..D]);
        s.Mean(span.First, span.End, v.Slice(D, D));
        var before = span.End <= anchor.First;
        var (gapStart, gapEnd) = before ? (span.End, anchor.First) : (anchor.End, span.First);
        s.Mean(gapStart, gapEnd, v.Slice(2 * D, D));
        var x = 3 * D;
        f[x + Array.IndexOf(WordTags.Kinds, span.Kind) % 4] = 1; // action 0, data 1, recipient 2, condition 3
        f[x + 4] = before ? 1 : 0;
        var gap = Math.Max(0, gapEnd - gapStart);
        f[x + 5] = MathF.Log(1 + gap) / 3;
        f[x + 6] = gap == 0 ? 1 : 0;
        var between = anchors.Count(a => a != anchor && a.First >= gapStart && a.End <= gapEnd);
        f[x + 7] = Math.Min(3, between);
        f[x + 8] = between == 0 ? 1 : 0;
        f[x + 9] = Math.Min(4, anchors.Count - 1);
        f[x + 10] = IsNearest(span, anchor, anchors) ? 1 : 0;
        f[x + 11] = Math.Min(3, s.CountWhere(gapStart, gapEnd, w => s.Cues.Lower[w] == ","));
        f[x + 12] = Math.Min(3, s.CountWhere(gapStart, gapEnd, w => s.Cues.Lower[w] is ";" or ":" or "." or "?" or "!"));
        f[x + 13] = Math.Min(3, s.CountWhere(gapStart, gapEnd, w => s.Cues.Lower[w] is "(" or ")" or "-" or "–" or "—"));
        f[x + 14] = Math.Min(3, s.CountWhere(gapStart, gapEnd, s.Cues.IsClauseJoiner));
        f[x + 15] = Math.Min(3, s.CountWhere(gapStart, gapEnd, w => s.Cues.Lower[w] == "and"));
        f[x + 16] = Math.Min(3, s.CountWhere(gapStart, gapEnd, w => s.Cues.Lower[w] == "but"));
        f[x + 17] = Math.Min(3, s.CountWhere(gapStart, gapEnd, s.Cues.IsConditionOpener));
        f[x + 18] = Math.Min(3, s.CountWhere(gapStart, gapEnd, s.Cues.IsNegation));
        f[x + 19] = Math.Min(3, s.CountWhere(gapStart, gapEnd, w => s.Cues.Lower[w] is "which" or "that" or "who"));
        f[x + 20] = Math.Min(3, s.CountWhere(gapStart, gapEnd, w => s.Cues.Lower[w] is "with" or "to" or "by" or "from"));
        f[x + 21] = anchors.Count == 1 ? 1 : 0;
        f[x + 22] = before && anchors.All(a => a.First >= span.End) ? 1 : 0; // the span opens the sentence before any verb
        f[x + 23] = !before && anchors.Where(a => a.End <= span.First).Max(a => a.End) == anchor.End ? 1 : 0; // the nearest verb before the span
        return f;
    }

    private static bool IsNearest(WordSpan span, WordSpan anchor, IReadOnlyList<WordSpan> anchors)
    {
        static int Distance(WordSpan a, WordSpan b) => a.End <= b.First ? b.First - a.End : a.First - b.End;
        var mine = Distance(span, anchor);
        return anchors.All(a => a == anchor || Distance(span, a) > mine);
    }

    // ---- a verb with its attached spans (which action) ----

    /// <param name="recipients">the recipient classes of the spans attached to the verb, in ontology order of <paramref name="recipientClasses"/>.</param>
    /// <param name="memory">what training verbs with the same wording were labelled (null: none); <paramref name="exclude"/> as for spans.</param>
    public static float[] Action(SentenceView s, WordSpan anchor, IReadOnlyList<string> recipients, IReadOnlyList<string> recipientClasses, bool hasData,
        PhraseMemory? memory = null, int exclude = -1)
    {
        var f = new float[4 * D + 10 + (memory?.Width ?? 0)];
        var v = f.AsSpan();
        s.Mean(anchor.First, anchor.End, v[..D]);
        s.Mean(anchor.End, anchor.End + 4, v.Slice(D, D));
        s.Mean(anchor.First - 4, anchor.First, v.Slice(2 * D, D)); // who does it
        s.Encoded.Sentence.CopyTo(v.Slice(3 * D, D));
        foreach (var r in recipients)
        {
            var i = IndexOf(recipientClasses, r);
            if (i >= 0 && i < 8)
                f[4 * D + i] = 1;
        }
        f[4 * D + 8] = recipients.Count == 0 ? 1 : 0;
        f[4 * D + 9] = hasData ? 1 : 0;
        memory?.Write(s.SpanText(anchor), v[(4 * D + 10)..], exclude);
        return f;
    }

    // ---- a verb and one of its data spans (affirmative or negative) ----

    public const int PolarityWidth = 4 * D + 12 + 7;

    public static float[] Polarity(SentenceView s, WordSpan anchor, WordSpan? data, IReadOnlyList<string> conditionKinds)
    {
        var f = new float[PolarityWidth];
        var v = f.AsSpan();
        s.Mean(anchor.First, anchor.End, v[..D]);
        s.Mean(anchor.First - 4, anchor.First, v.Slice(D, D));
        if (data is { } d)
            s.Mean(d.First - 2, d.End, v.Slice(2 * D, D));
        s.Encoded.Sentence.CopyTo(v.Slice(3 * D, D));
        var x = 4 * D;
        bool Neg(int w) => s.Cues.IsNegation(w);
        f[x] = s.CountWhere(anchor.First - 4, anchor.First, Neg) > 0 ? 1 : 0;
        f[x + 1] = s.CountWhere(0, anchor.First, Neg) > 0 ? 1 : 0;
        f[x + 2] = s.CountWhere(anchor.First, anchor.End, Neg) > 0 ? 1 : 0;
        f[x + 3] = s.CountWhere(anchor.End, anchor.End + 3, Neg) > 0 ? 1 : 0;
        if (data is { } span)
        {
            f[x + 4] = s.CountWhere(span.First - 3, span.First, Neg) > 0 ? 1 : 0;
            var (from, to) = span.End <= anchor.First ? (span.End, anchor.First) : (anchor.End, span.First);
            f[x + 5] = s.CountWhere(from, to, Neg) > 0 ? 1 : 0;
            f[x + 6] = span.End <= anchor.First ? 1 : 0;
            f[x + 7] = s.CountWhere(from, to, w => s.Cues.Lower[w] == "but") > 0 ? 1 : 0;
        }
        else
            f[x + 8] = 1;
        f[x + 9] = Math.Min(3, s.CountWhere(0, s.Count, Neg));
        f[x + 10] = s.CountWhere(0, s.Count, w => s.Cues.Lower[w] is "unless" or "except" or "until" or "without" or "only" or "apart" or "other") > 0 ? 1 : 0;
        f[x + 11] = conditionKinds.Count > 0 ? 1 : 0;
        foreach (var kind in conditionKinds)
        {
            var i = Array.IndexOf(ConditionKinds, kind);
            if (i >= 0)
                f[x + 12 + i] = 1;
        }
        return f;
    }

    // ---- one claim (qualifiers and purposes) ----

    public const int ClaimWidth = 3 * D + 2 * 9 + 1;

    public static float[] Claim(SentenceView s, WordSpan anchor, IReadOnlyList<WordSpan> data, bool negative)
    {
        var f = new float[ClaimWidth];
        var v = f.AsSpan();
        s.Mean(anchor.First, anchor.End, v[..D]);
        var first = Math.Min(anchor.First, data.Count > 0 ? data.Min(d => d.First) : anchor.First);
        var end = Math.Max(anchor.End, data.Count > 0 ? data.Max(d => d.End) : anchor.End);
        s.Mean(first - 3, end + 3, v.Slice(D, D));
        s.Encoded.Sentence.CopyTo(v.Slice(2 * D, D));
        var x = 3 * D;
        var inSentence = QualifierReader.Read(s.Text);
        var region = QualifierReader.Read(s.Text[s.Words[Math.Max(0, first - 3)].Start..s.Words[Math.Min(s.Count, end + 3) - 1].End]);
        for (var q = 0; q < Qualifiers.Length; q++)
        {
            f[x + q] = inSentence.Contains(Qualifiers[q]) ? 1 : 0;
            f[x + 9 + q] = region.Contains(Qualifiers[q]) ? 1 : 0;
        }
        // A denial carries few protections ("never leaves your device" is a negative claim with on-device-only).
        f[x + 18] = negative ? 1 : 0;
        return f;
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
                return i;
        }
        return -1;
    }
}
