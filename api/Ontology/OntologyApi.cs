using Compliance.Api.Access;
using Compliance.Engine.Ontology;

namespace Compliance.Api.Ontology;

/// <summary>GET /ontology: the vocabulary every claim, flow and finding uses.</summary>
public static class OntologyApi
{
    public static RouteGroupBuilder MapOntology(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/ontology").WithTags("Ontology").ForReaders();
        group.MapGet("/", () => TypedResults.Ok(OntologyModel.Default.Document))
            .WithName("GetOntology")
            .WithSummary("The ontology: data types (a tree), recipients, conditions, qualifiers, purposes and actions.")
            .WithDescription("Identifiers are stable; synonyms are what the claim extractor recognises in policy text.");
        return group;
    }
}
