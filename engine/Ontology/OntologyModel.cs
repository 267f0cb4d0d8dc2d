using System.Collections.Frozen;
using System.Text.Json;

namespace Compliance.Engine.Ontology;

/// <summary>
/// The vocabulary of ONTOLOGY.md, loaded once from the embedded reference file and
/// optionally extended by a user file. Hierarchy queries are dictionary look-ups.
/// </summary>
public sealed class OntologyModel
{
    private readonly FrozenDictionary<string, OntologyTerm> _dataTypes;
    private readonly FrozenDictionary<string, OntologyTerm> _recipients;
    private readonly FrozenDictionary<string, FrozenSet<string>> _dataTypeAncestors;
    private readonly FrozenDictionary<string, FrozenSet<string>> _recipientAncestors;

    public const string Root = "personal-data";

    private static readonly Lazy<OntologyModel> s_default = new(() => FromDocuments(LoadEmbedded()));

    /// <summary>The shipped ontology, without user extensions.</summary>
    public static OntologyModel Default => s_default.Value;

    public OntologyDocument Document { get; }

    private OntologyModel(OntologyDocument document)
    {
        Document = document;
        _dataTypes = document.DataTypes.ToFrozenDictionary(t => t.Id);
        _recipients = document.Recipients.ToFrozenDictionary(t => t.Id);
        _dataTypeAncestors = BuildAncestors(_dataTypes);
        _recipientAncestors = BuildAncestors(_recipients);
    }

    public IEnumerable<OntologyTerm> DataTypes => Document.DataTypes;
    public IEnumerable<OntologyTerm> Recipients => Document.Recipients;

    public bool IsDataType(string id) => _dataTypes.ContainsKey(id);
    public bool IsRecipient(string id) => _recipients.ContainsKey(id);

    public OntologyTerm? DataType(string id) => _dataTypes.GetValueOrDefault(id);

    /// <summary>True when <paramref name="type"/> equals <paramref name="ancestor"/> or lies below it.</summary>
    public bool IsDataTypeUnder(string type, string ancestor) =>
        type == ancestor || (_dataTypeAncestors.TryGetValue(type, out var set) && set.Contains(ancestor));

    /// <summary>True when <paramref name="recipient"/> equals <paramref name="ancestor"/> or lies below it.</summary>
    public bool IsRecipientUnder(string recipient, string ancestor) =>
        recipient == ancestor || (_recipientAncestors.TryGetValue(recipient, out var set) && set.Contains(ancestor));

    /// <summary>Depth below the root (root = 0); unknown ids are treated as depth 0.</summary>
    public int DataTypeDepth(string id) =>
        _dataTypeAncestors.TryGetValue(id, out var set) ? set.Count : 0;

    public IReadOnlyList<string> DataTypeChildren(string id) =>
        Document.DataTypes.Where(t => t.Parent == id).Select(t => t.Id).ToList();

    /// <summary>Builds an ontology from the shipped file plus an extension document (new terms, extra synonyms).</summary>
    public static OntologyModel WithExtension(OntologyDocument extension) =>
        FromDocuments(LoadEmbedded(), extension);

    public static OntologyDocument ParseDocument(string json) =>
        JsonSerializer.Deserialize<OntologyDocument>(json, EngineJson.Options)
        ?? throw new FormatException("The ontology file is empty.");

    private static OntologyModel FromDocuments(OntologyDocument baseDoc, OntologyDocument? extension = null)
    {
        if (extension is null)
            return new OntologyModel(baseDoc);
        return new OntologyModel(new OntologyDocument
        {
            Version = baseDoc.Version + "+user",
            DataTypes = Merge(baseDoc.DataTypes, extension.DataTypes),
            Recipients = Merge(baseDoc.Recipients, extension.Recipients),
            Conditions = Merge(baseDoc.Conditions, extension.Conditions),
            Qualifiers = Merge(baseDoc.Qualifiers, extension.Qualifiers),
            Purposes = Merge(baseDoc.Purposes, extension.Purposes),
            Actions = Merge(baseDoc.Actions, extension.Actions),
        });
    }

    // An extension may add terms or synonyms; it never renames or removes a shipped identifier.
    private static List<OntologyTerm> Merge(IReadOnlyList<OntologyTerm> shipped, IReadOnlyList<OntologyTerm> added)
    {
        var result = shipped.ToList();
        foreach (var term in added)
        {
            var index = result.FindIndex(t => t.Id == term.Id);
            if (index < 0)
            {
                result.Add(term);
                continue;
            }
            var old = result[index];
            result[index] = old with { Synonyms = old.Synonyms.Concat(term.Synonyms).Distinct().ToList() };
        }
        return result;
    }

    private static FrozenDictionary<string, FrozenSet<string>> BuildAncestors(FrozenDictionary<string, OntologyTerm> terms)
    {
        var result = new Dictionary<string, FrozenSet<string>>();
        foreach (var term in terms.Values)
        {
            var ancestors = new HashSet<string>();
            var parent = term.Parent;
            while (parent is not null && ancestors.Add(parent) && terms.TryGetValue(parent, out var next))
                parent = next.Parent;
            result[term.Id] = ancestors.ToFrozenSet();
        }
        return result.ToFrozenDictionary();
    }

    private static OntologyDocument LoadEmbedded()
    {
        using var stream = typeof(OntologyModel).Assembly
            .GetManifestResourceStream("Compliance.Engine.Ontology.ontology.json")
            ?? throw new InvalidOperationException("The embedded ontology is missing.");
        return JsonSerializer.Deserialize<OntologyDocument>(stream, EngineJson.Options)
            ?? throw new InvalidOperationException("The embedded ontology is empty.");
    }
}
