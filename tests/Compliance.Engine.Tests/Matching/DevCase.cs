using System.Text.Json;
using Compliance.Engine.Checking;
using Compliance.Engine.Claims;
using Compliance.Engine.Traffic;

namespace Compliance.Engine.Tests.Matching;

/// <summary>An expected finding of a dev case: kind, data type and (for findings) recipient, as kebab-case strings.</summary>
public sealed record ExpectedFinding(string Kind, string DataType, string? Recipient);

/// <summary>
/// A dev case of shared/data/cases read as matcher input: the policy's main claims from expected.json and the
/// labelled flows of flows.json (one data item per type, confidence 1) with each capture's context.
/// </summary>
public sealed record DevCase(string Name, IReadOnlyList<Claim> Claims, IReadOnlyList<Flow> Flows,
    IReadOnlyList<ExpectedFinding> Findings, IReadOnlyList<ExpectedFinding> MustNotFind)
{
    public static IEnumerable<string> Names() =>
        Directory.GetDirectories(SharedData.Cases)
            .Where(d => File.Exists(Path.Combine(d, "expected.json")) && File.Exists(Path.Combine(d, "flows.json")))
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static DevCase Load(string name)
    {
        var dir = Path.Combine(SharedData.Cases, name);
        using var expected = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "expected.json")));
        using var flows = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "flows.json")));
        var root = expected.RootElement;
        return new DevCase(name,
            root.GetProperty("claims").EnumerateArray().Select((c, i) => ClaimOf(c, i + 1)).ToList(),
            FlowsOf(dir, flows.RootElement),
            root.GetProperty("findings").EnumerateArray().Select(f => Expected(f, withRecipient: true)).ToList(),
            root.GetProperty("mustNotFind").EnumerateArray().Select(f => Expected(f, withRecipient: false)).ToList());
    }

    private static ExpectedFinding Expected(JsonElement e, bool withRecipient) =>
        new(e.GetProperty("kind").GetString()!, e.GetProperty("dataType").GetString()!,
            withRecipient ? e.GetProperty("recipient").GetString() : null);

    private static Claim ClaimOf(JsonElement c, int n)
    {
        var sentence = c.GetProperty("sentence").GetString()!;
        return new Claim
        {
            Id = $"c-{n}",
            Sentence = sentence,
            Span = new TextSpan(0, sentence.Length),
            Action = c.GetProperty("action").GetString()!,
            Polarity = c.GetProperty("polarity").GetString() == "negative" ? Polarity.Negative : Polarity.Affirmative,
            DataTypes = Strings(c, "dataTypes"),
            Recipients = Strings(c, "recipients"),
            Conditions = Strings(c, "conditions"),
            Qualifiers = Strings(c, "qualifiers"),
            Purposes = Strings(c, "purposes"),
            Regions = Strings(c, "regions"),
            Confidence = 1.0,
        };
    }

    private static List<Flow> FlowsOf(string dir, JsonElement root)
    {
        var result = new List<Flow>();
        foreach (var capture in root.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var contextPath = Path.Combine(dir, Path.GetFileNameWithoutExtension(capture.Name) + ".ctx.json");
            var context = File.Exists(contextPath) ? ContextFile.Parse(File.ReadAllBytes(contextPath)) : TrafficContext.Unknown;
            foreach (var f in capture.Value.EnumerateArray())
            {
                var hashed = Strings(f, "hashed");
                var where = f.TryGetProperty("where", out var w) ? w.GetString() ?? "" : "";
                result.Add(new Flow
                {
                    Id = $"f-{result.Count + 1}",
                    EntryIndex = f.GetProperty("entryIndex").GetInt32(),
                    Capture = capture.Name,
                    Method = "POST",
                    Url = "https://" + f.GetProperty("host").GetString() + "/",
                    Destination = new Destination
                    {
                        Host = f.GetProperty("host").GetString()!,
                        Recipient = f.GetProperty("recipient").GetString()!,
                        Organization = Optional(f, "organization"),
                        HostingOrganization = Optional(f, "hostingOrganization"),
                        Country = Optional(f, "country"),
                    },
                    Context = context,
                    Data = Strings(f, "dataTypes").Select(t => new DataItem
                    {
                        Type = t, Value = "", Location = where, Detector = "label", Confidence = 1.0, Hashed = hashed.Contains(t),
                    }).ToList(),
                });
            }
        }
        return result;
    }

    private static string? Optional(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static List<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Select(x => x.GetString()!).ToList()
            : [];
}
