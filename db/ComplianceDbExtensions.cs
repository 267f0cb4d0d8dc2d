using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Compliance.Db;

/// <summary>Registers the store: PostgreSQL when ConnectionStrings:Compliance is set, else an embedded SQLite file.</summary>
public static class ComplianceDbExtensions
{
    public const string ConnectionName = "Compliance";

    public static IHostApplicationBuilder AddComplianceDb(this IHostApplicationBuilder builder)
    {
        var connection = builder.Configuration.GetConnectionString(ConnectionName);
        builder.Services.AddSingleton(TimeProvider.System);
        if (!string.IsNullOrWhiteSpace(connection))
        {
            builder.Services.AddDbContext<ComplianceDbContext, PostgresComplianceDbContext>(o =>
                o.UseNpgsql(connection, npgsql => npgsql.EnableRetryOnFailure(3, TimeSpan.FromSeconds(2), null)));
            builder.Services.AddSingleton(new StorageInfo("postgresql", Describe(connection)));
        }
        else
        {
            var path = builder.Configuration["Storage:SqlitePath"] ?? Path.Combine("data", "compliance.db");
            var full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            builder.Services.AddDbContext<ComplianceDbContext, SqliteComplianceDbContext>(o =>
                o.UseSqlite($"Data Source={full}"));
            builder.Services.AddSingleton(new StorageInfo("sqlite", full));
        }
        return builder;
    }

    /// <summary>Applies pending migrations of whichever provider is configured.</summary>
    public static async Task MigrateComplianceDbAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        await db.Database.MigrateAsync(ct);
        if (!db.IsPostgres)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    private static string Describe(string connection)
    {
        // Never echo a password into logs.
        var parts = connection.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.TrimStart().StartsWith("Password", StringComparison.OrdinalIgnoreCase));
        return string.Join(';', parts);
    }
}

/// <summary>Which provider the service runs on, for /health/ready and logs.</summary>
public sealed record StorageInfo(string Provider, string Location);
