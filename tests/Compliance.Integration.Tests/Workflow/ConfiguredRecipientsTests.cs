using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Compliance.Integration.Tests.Infrastructure;

namespace Compliance.Integration.Tests.Workflow;

/// <summary>The service analyses traffic with the entity lists its configuration names (Recipients:EntityFiles).</summary>
public sealed class ConfiguredRecipientsTests : IDisposable
{
    private const string Host = "ingest.quokka-metrics.test";
    private readonly string _dir = Directory.CreateTempSubdirectory("recipients-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string UserEntities() => Write("entities.json",
        """{ "entities": [ { "organization": "Quokka Metrics Ltd", "category": "analytics-provider", "domains": ["quokka-metrics.test"] } ] }""");

    private string Capture() => Write("capture.har", $$"""
        { "log": { "version": "1.2", "entries": [ {
          "startedDateTime": "2024-05-01T10:00:00Z",
          "request": { "method": "POST", "url": "https://{{Host}}/v1/batch", "headers": [],
                       "postData": { "mimeType": "application/json", "text": "{\"imei\":\"490154203237518\"}" } },
          "response": { "status": 200, "content": { "mimeType": "application/json", "text": "{}" } } } ] } }
        """);

    private static async Task<JsonElement> UploadedFlowAsync(HttpClient client, string har)
    {
        var vendor = await client.CreateVendorAsync("Example Vendor", "example-vendor.test");
        var upload = await client.UploadAsync($"/vendors/{vendor}/traffic", har);
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var job = await client.WaitForJobAsync(upload.Headers.Location!.ToString());
        Assert.True(job.GetProperty("state").GetString() == "succeeded", job.ToString());
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var flows = await client.GetFromJsonAsync<JsonElement>($"/traffic/{id}/flows");
        return flows.GetProperty("flows").EnumerateArray().Single();
    }

    private static async Task<JsonElement> CheckedFlowAsync(HttpClient client, string har)
    {
        var form = new MultipartFormDataContent();
        form.Add(new StringContent("We do not collect device identifiers such as your IMEI.", Encoding.UTF8, "text/plain"), "policy", "policy.txt");
        var capture = new ByteArrayContent(File.ReadAllBytes(har));
        capture.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(capture, "traffic", "capture.har");
        var response = await client.PostAsync("/check", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("flows").EnumerateArray().Single();
    }

    [Fact]
    public async Task ConfiguredEntityListNamesTheRecipientOfStoredAndCheckedTraffic()
    {
        var settings = new Dictionary<string, string> { ["Recipients:EntityFiles:0"] = UserEntities() };
        await using var factory = new ApiFactory(null, settings: settings);
        var client = factory.CreateAdminClient();
        var har = Capture();

        foreach (var flow in new[] { await UploadedFlowAsync(client, har), await CheckedFlowAsync(client, har) })
        {
            var destination = flow.GetProperty("destination");
            Assert.Equal(Host, destination.GetProperty("host").GetString());
            Assert.Equal("Quokka Metrics Ltd", destination.GetProperty("organization").GetString());
            Assert.Equal("analytics-provider", destination.GetProperty("recipient").GetString());
        }
    }

    [Fact]
    public async Task WithoutTheListTheSameHostIsAnUnknownThirdParty()
    {
        await using var factory = new ApiFactory(null);
        var client = factory.CreateAdminClient();

        var destination = (await UploadedFlowAsync(client, Capture())).GetProperty("destination");

        Assert.False(destination.TryGetProperty("organization", out _));
        Assert.Equal("third-party", destination.GetProperty("recipient").GetString());
    }

    [Fact]
    public async Task MissingConfiguredFileStopsTheStartAndNamesTheFile()
    {
        var missing = Path.Combine(_dir, "no-such-list.json");
        await using var factory = new ApiFactory(null, settings: new Dictionary<string, string> { ["Recipients:EntityFiles:0"] = missing });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(missing, error.ToString(), StringComparison.Ordinal);
    }
}
