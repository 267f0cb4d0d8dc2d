using System.Net;
using System.Text;
using Compliance.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Compliance.Integration.Tests.Api;

/// <summary>
/// Generated JSON bodies (valid, broken, deep, huge, wrong types) against every JSON endpoint:
/// never a 5xx, and every rejection is problem+json with a reason. FUZZ_API_ITERATIONS sets the count.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class JsonEndpointFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] s_fragments =
    [
        "{", "}", "[", "]", "\"name\"", ":", ",", "\"x\"", "null", "true", "1e999", "-0", "\"\\u0000\"", "\"\\ud800\"", "\"vendorId\"",
        "\"00000000-0000-0000-0000-000000000000\"", "\"domains\"", "[\"a.test\"]", "\"text\"", "\"kind\"", "\"role\"", "\"admin\"",
        "\"vendorIds\"", "\"policyVersionIds\"", "{\"$ref\":\"#\"}", "\"<script>\"", "\"publishedOn\"", "\"2024-13-45\"",
    ];

    [Fact]
    public async Task JsonEndpointsNeverAnswer5xx()
    {
        await using var factory = new ApiFactory(null);
        var client = factory.CreateAdminClient();
        var vendor = await client.CreateVendorAsync("Fuzzed", "fuzzed.test");
        string[] targets = ["/vendors", $"/vendors/{vendor}", "/assessments", "/keys", "/comparisons", $"/vendors/{vendor}/policies"];
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_API_ITERATIONS"), out var n) ? n : 200;
        var random = new Random(20261127);
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < iterations; i++)
        {
            var target = targets[i % targets.Length];
            var body = Generate(random);
            using var request = new HttpRequestMessage(target == $"/vendors/{vendor}" ? HttpMethod.Put : HttpMethod.Post, target)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            Assert.True(status < 500, $"{request.Method} {target} answered {status} to {body[..Math.Min(body.Length, 200)]}");
            if (status >= 400)
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        output.WriteLine($"{iterations} JSON bodies: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
    }

    private static string Generate(Random random)
    {
        switch (random.Next(5))
        {
            case 0:
                return new string('[', 1 + random.Next(2000)) + new string(']', random.Next(2000));
            case 1:
                return "{\"name\":\"" + new string('x', random.Next(5000)) + "\",\"domains\":[" + string.Join(',', Enumerable.Repeat("\"a.test\"", random.Next(300))) + "]}";
            default:
                var builder = new StringBuilder();
                for (var i = 0; i < 1 + random.Next(30); i++)
                    builder.Append(s_fragments[random.Next(s_fragments.Length)]);
                return builder.ToString();
        }
    }
}
