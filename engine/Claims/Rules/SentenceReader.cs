using System.Text.RegularExpressions;

namespace Compliance.Engine.Claims.Rules;

/// <summary>
/// The rule reader: splits a sentence into clauses, finds each clause's practice verb, negation, data
/// types and recipients, and attaches conditions, qualifiers and purposes. Stateless after construction.
/// </summary>
public sealed partial class SentenceReader(ClauseVocabulary vocabulary)
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    // Folded text (lower case, single spaces): negation in the few words before the verb.
    [GeneratedRegex(@" (not|never|don t|doesn t|didn t|won t|cannot|can t|no longer|neither|nor) (\w+ ){0,4}$", Options)]
    private static partial Regex NegationBeforeVerb();

    [GeneratedRegex(@"(^| )(no|nothing|none|nobody|no one) ", Options)]
    private static partial Regex NoDeterminer();

    [GeneratedRegex(@" (but not|and not|not with|not to|never|but never|not) ", Options)]
    private static partial Regex NegativeTail();

    [GeneratedRegex(@" (rather than|instead of|other than|apart from) ", Options)]
    private static partial Regex ExcludedTail();

    [GeneratedRegex(@" (for (up to |at least |a period of |a maximum of |no longer than |the )?(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|twenty|thirty|sixty|ninety) (day|days|week|weeks|month|months|year|years)|for as long as|as long as|until (you|your|they|it|the)|for the duration|retention period|within \d+ (day|days|month|months)|after \d+ (day|days|month|months|year|years)) ", Options)]
    private static partial Regex Duration();

    [GeneratedRegex(@" (only on|locally on|on your|on the) (device|phone|tv|computer|watch) ", Options)]
    private static partial Regex OnDevice();

    [GeneratedRegex(@" (is|are|was|were|be|been|being|we|will|may|might|can|could|do|does|not|never|also|only|then|automatically|periodically|it|they|to) $", Options)]
    private static partial Regex AuxBefore();

    [GeneratedRegex(@" (when|if|while|after|before|once|unless|until|which|that|who|whenever|so) (\w+ ){0,3}$", Options)]
    private static partial Regex SubordinateBefore();

    [GeneratedRegex(@" (information|data|details) ", Options)]
    private static partial Regex GenericData();

    [GeneratedRegex(@" (companies|entities|members) (in|of|within) (the|our) (\w+ ){0,3}(group|family) | our (corporate )?(group|family of companies) ", Options)]
    private static partial Regex OwnGroup();

    // "'Personal information' means …", "A 'cookie' is a small text file that …": a definition, not a practice.
    [GeneratedRegex(@"^\W*[\w\s-]{1,40}?\W*\s+(means|refers to|is defined as|shall mean)\b|^\W*(a|an)\s+\W*[\w-]+\W*\s+is\s+(a|an)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Definition();

    // "You have the right to: access …; have … erased" lists a person's rights (often joined with its list items), not practices.
    [GeneratedRegex(@"^\W*(under [\w\s]{1,40},?\s+)?(you|users|individuals|residents|data subjects)( also| may| can)? (have|has|are entitled to|may exercise|can exercise) (the |a |these |certain |several |following |a number of )*(following )?rights?( to)?\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RightsList();

    /// <summary>Drafts for every practice the sentence states, in clause order.</summary>
    public List<ClaimDraft> Read(string sentence, Func<string, string?>? typeUnknownPhrase = null)
    {
        if (Definition().IsMatch(sentence) || RightsList().IsMatch(sentence))
            return [];
        var clauses = ClauseSplitter.Split(sentence);
        var drafts = new List<ClaimDraft>();
        var facts = new List<ClauseFacts>();
        var context = new ClauseContext();
        for (var i = 0; i < clauses.Count; i++)
        {
            var text = sentence[clauses[i].Start..clauses[i].End];
            facts.Add(ClauseFacts.Read(text));
            context.Connector = clauses[i].Connector;
            drafts.AddRange(ReadClause(text, i, clauses[i].Start == 0, i + 1 < clauses.Count, facts[i], context, typeUnknownPhrase));
        }
        AttachOrphanFacts(drafts, facts);
        drafts = MergeRepeats(drafts);
        FinishPolarity(drafts, sentence);
        AddTransfersAbroad(drafts, sentence);
        return drafts;
    }

    /// <summary>What a clause passes to the next: its data (for "… and share it"), negation, purpose infinitive.</summary>
    [GeneratedRegex(@" (not|never|no|nothing|don t|doesn t|won t|cannot|can t|neither) ", Options)]
    private static partial Regex AnyNegation();

    /// <summary>
    /// A looser reading for a sentence the practice model is sure states a practice but the clause rules
    /// could not read: the whole sentence is one clause, the verb (if any) decides the action, and
    /// <paramref name="fallbackType"/> names the data when the lexicon finds none.
    /// </summary>
    public List<ClaimDraft> ReadLoose(string sentence, string? fallbackType)
    {
        if (Definition().IsMatch(sentence) || RightsList().IsMatch(sentence))
            return [];
        var folded = PhraseText.Of(sentence).Folded;
        var recipients = vocabulary.Recipients.Find(folded);
        var data = vocabulary.DataTypes.Find(folded).Where(d => !recipients.Any(r => Overlaps(r, d))).ToList();
        var types = TypesOf(data, folded);
        if (types.Count == 0 && fallbackType is not null)
            types = [fallbackType];
        if (types.Count == 0)
            return [];
        var verb = vocabulary.Verbs.Find(folded).FirstOrDefault(v => v.TermId is not (nameof(VerbKind.NotAVerb) or nameof(VerbKind.Contain)));
        var kind = verb.TermId is null ? VerbKind.Collect : Enum.Parse<VerbKind>(verb.TermId);
        var (action, claimRecipients) = RecipientRules.Resolve(vocabulary, kind, folded, verb.TermId is null ? new PhraseMatch(1, 1, "") : verb, recipients, OwnGroup().IsMatch(folded));
        var facts = ClauseFacts.Read(sentence);
        var negative = AnyNegation().IsMatch(folded) && facts.Conditions.Count == 0 && !facts.Exception;
        var draft = new ClaimDraft
        {
            Action = RefineRetention(action, kind, folded),
            Polarity = negative ? Polarity.Negative : Polarity.Affirmative,
            DataTypes = types,
            Recipients = claimRecipients,
            Regions = RegionReader.Read(sentence),
            Confidence = 0.4,
        };
        facts.AddTo(draft);
        List<ClaimDraft> drafts = [draft];
        FinishPolarity(drafts, sentence);
        return drafts;
    }

    private sealed class ClauseContext
    {
        public List<string> PreviousTypes { get; set; } = [];
        public bool PreviousNegative { get; set; }
        public bool PreviousInfinitive { get; set; }
        public string Connector { get; set; } = "";
        /// <summary>The clause ended in "the right to …", so a coordinated verb lists a right too.</summary>
        public bool PreviousListsRights { get; set; }
    }

    [GeneratedRegex(@" to [a-z]+ ", Options)]
    private static partial Regex Infinitive();

    [GeneratedRegex(@" right to (\w+ ){0,4}$", Options)]
    private static partial Regex RightTo();

    [GeneratedRegex(@"^ (if|when|whenever|while|once|unless|after|before|until|where) ", Options)]
    private static partial Regex ConditionOpening();

    // " to <verb> …" after the practice verb: a purpose; determiners and pronouns after "to" are a destination.
    [GeneratedRegex(@" to (?!(our|your|the|a|an|us|you|them|their|its|it|any|all|other|each|this|that|these|those|third|such|one|some|his|her|my|servers?|law|advertisers|partners|providers|anyone|everyone|people|friends)\b)[a-z]+ ", Options)]
    private static partial Regex PurposeInfinitive();

    private List<ClaimDraft> ReadClause(string clause, int index, bool sentenceStart, bool hasNext, ClauseFacts facts, ClauseContext context, Func<string, string?>? typeUnknownPhrase)
    {
        var phraseText = PhraseText.Of(clause);
        var folded = phraseText.Folded;
        var listsRights = context.PreviousListsRights && context.Connector is "and" or "or";
        context.PreviousListsRights = listsRights || RightTo().IsMatch(folded);
        if (listsRights)
            return [];
        var recipients = vocabulary.Recipients.Find(folded);
        var dataMatches = vocabulary.DataTypes.Find(folded)
            .Where(d => !recipients.Any(r => Overlaps(r, d) && r.End - r.Start >= d.End - d.Start))
            .ToList();
        recipients = recipients.Where(r => !dataMatches.Any(d => Overlaps(r, d))).ToList();
        var verb = MainVerb(phraseText, clause, sentenceStart, dataMatches);
        // "If you pair a heart-rate monitor, we collect …": an opening condition clause states no practice.
        if (verb is not null && hasNext && ConditionOpening().IsMatch(folded))
            verb = null;
        if (verb is null)
        {
            // "Backups of your photos are encrypted and uploaded …": the data is named before the verb's clause.
            var named = TypesOf(dataMatches, folded);
            if (named.Count > 0)
                context.PreviousTypes = named;
            context.PreviousInfinitive = false;
            return [];
        }
        var (verbMatch, kind) = verb.Value;
        var negative = NegationBeforeVerb().IsMatch(folded[..verbMatch.Start]) || NoDeterminer().IsMatch(folded[..verbMatch.Start])
            // "we never sell X or use it for Y": the negation spans the coordinated verb.
            || (context.PreviousNegative && context.Connector is "or" or "nor" && verbMatch.Start <= 1);
        context.PreviousNegative = negative;
        if (kind == VerbKind.Contain)
            dataMatches = dataMatches.Where(d => d.Start >= verbMatch.End).ToList();
        // Data named inside a purpose ("… to send you service messages") is not what the practice handles.
        var purpose = PurposeInfinitive().Match(folded, verbMatch.End - 1);
        if (purpose.Success && dataMatches.Any(d => d.Start < purpose.Index))
            dataMatches = dataMatches.Where(d => d.Start < purpose.Index).ToList();
        var previousInfinitive = context.PreviousInfinitive;
        context.PreviousInfinitive = Infinitive().IsMatch(folded[verbMatch.End..]);

        var excluded = ExcludedTail().Match(folded, verbMatch.End > 0 ? verbMatch.End - 1 : 0);
        if (excluded.Success)
            dataMatches = dataMatches.Where(d => d.Start < excluded.Index).ToList();

        var negativeTail = NegativeTail().Match(folded, Math.Max(0, verbMatch.End - 1));
        var tailStart = negativeTail.Success ? negativeTail.Index : int.MaxValue;
        var mainTypes = TypesOf(dataMatches.Where(d => d.Start < tailStart), folded);
        var tailTypes = TypesOf(dataMatches.Where(d => d.Start >= tailStart), folded);

        var fromLexicon = mainTypes.Count > 0;
        // "… to run the game and save your progress": a second purpose, not a second practice.
        if (!fromLexicon && previousInfinitive && verbMatch.Start <= 1 && context.Connector is "and" or "or")
            return [];
        if (mainTypes.Count == 0)
            mainTypes = FallbackTypes(clause, folded, recipients, context.PreviousTypes, typeUnknownPhrase);
        if (mainTypes.Count == 0)
            return [];
        context.PreviousTypes = mainTypes;

        var (action, claimRecipients) = RecipientRules.Resolve(vocabulary, kind, folded, verbMatch, recipients, OwnGroup().IsMatch(folded));
        action = RefineRetention(action, kind, folded);
        var draft = new ClaimDraft
        {
            Action = action,
            Polarity = negative ? Polarity.Negative : Polarity.Affirmative,
            DataTypes = mainTypes,
            Recipients = claimRecipients,
            Clause = index,
            Regions = RegionReader.Read(clause),
            Confidence = 0.55 + (AuxBefore().IsMatch(folded[..(verbMatch.Start)]) ? 0.15 : 0) + (fromLexicon ? 0.15 : 0),
        };
        facts.AddTo(draft);
        if (negative && facts.Exception)
            draft.Polarity = Polarity.Affirmative;
        var result = new List<ClaimDraft> { draft };
        if (!negative && tailTypes.Count > 0)
        {
            result.Add(new ClaimDraft
            {
                Action = action,
                Polarity = Polarity.Negative,
                DataTypes = tailTypes,
                Recipients = [.. claimRecipients],
                Clause = index,
                Confidence = draft.Confidence - 0.05,
            });
        }
        return result;
    }

    private (PhraseMatch Match, VerbKind Kind)? MainVerb(PhraseText text, string clause, bool sentenceStart, List<PhraseMatch> data)
    {
        var folded = text.Folded;
        // A capitalised verb inside a clause is a feature's name ("turn on Sync", "tap Share"), not a practice.
        var firstWord = folded.IndexOf(' ', 1);
        var verbs = vocabulary.Verbs.Find(folded)
            .Where(v => v.TermId != nameof(VerbKind.NotAVerb) && !data.Any(d => Overlaps(d, v)))
            // "you have the right to access, correct or delete …" describes a user's right, not a practice.
            .Where(v => !RightTo().IsMatch(folded[..v.Start]))
            .Where(v => (sentenceStart && v.Start < firstWord) || !char.IsUpper(clause[Math.Min(text.OriginOf(v.Start), clause.Length - 1)]))
            .ToList();
        if (verbs.Count == 0)
            return null;
        // Prefer a verb after an auxiliary or subject ("are retained", "we collect") over a noun-like form
        // ("activation records"), and a main-clause verb over a purpose infinitive ("to send you updates")
        // or a subordinate one ("when it checks for updates").
        var ranked = verbs
            .Select((v, i) => (v, i, prefix: folded[..v.Start]))
            .OrderBy(x => Rank(x.prefix))
            .ThenBy(x => x.i)
            .First();
        return (ranked.v, Enum.Parse<VerbKind>(ranked.v.TermId));
    }

    private static int Rank(string prefix)
    {
        if (prefix.EndsWith(" to ", StringComparison.Ordinal) || SubordinateBefore().IsMatch(prefix))
            return 2;
        return AuxBefore().IsMatch(prefix) ? 0 : 1;
    }

    private static List<string> TypesOf(IEnumerable<PhraseMatch> matches, string folded)
    {
        var kept = matches.Where(m => m.TermId != ClauseVocabulary.NotData).ToList();
        // A generic "your information" beside named types adds nothing the named types do not say;
        // a root-level attribute ("age", "gender") does.
        if (kept.Any(m => m.TermId != Ontology.OntologyModel.Root))
            kept.RemoveAll(m => m.TermId == Ontology.OntologyModel.Root && GenericData().IsMatch(" " + folded[m.Start..m.End] + " "));
        return kept.Select(m => m.TermId).Distinct(StringComparer.Ordinal).ToList();
    }

    // "Retained for 24 months and then deleted" is one practice said twice: merge drafts that agree.
    private static List<ClaimDraft> MergeRepeats(List<ClaimDraft> drafts)
    {
        var merged = new List<ClaimDraft>();
        foreach (var draft in drafts)
        {
            var same = merged.FirstOrDefault(m => m.Action == draft.Action && m.Polarity == draft.Polarity && m.DataTypes.SequenceEqual(draft.DataTypes));
            if (same is null)
            {
                merged.Add(draft);
                continue;
            }
            foreach (var r in draft.Recipients.Where(r => !same.Recipients.Contains(r)))
                same.Recipients.Add(r);
            same.Conditions.UnionWith(draft.Conditions);
            same.Qualifiers.UnionWith(draft.Qualifiers);
            same.Purposes.UnionWith(draft.Purposes);
            same.Regions.UnionWith(draft.Regions);
            same.Confidence = Math.Max(same.Confidence, draft.Confidence);
        }
        return merged;
    }

    private static List<string> FallbackTypes(string clause, string folded, List<PhraseMatch> recipients, List<string> previousTypes, Func<string, string?>? typeUnknownPhrase)
    {
        // An elided or pronoun object ("… and share it with …") refers to the previous clause's data.
        if (previousTypes.Count > 0)
            return [.. previousTypes];
        var typed = typeUnknownPhrase?.Invoke(clause);
        if (typed is not null)
            return [typed];
        var unnamed = recipients.Aggregate(folded, (text, r) => text[..r.Start] + new string(' ', r.End - r.Start) + text[r.End..]);
        if (unnamed.Contains(" content ", StringComparison.Ordinal))
            return ["user-content"];
        return GenericData().IsMatch(unnamed) ? [Ontology.OntologyModel.Root] : [];
    }

    private static string RefineRetention(string action, VerbKind kind, string folded)
    {
        if (kind == VerbKind.Retain && OnDevice().IsMatch(folded))
            return "store";
        if (action == "store" && Duration().IsMatch(folded))
            return "retain";
        return action;
    }

    private static bool Overlaps(PhraseMatch a, PhraseMatch b) => a.Start < b.End && b.Start < a.End;

    // A clause that states no practice ("If you turn on Sync, …") lends its cues to the nearest practice.
    private static void AttachOrphanFacts(List<ClaimDraft> drafts, List<ClauseFacts> facts)
    {
        if (drafts.Count == 0)
            return;
        var withClaims = drafts.Select(d => d.Clause).Distinct().Order().ToList();
        for (var i = 0; i < facts.Count; i++)
        {
            if (withClaims.Contains(i))
                continue;
            var target = withClaims.LastOrDefault(c => c < i, -1);
            if (target < 0)
                target = withClaims[0];
            foreach (var draft in drafts.Where(d => d.Clause == target && d.Polarity == Polarity.Affirmative || d.Clause == target && facts[i].Conditions.Count > 0))
                facts[i].AddTo(draft);
            if (facts[i].Exception)
            {
                foreach (var draft in drafts.Where(d => d.Clause == target))
                    draft.Polarity = Polarity.Affirmative;
            }
        }
    }

    // A promise limited to a mode or state is a conditional affirmative (CONTRACT.md); a plain negative
    // carries no protection qualifiers, and data said to stay on the device cannot also be sent off it.
    private static void FinishPolarity(List<ClaimDraft> drafts, string sentence)
    {
        // "… learns on the device and your typing is never sent to us": the stay-on-device promise belongs
        // to the affirmative practice beside the negative one.
        var onDevice = drafts.Any(d => d.Polarity == Polarity.Negative && d.Conditions.Count == 0 && d.Qualifiers.Contains("on-device-only"));
        foreach (var draft in drafts)
        {
            if (onDevice && draft.Polarity == Polarity.Affirmative && draft.Action is "use" or "store")
                draft.Qualifiers.Add("on-device-only");
            if (draft.Polarity == Polarity.Negative && draft.Conditions.Count > 0)
                draft.Polarity = Polarity.Affirmative;
            if (draft.Polarity == Polarity.Negative)
            {
                draft.Qualifiers.Clear();
                draft.Conditions.Clear();
            }
        }
        var leavesDevice = drafts.Any(d => d.Polarity == Polarity.Affirmative && d.Action is "sync" or "share" or "sell" or "transfer-abroad" or "collect");
        var unless = sentence.Contains("unless", StringComparison.OrdinalIgnoreCase);
        if (leavesDevice || unless)
        {
            foreach (var draft in drafts)
                draft.Qualifiers.Remove("on-device-only");
        }
    }

    [GeneratedRegex(@"\b(processed|accessed|handled|supported) (in|from|by)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProcessedIn();

    private static void AddTransfersAbroad(List<ClaimDraft> drafts, string sentence)
    {
        // "may be processed in the United States": processing in a named place is a transfer abroad.
        if (!RegionReader.SpeaksOfAbroad(sentence) && !(ProcessedIn().IsMatch(sentence) && RegionReader.NamesPlace(sentence)))
            return;
        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            if (draft.Polarity != Polarity.Affirmative || draft.Action is not ("store" or "use"))
                continue;
            var abroad = new ClaimDraft
            {
                Action = "transfer-abroad",
                Polarity = Polarity.Affirmative,
                DataTypes = [.. draft.DataTypes],
                Recipients = [.. draft.Recipients],
                Clause = draft.Clause,
                Regions = new SortedSet<string>(draft.Regions, StringComparer.Ordinal),
                Conditions = new SortedSet<string>(draft.Conditions, StringComparer.Ordinal),
                Confidence = draft.Confidence - 0.05,
            };
            // "may be processed in other countries" is the transfer itself; "stored … outside" is both.
            if (draft.Action == "use")
                drafts[i] = abroad;
            else
                drafts.Insert(++i, abroad);
        }
    }
}
