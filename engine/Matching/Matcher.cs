using Compliance.Engine.Claims;
using Compliance.Engine.Ontology;
using Compliance.Engine.Traffic;

namespace Compliance.Engine.Matching;

/// <summary>Compares what the claims say with what the flows show and returns the findings.</summary>
public sealed class Matcher(OntologyModel ontology)
{
    public OntologyModel Ontology { get; } = ontology;

    // PLACEHOLDER until the matching work lands: finds nothing.
    public IReadOnlyList<Finding> Match(IReadOnlyList<Claim> claims, IReadOnlyList<Flow> flows) => [];
}
