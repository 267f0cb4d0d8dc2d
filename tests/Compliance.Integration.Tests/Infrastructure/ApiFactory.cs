using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Compliance.Integration.Tests.Infrastructure;

/// <summary>The real API over the real HTTP pipeline, on PostgreSQL (given a connection string) or on a fresh SQLite file.</summary>
public sealed class ApiFactory(string? postgres, bool runJobs = true, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    /// <summary>The first admin key the service creates on its empty store.</summary>
    public const string AdminKey = "cck_test-admin-key-0123456789abcdef";

    private readonly string _sqlitePath = Path.Combine(Path.GetTempPath(), $"compliance-test-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Compliance", postgres ?? "");
        builder.UseSetting("Storage:SqlitePath", _sqlitePath);
        builder.UseSetting("Jobs:PollInterval", "00:00:00.050");
        // No separate worker process in these tests: the API works its own queue.
        builder.UseSetting("Jobs:RunInProcess", runJobs ? "true" : "false");
        builder.UseSetting("Auth:BootstrapKey", AdminKey);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            builder.UseSetting(key, value);
    }

    /// <summary>A client that sends the admin key, as a regulator's script would send its own.</summary>
    public HttpClient CreateAdminClient() => CreateClientWithKey(AdminKey);

    public HttpClient CreateClientWithKey(string? key)
    {
        var client = CreateClient();
        if (key is not null)
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_sqlitePath + suffix);
    }
}
