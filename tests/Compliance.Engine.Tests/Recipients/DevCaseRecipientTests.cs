using System.Text.Json;
using Compliance.Engine.Recipients;

namespace Compliance.Engine.Tests.Recipients;

/// <summary>Every labelled flow of the dev cases resolves to its labelled recipient, organisation and hosting.</summary>
public class DevCaseRecipientTests
{
    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        using var vendors = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData.Cases, "vendors.json")));
        foreach (var vendor in vendors.RootElement.GetProperty("vendors").EnumerateArray())
            foreach (var traffic in vendor.GetProperty("traffic").EnumerateArray())
                data.Add(traffic.GetProperty("file").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void LabelledFlowsResolveToTheirLabelledRecipients(string capture)
    {
        var (resolver, labels, entries) = Load(capture);
        Assert.NotEmpty(labels);
        foreach (var label in labels)
        {
            var index = label.GetProperty("entryIndex").GetInt32();
            var entry = entries[index];
            var url = new Uri(entry.GetProperty("request").GetProperty("url").GetString()!);
            var ip = entry.TryGetProperty("serverIPAddress", out var s) ? s.GetString() : null;
            var d = resolver.Resolve(url.Host, ip);
            var where = $"{capture} entry {index} ({url.Host})";
            Assert.True(label.GetProperty("recipient").GetString() == d.Recipient, $"{where}: recipient {d.Recipient}");
            Assert.True(Optional(label, "organization") == d.Organization, $"{where}: organisation {d.Organization}");
            if (Optional(label, "hostingOrganization") is { } hosting)
                Assert.True(hosting == d.HostingOrganization, $"{where}: hosting {d.HostingOrganization}");
            if (Optional(label, "country") is { } country)
                Assert.True(country == d.Country, $"{where}: country {d.Country}");
        }
    }

    private static (RecipientResolver, List<JsonElement>, List<JsonElement>) Load(string capture)
    {
        using var vendors = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData.Cases, "vendors.json")));
        var vendor = vendors.RootElement.GetProperty("vendors").EnumerateArray()
            .First(v => v.GetProperty("traffic").EnumerateArray().Any(t => t.GetProperty("file").GetString() == capture));
        var resolver = new RecipientResolver(
            vendor.GetProperty("domains").EnumerateArray().Select(d => d.GetString()!),
            vendor.GetProperty("name").GetString());
        var folder = Path.GetDirectoryName(capture)!;
        var flows = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData.Cases, folder, "flows.json")));
        var labels = flows.RootElement.GetProperty(Path.GetFileName(capture)).EnumerateArray().ToList();
        var har = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData.Cases, capture)));
        var entries = har.RootElement.GetProperty("log").GetProperty("entries").EnumerateArray().ToList();
        return (resolver, labels, entries);
    }

    private static string? Optional(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
