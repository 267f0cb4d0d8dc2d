using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Compliance.Integration.Tests.Infrastructure;

namespace Compliance.Integration.Tests.Workflow;

/// <summary>POST /comparisons over stored vendors, on the embedded default.</summary>
public sealed class ComparisonTests
{
    [Fact]
    public async Task TwoVendorsAreComparedAndAVendorWithoutEvidenceIsReported()
    {
        await using var factory = new ApiFactory(null);
        var client = factory.CreateAdminClient();
        var browser = await client.CreateVendorAsync("Tanager Mobile", "tanagermobile.test", "tanagercdn.test");
        var notes = await client.CreateVendorAsync("Tallynote", "tallynote.test");
        var empty = await client.CreateVendorAsync("Empty Vendor", "empty.test");
        var b = SharedData.File("cases", "browser-phone-maker");
        var n = SharedData.File("cases", "notes-clean");
        await client.UploadAsync($"/vendors/{browser}/policies", Path.Combine(b, "policy.html"));
        await client.UploadAsync($"/vendors/{browser}/traffic", Path.Combine(b, "incognito.har"), Path.Combine(b, "incognito.ctx.json"));
        await client.UploadAsync($"/vendors/{notes}/policies", Path.Combine(n, "policy.txt"));
        await client.UploadAsync($"/vendors/{notes}/traffic", Path.Combine(n, "signed-in-sync.har"), Path.Combine(n, "signed-in-sync.ctx.json"));

        var accepted = await client.PostAsJsonAsync("/comparisons", new { vendorIds = new[] { browser, notes, empty } });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var job = await client.WaitForJobAsync(accepted.Headers.Location!.ToString());
        Assert.True(job.GetProperty("state").GetString() == "succeeded", job.ToString());

        var comparison = await client.GetFromJsonAsync<JsonElement>(job.GetProperty("result").GetString()!);
        var cards = comparison.GetProperty("result").GetProperty("vendors").EnumerateArray().ToList();
        Assert.Equal(3, cards.Count);
        Assert.Equal("failed", cards.Single(c => c.GetProperty("vendor").GetString() == "Empty Vendor").GetProperty("status").GetString());
        var csv = await client.GetStringAsync($"{job.GetProperty("result").GetString()}/report?format=csv");
        var types = comparison.GetProperty("result").GetProperty("dataTypes").GetArrayLength();
        Assert.Equal(1 + 2 * types + 1, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var html = await client.GetStringAsync($"{job.GetProperty("result").GetString()}/report");
        var pdf = await client.GetAsync($"{job.GetProperty("result").GetString()}/report?format=pdf");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, pdf.StatusCode);
        Assert.Equal("application/problem+json", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", html);
        Assert.Contains("Tallynote", html);
    }
}
