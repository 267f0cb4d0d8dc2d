using Compliance.Engine.Claims.Rules;
using Compliance.Engine.Ontology;
using Compliance.Engine.Policies;

namespace Compliance.Engine.Claims;

/// <summary>
/// Turns a parsed policy's sentences into structured claims. Thread-safe: every part is immutable after
/// construction, so one instance (load the models once) serves all requests.
/// </summary>
public sealed class ClaimExtractor
{
    private readonly SentenceReader _reader;

    public ClaimExtractor(OntologyModel ontology)
    {
        _reader = new SentenceReader(new ClauseVocabulary(ontology));
    }

    public static ClaimExtractor CreateDefault() => new(OntologyModel.Default);

    /// <summary>Claims of every sentence, in document order, with ids c-1, c-2 … (prefixed by <paramref name="idPrefix"/>).</summary>
    public IReadOnlyList<Claim> Extract(ParsedPolicy policy, DocumentRef document, string idPrefix = "c-") =>
        Extract(policy.Sentences, document, idPrefix);

    /// <summary>Claims of the given sentences, in their order.</summary>
    public IReadOnlyList<Claim> Extract(IReadOnlyList<PolicySentence> sentences, DocumentRef document, string idPrefix = "c-")
    {
        var claims = new List<Claim>();
        foreach (var sentence in sentences)
        {
            foreach (var draft in _reader.Read(sentence.Text))
            {
                claims.Add(new Claim
                {
                    Id = idPrefix + (claims.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
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
                });
            }
        }
        return claims;
    }
}
