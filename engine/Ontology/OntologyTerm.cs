namespace Compliance.Engine.Ontology;

/// <summary>One vocabulary entry: a data type, recipient, condition, qualifier, purpose or action.</summary>
public sealed record OntologyTerm
{
    public required string Id { get; init; }
    public string? Parent { get; init; }
    public string Description { get; init; } = "";
    public IReadOnlyList<string> Synonyms { get; init; } = [];
}

/// <summary>The serialised shape of ontology.json and of a user's extension file.</summary>
public sealed record OntologyDocument
{
    public string Version { get; init; } = "1";
    public IReadOnlyList<OntologyTerm> DataTypes { get; init; } = [];
    public IReadOnlyList<OntologyTerm> Recipients { get; init; } = [];
    public IReadOnlyList<OntologyTerm> Conditions { get; init; } = [];
    public IReadOnlyList<OntologyTerm> Qualifiers { get; init; } = [];
    public IReadOnlyList<OntologyTerm> Purposes { get; init; } = [];
    public IReadOnlyList<OntologyTerm> Actions { get; init; } = [];
}
