using Compliance.Db;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Compliance.Integration.Tests.Infrastructure;

/// <summary>
/// A fresh PostgreSQL database on the cluster the test command started (COMPLIANCE_TEST_PG),
/// migrated with the real migrations and dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _admin;

    public string Name { get; }
    public string ConnectionString { get; }

    private TestDatabase(string admin, string name)
    {
        _admin = admin;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 50 }.ConnectionString;
    }

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("COMPLIANCE_TEST_PG") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "COMPLIANCE_TEST_PG is not set: run the tests with ./test.sh, which starts a throwaway PostgreSQL.");

    public static async Task<TestDatabase> CreateAsync()
    {
        var admin = AdminConnectionString;
        var name = $"t_{Guid.NewGuid():N}"[..20];
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var db = new TestDatabase(admin, name);
        await using var context = db.CreateContext();
        await context.Database.MigrateAsync();
        return db;
    }

    public PostgresComplianceDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<PostgresComplianceDbContext>().UseNpgsql(ConnectionString).Options);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(_admin);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
