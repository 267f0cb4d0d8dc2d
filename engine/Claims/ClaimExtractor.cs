using System.Globalization;
using Compliance.Engine.Claims.Ml;
using Compliance.Engine.Claims.Rules;
using Compliance.Engine.Ontology;
using Compliance.Engine.Policies;

namespace Compliance.Engine.Claims;

/// <summary>
/// Turns a parsed policy's sentences into structured claims: rules read structure (negation scope,
/// conditions, lists, qualifiers), MiniLM + ML.NET decide what rules cannot (is this sentence a practice at
/// all, which data type an unknown phrase names). Thread-safe: one instance, models loaded once, serves
/// every request; dispose it when the host stops.
/// </summary>
public sealed class ClaimExtractor : IDisposable
{
    /// <summary>Rule claims of a sentence the practice model scores below this are dropped (measured: MODEL_CARD.md).</summary>
    public const float DropBelow = 0.2f;

    /// <summary>A sentence the rules could not read but the practice model scores at least this gets a looser reading.</summary>
    public const float RescueAbove = 0.9f;

    /// <summary>A purpose the purpose models score at least this is added to the sentence's claims.</summary>
    public const float PurposeAbove = 0.8f;

    private readonly SentenceReader _reader;
    private readonly MiniLmEncoder? _encoder;
    private readonly PracticeClassifier? _practice;
    private readonly DataTypeSimilarity? _similarity;
    private readonly PurposeClassifier? _purposes;

    private ClaimExtractor(OntologyModel ontology, MiniLmEncoder? encoder, PracticeClassifier? practice, PurposeClassifier? purposes = null)
    {
        _purposes = purposes;
        _reader = new SentenceReader(new ClauseVocabulary(ontology));
        _encoder = encoder;
        _practice = practice;
        _similarity = encoder is null ? null : new DataTypeSimilarity(ontology, encoder);
    }

    /// <summary>Rules, MiniLM and the practice model shipped inside the engine.</summary>
    public static ClaimExtractor CreateDefault() => Create(OntologyModel.Default);

    /// <summary>Rules, MiniLM and a practice model read from <paramref name="practiceModel"/> (default: the shipped one).</summary>
    public static ClaimExtractor Create(OntologyModel ontology, Stream? practiceModel = null) =>
        new(ontology, new MiniLmEncoder(), practiceModel is null ? PracticeClassifier.LoadEmbedded() : PracticeClassifier.Load(practiceModel),
            PurposeClassifier.LoadEmbedded());

    /// <summary>Rules and lexicon only: no model loads, for fast callers and for measuring what the models add.</summary>
    public static ClaimExtractor CreateRulesOnly(OntologyModel? ontology = null) => new(ontology ?? OntologyModel.Default, null, null);

    /// <summary>Claims of every sentence, in document order, with ids c-1, c-2 … (prefixed by <paramref name="idPrefix"/>).</summary>
    public IReadOnlyList<Claim> Extract(ParsedPolicy policy, DocumentRef document, string idPrefix = "c-") =>
        Extract(policy.Sentences, document, idPrefix);

    /// <summary>Claims of the given sentences, in their order.</summary>
    public IReadOnlyList<Claim> Extract(IReadOnlyList<PolicySentence> sentences, DocumentRef document, string idPrefix = "c-")
    {
        var drafts = ReadAll(sentences);
        var claims = new List<Claim>();
        for (var s = 0; s < sentences.Count; s++)
        {
            foreach (var draft in drafts[s])
                claims.Add(ToClaim(draft, sentences[s], document, idPrefix + (claims.Count + 1).ToString(CultureInfo.InvariantCulture)));
        }
        return claims;
    }

    private List<ClaimDraft>[] ReadAll(IReadOnlyList<PolicySentence> sentences)
    {
        // Pass 1: rules; remember the clauses with a practice verb but no data type the lexicon knows.
        var drafts = new List<ClaimDraft>[sentences.Count];
        var unknown = new List<(int Sentence, string Clause)>();
        for (var s = 0; s < sentences.Count; s++)
        {
            var index = s;
            drafts[s] = _reader.Read(sentences[s].Text, _encoder is null ? null : clause =>
            {
                unknown.Add((index, clause));
                return null;
            });
        }
        if (_encoder is null)
            return drafts;

        // One batched MiniLM pass over every sentence (the practice model judges them all) and the unknown phrases.
        var candidates = Enumerable.Range(0, sentences.Count).ToList();
        var texts = candidates.Select(s => sentences[s].Text).Concat(unknown.Select(u => u.Clause)).ToList();
        var vectors = _encoder.Encode(texts);

        // Pass 2: re-read sentences whose unknown phrases MiniLM could name.
        var typed = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var u = 0; u < unknown.Count; u++)
        {
            if (_similarity!.Nearest(vectors[candidates.Count + u]) is { } nearest)
                typed[unknown[u].Clause] = nearest.Id;
        }
        foreach (var s in unknown.Where(u => typed.ContainsKey(u.Clause)).Select(u => u.Sentence).Distinct())
            drafts[s] = _reader.Read(sentences[s].Text, clause => typed.GetValueOrDefault(clause));

        if (_practice is null)
            return drafts;
        var sentenceVectors = candidates.Select((_, i) => vectors[i]).ToList();
        var scores = _practice.Predict(sentenceVectors);
        var purposes = _purposes?.Predict(sentenceVectors, PurposeAbove);
        for (var c = 0; c < candidates.Count; c++)
        {
            var s = candidates[c];
            if (scores[c] < DropBelow)
            {
                drafts[s] = [];
                continue;
            }
            if (drafts[s].Count == 0 && scores[c] >= RescueAbove)
                drafts[s] = _reader.ReadLoose(sentences[s].Text, _similarity!.Nearest(vectors[c])?.Id);
            foreach (var draft in drafts[s])
            {
                draft.Confidence = (draft.Confidence + scores[c]) / 2;
                if (purposes is not null)
                    draft.Purposes.UnionWith(purposes[c]);
            }
        }
        return drafts;
    }

    private static Claim ToClaim(ClaimDraft draft, PolicySentence sentence, DocumentRef document, string id) => new()
    {
        Id = id,
        Sentence = sentence.Text,
        Span = sentence.Span,
        Section = sentence.Section,
        Action = draft.Action,
        Polarity = draft.Polarity,
        DataTypes = draft.DataTypes,
        Recipients = draft.Recipients,
        Conditions = [.. draft.Conditions],
        Qualifiers = [.. draft.Qualifiers],
        Purposes = [.. draft.Purposes],
        Regions = [.. draft.Regions],
        Document = document,
        Confidence = Math.Round(Math.Clamp(draft.Confidence, 0, 1), 3),
    };

    public void Dispose() => _encoder?.Dispose();
}
