using Compliance.Engine.Claims.Rules;
using Compliance.Engine.Ontology;

namespace Compliance.Engine.Claims.Learned;

/// <summary>
/// Reads the claims of one sentence with the learned stages of <see cref="ClaimModels"/>: gate on the practice
/// model, tag the words, give each span its value, attach spans to verbs, then decide each verb's action and the
/// polarity of each of its data spans; claims that agree on everything but their data types are merged.
/// Immutable; one instance serves every thread.
/// </summary>
public sealed class LearnedClaimReader(ClaimModels models, OntologyModel ontology)
{
    /// <summary>
    /// A span that is exactly a lexicon phrase takes the lexicon's term unless the span model gives that term less
    /// than this and another term more than <see cref="LexiconOverride"/> (context can make an e-mail address a contact).
    /// </summary>
    public float LexiconDoubt { get; init; } = 0.1f;
    public float LexiconOverride { get; init; } = 0.8f;
    /// <summary>Whether exact lexicon phrases decide a span's value first (off only to measure what that adds).</summary>
    public bool LexiconFirst { get; init; } = true;

    private readonly ClauseVocabulary _vocabulary = new(ontology);

    /// <summary>Sentences the practice model scores below this state no practice.</summary>
    public float PracticeThreshold { get; init; } = 0.5f;
    /// <summary>A span attaches to every verb it scores at least this with (and always to its best verb).</summary>
    public float AttachThreshold { get; init; } = 0.5f;
    public float QualifierThreshold { get; init; } = 0.5f;
    public float PurposeThreshold { get; init; } = 0.5f;
    /// <summary>Whether a practice sentence without a tagged verb gets its likeliest verb word as one.</summary>
    public bool RescueAnchors { get; init; } = true;


    public List<ClaimDraft> Read(SentenceView s)
    {
        var practice = models.Practice.Probability(ClaimFeatures.Sentence(s), "yes");
        if (practice < PracticeThreshold || s.Count == 0)
            return [];
        var probabilities = new float[s.Count][];
        for (var w = 0; w < s.Count; w++)
            probabilities[w] = models.Tagger.Probabilities(ClaimFeatures.Word(s, w));
        var spans = WordTags.Spans(WordTags.Decode(probabilities)).Where(p => p.Kind is not (WordTags.Data or WordTags.Recipient) || Names(s, p)).ToList();
        if (!spans.Any(p => p.Kind == WordTags.Action) && RescueAnchors)
        {
            // A sentence the practice model reads as a practice but where no word was tagged as its verb: the word
            // most likely to begin a verb span becomes the verb, unless it is already inside another span.
            var best = -1;
            for (var w = 0; w < s.Count; w++)
            {
                if (spans.Any(p => p.First <= w && w < p.End))
                    continue;
                if (best < 0 || probabilities[w][WordTags.Begin(WordTags.Action)] > probabilities[best][WordTags.Begin(WordTags.Action)])
                    best = w;
            }
            if (best >= 0)
                spans = [.. spans, new WordSpan(WordTags.Action, best, best + 1)];
            spans.Sort((a, b) => a.First.CompareTo(b.First));
        }
        return Read(s, spans, practice, a => probabilities[a.First][WordTags.Begin(WordTags.Action)]);
    }

    /// <summary>The claims of a sentence whose spans are known (the tagger's, or gold ones when measuring the later stages).</summary>
    public List<ClaimDraft> Read(SentenceView s, IReadOnlyList<WordSpan> spans, float practice, Func<WordSpan, float> anchorProbability)
    {
        var anchors = spans.Where(p => p.Kind == WordTags.Action).ToList();
        if (anchors.Count == 0)
            return [];

        var attached = anchors.ToDictionary(a => a, _ => new List<WordSpan>());
        foreach (var span in spans.Where(p => p.Kind is WordTags.Data or WordTags.Recipient or WordTags.Condition))
        {
            var scores = anchors.Select(a => models.Attachment.Probability(ClaimFeatures.Pair(s, span, a, anchors), "yes")).ToArray();
            var best = Array.IndexOf(scores, scores.Max());
            for (var i = 0; i < anchors.Count; i++)
            {
                if (i == best || scores[i] >= AttachThreshold)
                    attached[anchors[i]].Add(span);
            }
        }

        var drafts = new List<(ClaimDraft Draft, bool Implicit)>();
        foreach (var anchor in anchors)
        {
            var own = attached[anchor];
            var data = own.Where(p => p.Kind == WordTags.Data).ToList();
            var recipients = own.Where(p => p.Kind == WordTags.Recipient).Select(p => RecipientOf(s, p))
                .Distinct(StringComparer.Ordinal).ToList();
            var conditions = own.Where(p => p.Kind == WordTags.Condition).Select(p => ConditionOf(s, p)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var conditionKinds = conditions.Select(ClaimModels.ConditionKind).Distinct(StringComparer.Ordinal).ToList();
            var action = models.Action.Best(models.ActionFeatures(s, anchor, recipients, data.Count > 0));

            var byPolarity = new SortedDictionary<Polarity, List<WordSpan>>();
            if (data.Count == 0)
                byPolarity[PolarityOf(s, anchor, null, conditionKinds)] = [];
            foreach (var d in data)
            {
                var polarity = PolarityOf(s, anchor, d, conditionKinds);
                if (!byPolarity.TryGetValue(polarity, out var list))
                    byPolarity[polarity] = list = [];
                list.Add(d);
            }
            foreach (var (polarity, items) in byPolarity)
            {
                var types = items.Select(d => DataTypeOf(s, d))
                    .Distinct(StringComparer.Ordinal).ToList();
                if (types.Count == 0)
                    types.Add(OntologyModel.Root);
                var claimFeatures = ClaimFeatures.Claim(s, anchor, items, polarity == Polarity.Negative);
                var draft = new ClaimDraft
                {
                    Action = action,
                    Polarity = polarity,
                    DataTypes = types,
                    Recipients = recipients.Count > 0 ? [.. recipients] : [action is "share" or "sell" ? "third-party" : "first-party"],
                    Confidence = (practice + anchorProbability(anchor)) / 2,
                };
                // A negative claim denies the practice outright: conditions belong to affirmatives. Protections
                // may qualify a denial ("never leaves your device": on-device-only), so the model decides for both.
                if (polarity == Polarity.Affirmative)
                    draft.Conditions.UnionWith(conditions);
                foreach (var (name, model) in models.Qualifiers)
                {
                    if (model.Probability(claimFeatures, "yes") >= QualifierThreshold && Compatible(name, action, polarity))
                        draft.Qualifiers.Add(name);
                }
                foreach (var (name, model) in models.Purposes)
                {
                    if (model.Probability(claimFeatures, "yes") >= PurposeThreshold)
                        draft.Purposes.Add(name);
                }
                drafts.Add((draft, items.Count == 0));
            }
        }
        return Merge(drafts);
    }

    // Data that never leaves the device is not collected, shared, sold or sent abroad: on-device-only qualifies a
    // denial of those, or an affirmative use, storage or retention on the device (ONTOLOGY.md's reading conventions).
    private static bool Compatible(string qualifier, string action, Polarity polarity) =>
        qualifier != "on-device-only" || polarity == Polarity.Negative || action is "use" or "store" or "retain";

    /// <summary>The data type a data span names.</summary>
    public string DataTypeOf(SentenceView s, WordSpan span) => Value(models.DataType, models.DataFeatures(s, span), _vocabulary.DataTypes, s, span);

    /// <summary>The recipient class a recipient span names.</summary>
    public string RecipientOf(SentenceView s, WordSpan span) => Value(models.Recipient, models.RecipientFeatures(s, span), _vocabulary.Recipients, s, span);

    // Lexicon first, the span model second (the claim-extraction issue's order): the model decides phrases the
    // lexicon does not list whole, and may overrule the lexicon only when it is sure and the lexicon term unlikely.
    private string Value(IClassifier model, float[] features, PhraseMatcher lexicon, SentenceView s, WordSpan span)
    {
        var p = model.Probabilities(features);
        var best = 0;
        for (var i = 1; i < p.Length; i++)
        {
            if (p[i] > p[best])
                best = i;
        }
        if (!LexiconFirst || LexiconTerm(lexicon, s, span) is not { Length: > 0 } term)
            return model.Classes[best];
        var index = -1;
        for (var i = 0; i < model.Classes.Count; i++)
        {
            if (model.Classes[i] == term)
                index = i;
        }
        return index < 0 || (p[index] < LexiconDoubt && p[best] > LexiconOverride) ? model.Classes[best] : term;
    }

    // Closed-class words: pronouns, determiners, prepositions, particles, conjunctions, auxiliaries and punctuation.
    // A data or recipient span made of these alone names nothing ("to find out", "them"); the labelling guide never
    // marks one, so the tagger's occasional span of that kind is dropped.
    private static readonly HashSet<string> s_functionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "your", "our", "their", "its", "his", "her", "my", "this", "these", "those", "that", "which", "who",
        "what", "it", "them", "they", "you", "we", "us", "he", "she", "him", "i", "me", "out", "up", "off", "on", "in", "at",
        "to", "of", "for", "from", "by", "with", "about", "into", "over", "and", "or", "but", "nor", "so", "as", "if",
        "is", "are", "was", "were", "be", "been", "do", "does", "did", "have", "has", "had", "can", "may", "will", "not",
        "own", "there", "here", "then", "than", ",", ".", ";", ":", "(", ")", "'", "\"", "-",
    };

    private static bool Names(SentenceView s, WordSpan span)
    {
        for (var w = span.First; w < span.End; w++)
        {
            if (!s_functionWords.Contains(s.Cues.Lower[w]))
                return true;
        }
        return false;
    }

    private static readonly HashSet<string> s_determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "your", "our", "their", "its", "his", "her", "my", "this", "these", "those", "any", "such", "all", "some", "each",
    };

    private static string? LexiconTerm(PhraseMatcher lexicon, SentenceView s, WordSpan span)
    {
        var first = span.First;
        while (first < span.End - 1 && s_determiners.Contains(s.Cues.Lower[first]))
            first++;
        return lexicon.Exact(s.Text[s.Words[first].Start..s.Words[span.End - 1].End]);
    }

    private Polarity PolarityOf(SentenceView s, WordSpan anchor, WordSpan? data, List<string> conditionKinds) =>
        models.Polarity.Probability(ClaimFeatures.Polarity(s, anchor, data, conditionKinds), "negative") >= 0.5f ? Polarity.Negative : Polarity.Affirmative;

    // A setting condition whose phrase names no setting cannot be checked against a capture: it is left out.
    private string? ConditionOf(SentenceView s, WordSpan span)
    {
        var kind = models.Condition.Best(ClaimModels.ConditionFeatures(s, span));
        if (kind != "setting-enabled")
            return kind;
        var name = SettingName.Of(s.SpanText(LabelEnd(s, span)));
        return name is null ? null : "setting-enabled:" + name;
    }

    private const int MaxLabelWords = 8;

    // A tagged condition often stops inside the setting's label ("turn off Personalized | Ads"): the phrase runs on
    // over the rest of a capitalised label or a menu path ("Settings > Privacy > Share Usage Data").
    private static WordSpan LabelEnd(SentenceView s, WordSpan span)
    {
        bool Separator(int w) => s.WordText(w) is ">" or "→" or "›";
        bool Capital(int w) => s.WordText(w) is { Length: > 0 } t && (char.IsUpper(t[0]) || char.IsDigit(t[0]));
        bool Joiner(int w) => s.WordText(w) is "&" or "and" or "of";
        var end = span.End;
        while (end < s.Count && end - span.End < MaxLabelWords)
        {
            var continues = Separator(end)
                || (end > 0 && Separator(end - 1))
                || (Capital(end) && end > 0 && (Capital(end - 1) || (Joiner(end - 1) && end > 1 && Capital(end - 2))))
                || (Joiner(end) && end + 1 < s.Count && Capital(end + 1) && end > 0 && Capital(end - 1));
            if (!continues)
                break;
            end++;
        }
        return span with { End = end };
    }


    // Claims that differ only in their data types (two verbs of the same action, or a list split by the tagger) are one claim.
    // A verb without data spans names no data of its own ("… and never sell it"): merged with a claim that
    // names data, it adds nothing; alone, it speaks of personal data in general.
    private static List<ClaimDraft> Merge(List<(ClaimDraft Draft, bool Implicit)> drafts)
    {
        var merged = new List<(ClaimDraft Draft, bool Implicit)>();
        foreach (var (d, isImplicit) in drafts)
        {
            var at = merged.FindIndex(m => m.Draft.Action == d.Action && m.Draft.Polarity == d.Polarity
                && m.Draft.Recipients.SequenceEqual(d.Recipients) && m.Draft.Conditions.SetEquals(d.Conditions) && m.Draft.Qualifiers.SetEquals(d.Qualifiers));
            if (at < 0)
            {
                merged.Add((d, isImplicit));
                continue;
            }
            var same = merged[at].Draft;
            if (merged[at].Implicit && !isImplicit)
            {
                same.DataTypes.Clear();
                merged[at] = (same, false);
            }
            if (!isImplicit)
            {
                foreach (var t in d.DataTypes.Where(t => !same.DataTypes.Contains(t)))
                    same.DataTypes.Add(t);
            }
            same.Purposes.UnionWith(d.Purposes);
            same.Confidence = Math.Max(same.Confidence, d.Confidence);
        }
        return merged.Select(m => m.Draft).ToList();
    }
}
