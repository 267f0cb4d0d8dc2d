using Compliance.Engine.Claims;
using Compliance.Engine.Matching;
using Compliance.Engine.Ontology;
using Compliance.Engine.Traffic;

namespace Compliance.Engine.Tests.Matching;

/// <summary>Small hand-built claims and flows for matcher unit tests.</summary>
public sealed class Scenario
{
    private readonly List<Claim> _claims = [];
    private readonly List<Flow> _flows = [];

    public Scenario Says(string action, string dataTypes, string recipients = "first-party", string conditions = "",
        string qualifiers = "", string regions = "", DocumentRef? document = null, string? sentence = null) =>
        Claim(Polarity.Affirmative, action, dataTypes, recipients, conditions, qualifiers, regions, document, sentence);

    public Scenario Denies(string action, string dataTypes, string recipients = "first-party", DocumentRef? document = null, string? sentence = null) =>
        Claim(Polarity.Negative, action, dataTypes, recipients, "", "", "", document, sentence);

    /// <summary>A flow to <paramref name="host"/>; items are "type" or "type=value", "#" marks a hashed value.</summary>
    public Scenario Sends(string host, string recipient, TrafficContext? context = null, string? country = null,
        string? hosting = null, double confidence = 1.0, params string[] items)
    {
        _flows.Add(new Flow
        {
            Id = $"f-{_flows.Count + 1}",
            EntryIndex = _flows.Count,
            Capture = "capture.har",
            Method = "POST",
            Url = $"https://{host}/collect",
            Destination = new Destination { Host = host, Recipient = recipient, Organization = "Org of " + host, Country = country, HostingOrganization = hosting },
            Context = context,
            Data = items.Select(i =>
            {
                var parts = i.Split('=', 2);
                var hashed = parts[0].EndsWith('#');
                return new DataItem
                {
                    Type = parts[0].TrimEnd('#'), Value = parts.Length > 1 ? parts[1] : "", Location = "body json $.x",
                    Detector = "test", Confidence = confidence, Hashed = hashed,
                };
            }).ToList(),
        });
        return this;
    }

    public IReadOnlyList<Claim> Claims => _claims;

    public IReadOnlyList<Finding> Match() => new Matcher(OntologyModel.Default).Match(_claims, _flows);

    public IReadOnlyList<Finding> Of(FindingKind kind) => Match().Where(f => f.Kind == kind).ToList();

    private Scenario Claim(Polarity polarity, string action, string dataTypes, string recipients, string conditions,
        string qualifiers, string regions, DocumentRef? document, string? sentence)
    {
        var text = sentence ?? $"Claim {_claims.Count + 1}: {polarity} {action} {dataTypes} to {recipients}.";
        _claims.Add(new Claim
        {
            Id = $"c-{_claims.Count + 1}",
            Sentence = text,
            Span = new TextSpan(0, text.Length),
            Action = action,
            Polarity = polarity,
            DataTypes = List(dataTypes),
            Recipients = List(recipients),
            Conditions = List(conditions),
            Qualifiers = List(qualifiers),
            Regions = List(regions),
            Document = document ?? DocumentRef.Default,
            Confidence = 0.9,
        });
        return this;
    }

    private static List<string> List(string csv) =>
        csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
