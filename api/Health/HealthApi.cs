using Compliance.Db;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Compliance.Api.Health;

/// <summary>/health/live answers while the process runs; /health/ready only when the database answers.</summary>
public static class HealthApi
{
    public static WebApplicationBuilder AddComplianceHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }

    public static WebApplication MapComplianceHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .WithTags("Health").WithSummary("Liveness: the process is up.");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"),
            ResponseWriter = WriteAsync,
        }).WithTags("Health").WithSummary("Readiness: the database answers and is migrated.");
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
            }),
        });
}

internal sealed class DatabaseHealthCheck(ComplianceDbContext db, StorageInfo storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            // A query on a real table proves both the connection and the migrations.
            await db.Jobs.AsNoTracking().AnyAsync(ct);
            return HealthCheckResult.Healthy($"{storage.Provider} reachable");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy($"{storage.Provider} unreachable: {e.GetType().Name}");
        }
    }
}
