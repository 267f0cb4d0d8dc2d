using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Compliance.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Integration.Tests.Api;

/// <summary>Every endpoint's role: no key → 401, a reader key on a write → 403, the right role passes.</summary>
public sealed class AccessTests : IAsyncLifetime
{
    private static readonly string[] s_anonymous = ["/", "/health/live", "/health/ready", "/swagger"];
    private ApiFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new ApiFactory(null);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<string> KeyAsync(string role)
    {
        var admin = _factory.CreateAdminClient();
        var created = await admin.PostAsJsonAsync("/keys", new { role, name = $"{role} for tests" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    private List<(string Method, string Path)> Endpoints()
    {
        _ = _factory.Server; // start the host so its endpoints exist
        var sources = _factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (m, "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))))
            .Where(e => !s_anonymous.Any(a => e.Item2 == a || e.Item2.StartsWith("/swagger", StringComparison.Ordinal) || e.Item2.StartsWith("/health", StringComparison.Ordinal)))
            .Select(e => (e.m, Concrete(e.Item2).TrimEnd('/')))
            .Distinct().OrderBy(e => e.Item2, StringComparer.Ordinal).ThenBy(e => e.m, StringComparer.Ordinal).ToList();
    }

    private static string Concrete(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{[^}]+\}", Guid.Empty.ToString());

    // Uploads are matched by content type before authorisation runs, so they get the content type they accept.
    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method is "GET" or "DELETE" ? null
            : path.EndsWith("/check", StringComparison.Ordinal) || path.EndsWith("/traffic", StringComparison.Ordinal)
                ? new MultipartFormDataContent { { new StringContent("x"), "vendor" } }
                : new StringContent("{}", Encoding.UTF8, "application/json"),
    };

    [Fact]
    public async Task EveryEndpointWithoutAKeyIsUnauthorized()
    {
        var client = _factory.CreateClientWithKey(null);
        var endpoints = Endpoints();
        Assert.True(endpoints.Count >= 20, $"only {endpoints.Count} endpoints found");
        foreach (var (method, path) in endpoints)
        {
            var response = await client.SendAsync(Request(method, path));
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {(int)response.StatusCode} without a key");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task ReaderMayReadButNotWrite()
    {
        var client = _factory.CreateClientWithKey(await KeyAsync("reader"));
        foreach (var (method, path) in Endpoints())
        {
            var response = await client.SendAsync(Request(method, path));
            var isRead = (method == "GET" || path == "/check") && !path.StartsWith("/keys", StringComparison.Ordinal);
            if (isRead)
                Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"reader refused on {method} {path}");
            else
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} answered {(int)response.StatusCode} to a reader");
        }
    }

    [Fact]
    public async Task AnalystMayWriteEvidenceButNotManageKeysOrDelete()
    {
        var client = _factory.CreateClientWithKey(await KeyAsync("analyst"));
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/vendors", new { name = "Analyst Vendor" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/keys", new { role = "admin", name = "escalate" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"/policies/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"/traffic/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task RevokedOrUnknownKeyIsRefused()
    {
        var admin = _factory.CreateAdminClient();
        var created = await (await admin.PostAsJsonAsync("/keys", new { role = "reader", name = "short-lived" })).Content.ReadFromJsonAsync<JsonElement>();
        var key = created.GetProperty("key").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await _factory.CreateClientWithKey(key).GetAsync("/vendors")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/keys/{created.GetProperty("id").GetString()}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClientWithKey(key).GetAsync("/vendors")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClientWithKey("cck_" + new string('x', 40)).GetAsync("/vendors")).StatusCode);
        var listed = await admin.GetStringAsync("/keys");
        Assert.DoesNotContain(key, listed);
    }
}
