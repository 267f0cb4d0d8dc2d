using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Compliance.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Integration.Tests.Workflow;

/// <summary>A regulator's path through the API: vendor, policy, capture, assessment, findings.</summary>
public sealed class UploadAndAssessTests : IAsyncLifetime
{
    private TestDatabase _pg = null!;

    public async Task InitializeAsync() => _pg = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _pg.DisposeAsync();

    [Fact]
    public async Task BrowserCaseRunsThroughUploadsJobsAndAssessment()
    {
        await using var factory = new ApiFactory(_pg.ConnectionString);
        var client = factory.CreateAdminClient();
        var vendor = await client.CreateVendorAsync("Tanager Mobile", "tanagermobile.test", "tanagercdn.test");
        var dir = SharedData.File("cases", "browser-phone-maker");

        var policy = await client.UploadAsync($"/vendors/{vendor}/policies", Path.Combine(dir, "policy.html"));
        Assert.Equal(HttpStatusCode.Created, policy.StatusCode);
        var policyJson = await policy.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("html", policyJson.GetProperty("format").GetString());
        var again = await client.UploadAsync($"/vendors/{vendor}/policies", Path.Combine(dir, "policy.html"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(policyJson.GetProperty("id").GetString(), (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        var extraction = await client.WaitForJobAsync(policyJson.GetProperty("extractionJob").GetString()!);
        Assert.True(extraction.GetProperty("state").GetString() == "succeeded", extraction.ToString());

        var capture = await client.UploadAsync($"/vendors/{vendor}/traffic", Path.Combine(dir, "incognito.har"), Path.Combine(dir, "incognito.ctx.json"));
        Assert.Equal(HttpStatusCode.Accepted, capture.StatusCode);
        var analysis = await client.WaitForJobAsync(capture.Headers.Location!.ToString());
        Assert.True(analysis.GetProperty("state").GetString() == "succeeded", analysis.ToString());
        var trafficId = (await capture.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var flows = await client.GetFromJsonAsync<JsonElement>($"/traffic/{trafficId}/flows");
        Assert.Equal("done", flows.GetProperty("state").GetString());

        var assess = await client.PostAsJsonAsync("/assessments", new { vendorId = vendor });
        Assert.Equal(HttpStatusCode.Accepted, assess.StatusCode);
        var job = await client.WaitForJobAsync(assess.Headers.Location!.ToString());
        Assert.True(job.GetProperty("state").GetString() == "succeeded", job.ToString());
        var result = await client.GetFromJsonAsync<JsonElement>(job.GetProperty("result").GetString()!);
        Assert.Equal("done", result.GetProperty("state").GetString());
        Assert.Equal("Tanager Mobile", result.GetProperty("result").GetProperty("vendor").GetString());

        var assessmentUrl = job.GetProperty("result").GetString()!;
        var html = await client.GetAsync($"{assessmentUrl}/report");
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Tanager Mobile", await html.Content.ReadAsStringAsync());
        var csv = await client.GetAsync($"{assessmentUrl}/report?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("vendor,id,kind,severity", await csv.Content.ReadAsStringAsync());

        await using var db = _pg.CreateContext();
        Assert.Equal(2, await db.AuditLog.CountAsync(a => a.Action.EndsWith(".upload")));
        Assert.Equal(2, await db.Evidence.CountAsync());
    }

    [Theory]
    [InlineData("binary.txt")]
    [InlineData("empty.pdf")]
    public async Task UnusablePolicyIsRefusedAndNothingIsStored(string name)
    {
        await using var factory = new ApiFactory(_pg.ConnectionString);
        var client = factory.CreateAdminClient();
        var vendor = await client.CreateVendorAsync("Keeper", "keeper.test");
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-{name}");
        var bytes = name.EndsWith(".pdf", StringComparison.Ordinal) ? "%PDF-1.7\n%%EOF"u8.ToArray() : Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 256)).ToArray();
        await File.WriteAllBytesAsync(path, bytes);
        try
        {
            var response = await client.UploadAsync($"/vendors/{vendor}/policies", path);
            Assert.InRange((int)response.StatusCode, 400, 499);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            File.Delete(path);
        }
        await using var db = _pg.CreateContext();
        Assert.Equal(0, await db.PolicyVersions.CountAsync());
        Assert.Equal(0, await db.Evidence.CountAsync());
    }
}
