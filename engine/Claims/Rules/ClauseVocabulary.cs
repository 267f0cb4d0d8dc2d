using Compliance.Engine.Ontology;

namespace Compliance.Engine.Claims.Rules;

/// <summary>
/// The phrase matchers built once from the ontology (data types, recipients) and the verb lexicon.
/// Immutable after construction, so one instance serves every thread.
/// </summary>
public sealed class ClauseVocabulary
{
    // Pronouns name the vendor in every sentence; they are not recipients a claim should list.
    private static readonly HashSet<string> s_pronouns = new(StringComparer.Ordinal) { "we", "us", "our" };

    public OntologyModel Ontology { get; }
    public PhraseMatcher DataTypes { get; }
    public PhraseMatcher Recipients { get; }
    public PhraseMatcher Verbs { get; }

    public ClauseVocabulary(OntologyModel ontology)
    {
        Ontology = ontology;
        // Deeper terms first, so a phrase listed under a child and a parent names the child.
        DataTypes = new PhraseMatcher(ontology.DataTypes
            .OrderByDescending(t => ontology.DataTypeDepth(t.Id))
            .ThenBy(t => t.Id, StringComparer.Ordinal)
            .SelectMany(t => t.Synonyms.Append(t.Id.Replace('-', ' ')).Select(s => (s, t.Id))));
        Recipients = new PhraseMatcher(ontology.Recipients
            .SelectMany(t => t.Synonyms.Where(s => !s_pronouns.Contains(s)).Append(t.Id.Replace('-', ' ')).Select(s => (s, t.Id))));
        Verbs = ActionLexicon.CreateMatcher();
    }

    public bool IsThirdPartyFamily(string recipient) => Ontology.IsRecipientUnder(recipient, "third-party");
}
