using System.Text.Json;
using System.Text.Json.Nodes;
using Compliance.Api.Access;
using Compliance.Api.Assessments;
using Compliance.Api.Comparisons;
using Compliance.Api.Vendors;
using Compliance.Engine;
using Compliance.Engine.Claims;
using Compliance.Engine.Matching;
using Compliance.Engine.Traffic;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Compliance.Api.Infrastructure;

/// <summary>
/// Gives request bodies a worked example from the browser case, so "Try it out" starts from real values, and
/// the claim, flow and finding shapes an example answer, serialised by the engine itself so it cannot drift.
/// </summary>
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
        [typeof(Claim)] = () => Engine(new Claim
        {
            Id = "c-17",
            Sentence = "We sync your browsing history only when you turn on Sync.",
            Span = new TextSpan(1204, 1262),
            Section = "Browser",
            Action = "sync",
            Polarity = Polarity.Affirmative,
            DataTypes = ["browsing-history"],
            Recipients = ["first-party"],
            Conditions = ["setting-enabled:sync"],
            Purposes = ["functionality"],
            Document = new DocumentRef { Kind = DocumentKind.PrivacyPolicy, Title = "Browser Privacy Policy" },
            Confidence = 0.93,
        }),
        [typeof(Flow)] = () => Engine(new Flow
        {
            Id = "f-3",
            EntryIndex = 12,
            StartedAt = new DateTimeOffset(2020, 4, 28, 10, 1, 2, TimeSpan.Zero),
            Method = "POST",
            Url = "https://tracking.tanagermobile.test/sa?project=browser",
            Destination = new Destination
            {
                Host = "tracking.tanagermobile.test", Organization = "Tanager Mobile", Recipient = "first-party",
                HostingOrganization = "Alibaba Cloud", Country = "SG", ServerIp = "47.74.0.12",
            },
            Context = new TrafficContext { PrivateMode = true, Settings = new Dictionary<string, string> { ["sync"] = "off" } },
            Data =
            [
                new DataItem
                {
                    Type = "browsing-history", Value = "https://news.example.org/world/story-1",
                    Location = "body → form data_list → base64 → json $[2].properties.url", Detector = "url-in-payload", Confidence = 0.95,
                },
                new DataItem
                {
                    Type = "android-id", Value = "9774d56d682e549c",
                    Location = "body → form data_list → base64 → json $[2].distinct_id", Detector = "known-value", Confidence = 1.0,
                },
            ],
        }),
        [typeof(Finding)] = () => Engine(new Finding
        {
            Id = "x-2",
            Kind = FindingKind.ConditionViolated,
            Severity = Severity.High,
            DataType = "browsing-history",
            Recipient = "first-party",
            ClaimIds = ["c-17"],
            FlowIds = ["f-3", "f-4"],
            Explanation = "The policy syncs browsing history only when Sync is on; the capture sent visited URLs to " +
                          "tracking.tanagermobile.test while Sync was off and the browser was in private mode.",
            Confidence = 0.9,
        }),
    };

    private static JsonNode Engine<T>(T value) => JsonSerializer.SerializeToNode(value, EngineJson.Compact)!;

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema concrete && s_examples.TryGetValue(context.Type, out var example))
            concrete.Examples = [example()];
    }
}
