using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Compliance.Browser.Tests;

/// <summary>API calls a person would otherwise make by hand before opening a report.</summary>
internal static class Flows
{
    public static async Task<string> AssessAsync(HttpClient http, string vendorName, string[] domains, string policyPath, string harPath, string contextPath)
    {
        var vendor = await (await http.PostAsJsonAsync("/vendors", new { name = vendorName, domains })).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = vendor.GetProperty("id").GetString();
        await Upload(http, $"/vendors/{id}/policies", policyPath, null);
        await Upload(http, $"/vendors/{id}/traffic", harPath, contextPath);
        var accepted = (await http.PostAsJsonAsync("/assessments", new { vendorId = id })).EnsureSuccessStatusCode();
        var job = await WaitAsync(http, accepted.Headers.Location!.ToString());
        return job.GetProperty("result").GetString()!;
    }

    /// <summary>Creates a vendor with one policy and one capture; returns its id.</summary>
    public static async Task<string> VendorWithEvidenceAsync(HttpClient http, string vendorName, string[] domains, string policyPath, string harPath, string contextPath)
    {
        var vendor = await (await http.PostAsJsonAsync("/vendors", new { name = vendorName, domains })).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = vendor.GetProperty("id").GetString()!;
        await Upload(http, $"/vendors/{id}/policies", policyPath, null);
        await Upload(http, $"/vendors/{id}/traffic", harPath, contextPath);
        return id;
    }

    /// <summary>Compares the vendors and returns the comparison's URL once its job is done.</summary>
    public static async Task<string> CompareAsync(HttpClient http, params string[] vendorIds)
    {
        var accepted = (await http.PostAsJsonAsync("/comparisons", new { vendorIds })).EnsureSuccessStatusCode();
        var job = await WaitAsync(http, accepted.Headers.Location!.ToString());
        return job.GetProperty("result").GetString()!;
    }

    private static async Task Upload(HttpClient http, string url, string path, string? contextPath)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", Path.GetFileName(path));
        if (contextPath is not null)
            form.Add(new StringContent(await File.ReadAllTextAsync(contextPath)), "context");
        (await http.PostAsync(url, form)).EnsureSuccessStatusCode();
    }

    private static async Task<JsonElement> WaitAsync(HttpClient http, string jobUrl)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var job = await http.GetFromJsonAsync<JsonElement>(jobUrl);
            var state = job.GetProperty("state").GetString();
            if (state == "succeeded")
                return job;
            if (state == "failed" || DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"Job {jobUrl} ended {state}: {job}");
            await Task.Delay(200);
        }
    }
}
