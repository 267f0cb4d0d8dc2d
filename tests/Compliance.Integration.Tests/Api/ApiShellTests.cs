using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Compliance.Integration.Tests.Infrastructure;

namespace Compliance.Integration.Tests.Api;

/// <summary>The API shell on both providers: Swagger, health, vendor CRUD, and bad input that stores nothing.</summary>
public sealed class ApiShellTests : IAsyncLifetime
{
    private TestDatabase _pg = null!;

    public async Task InitializeAsync() => _pg = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _pg.DisposeAsync();

    public static TheoryData<string> Providers => new() { "sqlite", "postgresql" };

    private ApiFactory Factory(string provider) => new(provider == "postgresql" ? _pg.ConnectionString : null);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SwaggerAndReadinessAnswer(string provider)
    {
        await using var factory = Factory(provider);
        var client = factory.CreateAdminClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/swagger/index.html")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains(provider, await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task SwaggerShowsWorkedExamplesOfClaimsFlowsAndFindings()
    {
        await using var factory = Factory("sqlite");
        var client = factory.CreateAdminClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        var schemas = document.GetProperty("components").GetProperty("schemas");
        JsonElement Example(string schema)
        {
            var s = schemas.GetProperty(schema);
            return s.TryGetProperty("examples", out var list) ? list[0] : s.GetProperty("example");
        }
        Assert.Equal("setting-enabled:sync", Example("Claim").GetProperty("conditions")[0].GetString());
        Assert.Equal("2020-04-28T10:01:02Z", Example("Flow").GetProperty("startedAt").GetString());
        Assert.Equal("known-value", Example("Flow").GetProperty("data")[1].GetProperty("detector").GetString());
        Assert.Equal("condition-violated", Example("Finding").GetProperty("kind").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task VendorRoundTrips(string provider)
    {
        await using var factory = Factory(provider);
        var client = factory.CreateAdminClient();

        var created = await client.PostAsJsonAsync("/vendors", new { name = "Tanager Mobile", domains = new[] { "TanagerMobile.test", "tanagercdn.test" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var vendor = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = vendor.GetProperty("id").GetString();
        Assert.Equal(["tanagercdn.test", "tanagermobile.test"], vendor.GetProperty("domains").EnumerateArray().Select(d => d.GetString()));

        var updated = await client.PutAsJsonAsync($"/vendors/{id}", new { name = "Tanager", domains = new[] { "tanagermobile.test" } });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var fetched = await client.GetFromJsonAsync<JsonElement>($"/vendors/{id}");
        Assert.Equal("Tanager", fetched.GetProperty("name").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/vendors/{id}")).StatusCode);
        await AssertProblemAsync(await client.GetAsync($"/vendors/{id}"), HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task BadBodiesGetProblemsAndChangeNothing(string provider)
    {
        await using var factory = Factory(provider);
        var client = factory.CreateAdminClient();
        var keep = await client.PostAsJsonAsync("/vendors", new { name = "Keeper", domains = new[] { "keeper.test" } });
        var before = await client.GetStringAsync("/vendors");

        await AssertProblemAsync(await PostRaw(client, ""), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await PostRaw(client, "this is not json"), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await PostRaw(client, "{\"name\": 42"), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await PostRaw(client, "{\"name\": \"\"}"), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await PostRaw(client, "{\"name\": \"x\", \"domains\": [\"not a domain\"]}"), HttpStatusCode.BadRequest);
        using (var big = new ByteArrayContent(new byte[100 * 1024 * 1024]))
        {
            big.Headers.ContentType = new("application/json");
            await AssertProblemAsync(await client.PostAsync("/vendors", big), HttpStatusCode.RequestEntityTooLarge);
        }
        using (var wrongType = new StringContent("{\"name\":\"x\"}", Encoding.UTF8, "text/plain"))
            Assert.InRange((int)(await client.PostAsync("/vendors", wrongType)).StatusCode, 400, 499);

        Assert.Equal(HttpStatusCode.Created, keep.StatusCode);
        Assert.Equal(before, await client.GetStringAsync("/vendors"));
    }

    private static Task<HttpResponseMessage> PostRaw(HttpClient client, string body) =>
        client.PostAsync("/vendors", new StringContent(body, Encoding.UTF8, "application/json"));

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
    }
}
