using System.Globalization;
using Compliance.Engine.Claims.Learned;
using Compliance.Engine.Claims.Ml;
using Compliance.Engine.Claims.Rules;
using Compliance.Engine.Ontology;
using Compliance.Engine.Policies;

namespace Compliance.Engine.Claims;

/// <summary>
/// Turns a parsed policy's sentences into structured claims. One MiniLM forward pass per sentence gives a vector
/// per word and one for the sentence; the learned stages of <see cref="ClaimModels"/> read the claims from them
/// (<see cref="LearnedClaimReader"/>). The older rule reader stays available as a measured baseline
/// (<see cref="CreateRulesOnly"/>). Thread-safe: one instance, models loaded once, serves every request;
/// dispose it when the host stops.
/// </summary>
public sealed class ClaimExtractor : IDisposable
{
    private readonly ClauseVocabulary _vocabulary;
    private readonly SentenceReader? _rules;
    private readonly MiniLmEncoder? _encoder;
    private readonly bool _ownsEncoder;
    private readonly LearnedClaimReader? _learned;

    private ClaimExtractor(OntologyModel ontology, MiniLmEncoder? encoder, bool ownsEncoder, ClaimModels? models)
    {
        _vocabulary = new ClauseVocabulary(ontology);
        _encoder = encoder;
        _ownsEncoder = ownsEncoder;
        if (encoder is not null && models is not null)
            _learned = new LearnedClaimReader(models, ontology);
        else
            _rules = new SentenceReader(_vocabulary);
    }

    /// <summary>MiniLM and the claim models shipped inside the engine.</summary>
    public static ClaimExtractor CreateDefault() => Create(OntologyModel.Default);

    /// <summary>MiniLM and claim models read from <paramref name="models"/> (default: the shipped ones).</summary>
    public static ClaimExtractor Create(OntologyModel ontology, Stream? models = null)
    {
        var loaded = models is null ? ClaimModels.LoadEmbedded() : ClaimModels.Read(models);
        return loaded is null ? CreateRulesOnly(ontology) : new ClaimExtractor(ontology, new MiniLmEncoder(), ownsEncoder: true, loaded);
    }

    /// <summary>Given models over an encoder the caller owns (cross-validation trains many model sets over one encoder).</summary>
    public static ClaimExtractor Create(OntologyModel ontology, MiniLmEncoder encoder, ClaimModels models) =>
        new(ontology, encoder, ownsEncoder: false, models);

    /// <summary>The rule reader alone: no model loads; the baseline the learned stages are measured against.</summary>
    public static ClaimExtractor CreateRulesOnly(OntologyModel? ontology = null) => new(ontology ?? OntologyModel.Default, null, false, null);

    public ClauseVocabulary Vocabulary => _vocabulary;

    /// <summary>Claims of every sentence, in document order, with ids c-1, c-2 … (prefixed by <paramref name="idPrefix"/>).</summary>
    public IReadOnlyList<Claim> Extract(ParsedPolicy policy, DocumentRef document, string idPrefix = "c-") =>
        Extract(policy.Sentences, document, idPrefix);

    /// <summary>Claims of the given sentences, in their order.</summary>
    public IReadOnlyList<Claim> Extract(IReadOnlyList<PolicySentence> sentences, DocumentRef document, string idPrefix = "c-")
    {
        List<ClaimDraft>[] drafts;
        if (_learned is not null)
        {
            var encoded = _encoder!.EncodeWords(sentences.Select(s => s.Text).ToList());
            drafts = encoded.Select(e => _learned.Read(new SentenceView(e, _vocabulary))).ToArray();
        }
        else
            drafts = sentences.Select(s => _rules!.Read(s.Text)).ToArray();

        var claims = new List<Claim>();
        for (var s = 0; s < sentences.Count; s++)
        {
            var regions = RegionReader.Read(sentences[s].Text);
            foreach (var draft in drafts[s])
            {
                if (draft.Action is "store" or "transfer-abroad" or "retain")
                    draft.Regions.UnionWith(regions);
                claims.Add(draft.ToClaim(idPrefix + (claims.Count + 1).ToString(CultureInfo.InvariantCulture), sentences[s].Text, sentences[s].Span, sentences[s].Section, document));
            }
        }
        return claims;
    }

    public void Dispose()
    {
        if (_ownsEncoder)
            _encoder?.Dispose();
    }
}
