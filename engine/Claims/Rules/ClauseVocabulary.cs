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

    // Phrases that contain a data-type word but name no data ("address bar", "outside your country").
    private static readonly string[] s_notData =
    [
        "address bar", "web address", "website address", "each address", "email address bar", "outside your country",
        "your country of residence", "country of residence", "country you live in", "region you live in",
        "device settings", "privacy settings", "account settings", "contact us", "contact our", "name of the",
        "location services", "location settings", "video ads", "video ad", "photo ads",
        "other regions", "other countries", "all regions", "age groups", "age group", "statistics about", "statistics on",
        "content delivery", "right to", "search engine", "search results", "search suggestions",
        "service messages", "marketing messages", "promotional messages", "messages from us", "messages about",
    ];

    /// <summary>The term id of a phrase that blocks a data-type reading.</summary>
    public const string NotData = "";

    public OntologyModel Ontology { get; }
    public PhraseMatcher DataTypes { get; }
    public PhraseMatcher Recipients { get; }
    public PhraseMatcher Verbs { get; }

    public ClauseVocabulary(OntologyModel ontology)
    {
        Ontology = ontology;
        // Deeper terms first, so a phrase listed under a child and a parent names the child.
        DataTypes = new PhraseMatcher(s_notData.Select(p => (p, NotData)).Concat(ontology.DataTypes
            .OrderByDescending(t => ontology.DataTypeDepth(t.Id))
            .ThenBy(t => t.Id, StringComparer.Ordinal)
            .SelectMany(t => t.Synonyms.Append(t.Id.Replace('-', ' ')).Select(s => (s, t.Id)))));
        Recipients = new PhraseMatcher(ontology.Recipients
            .SelectMany(t => t.Synonyms.Where(s => !s_pronouns.Contains(s)).Append(t.Id.Replace('-', ' ')).Select(s => (s, t.Id))));
        Verbs = ActionLexicon.CreateMatcher();
    }

    public bool IsThirdPartyFamily(string recipient) => Ontology.IsRecipientUnder(recipient, "third-party");
}
