using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Compliance.Integration.Tests.Infrastructure;

namespace Compliance.Integration.Tests.Workflow;

/// <summary>POST /check through the real HTTP pipeline on the embedded default.</summary>
public sealed class CheckEndpointTests
{
    private static MultipartFormDataContent BrowserCaseForm(string? format = null)
    {
        var dir = SharedData.File("cases", "browser-phone-maker");
        var form = new MultipartFormDataContent();
        AddFile(form, "policy", Path.Combine(dir, "policy.html"));
        AddFile(form, "traffic", Path.Combine(dir, "incognito.har"));
        form.Add(new StringContent(File.ReadAllText(Path.Combine(dir, "incognito.ctx.json"))), "context");
        form.Add(new StringContent("Tanager Mobile"), "vendor");
        form.Add(new StringContent("tanagermobile.test,tanagercdn.test"), "domains");
        if (format is not null)
            form.Add(new StringContent(format), "format");
        return form;
    }

    private static void AddFile(MultipartFormDataContent form, string name, string path)
    {
        var content = new ByteArrayContent(File.ReadAllBytes(path));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, name, Path.GetFileName(path));
    }

    [Fact]
    public async Task BrowserCaseIsCheckedInOneCall()
    {
        await using var factory = new ApiFactory(null);
        var client = factory.CreateAdminClient();

        var response = await client.PostAsync("/check", BrowserCaseForm());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Tanager Mobile", result.GetProperty("vendor").GetString());
        Assert.True(result.GetProperty("claims").GetArrayLength() > 0);
        Assert.True(result.GetProperty("flows").GetArrayLength() > 0);
        var kinds = result.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("kind").GetString(), f.GetProperty("dataType").GetString())).ToList();
        Assert.Contains(("condition-violated", "browsing-history"), kinds);
        Assert.Contains(("contradicted", "android-id"), kinds);
    }

    [Fact]
    public async Task CheckWithoutTrafficIsABadRequest()
    {
        await using var factory = new ApiFactory(null);
        var client = factory.CreateAdminClient();
        var form = new MultipartFormDataContent();
        AddFile(form, "policy", SharedData.File("cases", "notes-clean", "policy.txt"));

        var response = await client.PostAsync("/check", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
