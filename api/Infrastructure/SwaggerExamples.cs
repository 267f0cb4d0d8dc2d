using System.Text.Json.Nodes;
using Compliance.Api.Access;
using Compliance.Api.Assessments;
using Compliance.Api.Comparisons;
using Compliance.Api.Vendors;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Compliance.Api.Infrastructure;

/// <summary>Gives request bodies a worked example from the browser case, so "Try it out" starts from real values.</summary>
internal sealed class SwaggerExamples : ISchemaFilter
{
    private static readonly Dictionary<Type, Func<JsonNode>> s_examples = new()
    {
        [typeof(VendorRequest)] = () => new JsonObject
        {
            ["name"] = "Tanager Mobile",
            ["domains"] = new JsonArray("tanagermobile.test", "tanagercdn.test"),
            ["aliases"] = new JsonArray("Tanager"),
        },
        [typeof(AssessmentRequest)] = () => new JsonObject
        {
            ["vendorId"] = "01a21b0e-7d79-7c1e-9fca-157f5bbcea1f",
            ["policyVersionIds"] = new JsonArray(),
            ["trafficReportIds"] = new JsonArray(),
        },
        [typeof(ComparisonRequest)] = () => new JsonObject
        {
            ["vendorIds"] = new JsonArray("01a21b0e-7d79-7c1e-9fca-157f5bbcea1f", "01a21b0e-8a11-7c1e-9fca-157f5bbcea2a"),
        },
        [typeof(KeyRequest)] = () => new JsonObject { ["role"] = "analyst", ["name"] = "newsroom data desk" },
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema concrete && s_examples.TryGetValue(context.Type, out var example))
            concrete.Examples = [example()];
    }
}
