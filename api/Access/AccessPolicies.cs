using System.Threading.RateLimiting;
using Compliance.Db;
using Compliance.Db.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;

namespace Compliance.Api.Access;

/// <summary>Roles, their policies, the per-key rate limit, and the first admin key of a new store.</summary>
public static class AccessPolicies
{
    public const string Reader = "reader";
    public const string Analyst = "analyst";
    public const string Admin = "admin";
    public const string RateLimit = "per-key";

    public static WebApplicationBuilder AddComplianceAccess(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ApiKeyService>();
        builder.Services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Reader, p => p.RequireRole(Reader, Analyst, Admin))
            .AddPolicy(Analyst, p => p.RequireRole(Analyst, Admin))
            .AddPolicy(Admin, p => p.RequireRole(Admin));

        var permitPerMinute = builder.Configuration.GetValue("RateLimit:PerMinute", 600);
        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(RateLimit, context =>
            {
                // Partition by key (its lookup prefix), or by address when no key was sent.
                var partition = context.User.FindFirst("key_prefix")?.Value ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous";
                return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permitPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            o.OnRejected = async (context, ct) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(60);
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
                    {
                        Status = 429,
                        Title = "Too many requests",
                        Detail = $"This key may make {permitPerMinute} requests a minute; retry after {retry.TotalSeconds:0} s.",
                    },
                });
            };
        });
        return builder;
    }

    public static WebApplication UseComplianceAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// A new store has no keys: create the first admin key, from Auth:BootstrapKey when configured,
    /// else a random one printed once to the console.
    /// </summary>
    public static async Task EnsureFirstAdminKeyAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
        if (await keys.AnyAsync())
            return;
        var preset = app.Configuration["Auth:BootstrapKey"];
        var storage = scope.ServiceProvider.GetRequiredService<StorageInfo>();
        if (string.IsNullOrWhiteSpace(preset) && storage.Provider != "sqlite")
            return; // on PostgreSQL, create keys with `worker keys create --role admin`
        var (_, key) = await keys.CreateAsync(Admin, "first admin", string.IsNullOrWhiteSpace(preset) ? null : preset);
        if (string.IsNullOrWhiteSpace(preset))
            Console.Out.WriteLine($"First admin API key (shown once, keep it): {key}");
    }
}
