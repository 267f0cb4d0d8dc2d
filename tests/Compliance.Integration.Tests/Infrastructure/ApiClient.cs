using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Compliance.Integration.Tests.Infrastructure;

/// <summary>Small helpers for driving the API the way a regulator's script would.</summary>
public static class ApiClient
{
    public static async Task<string> CreateVendorAsync(this HttpClient client, string name, params string[] domains)
    {
        var response = await client.PostAsJsonAsync("/vendors", new { name, domains });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, string url, string path, string? contextPath = null,
        IDictionary<string, string>? fields = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(File.ReadAllBytes(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", Path.GetFileName(path));
        if (contextPath is not null)
            form.Add(new StringContent(File.ReadAllText(contextPath)), "context");
        foreach (var (key, value) in fields ?? new Dictionary<string, string>())
            form.Add(new StringContent(value), key);
        return client.PostAsync(url, form);
    }

    /// <summary>Polls a job until it leaves queued/running; returns its final JSON.</summary>
    public static async Task<JsonElement> WaitForJobAsync(this HttpClient client, string jobUrl, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while (true)
        {
            var job = await client.GetFromJsonAsync<JsonElement>(jobUrl);
            var state = job.GetProperty("state").GetString();
            if (state is "succeeded" or "failed")
                return job;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Job {jobUrl} still {state}.");
            await Task.Delay(100);
        }
    }
}
