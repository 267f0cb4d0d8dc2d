using Compliance.Api.Infrastructure;
using Compliance.Db;
using Compliance.Db.Access;
using Compliance.Db.Evidence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Api.Access;

/// <summary>Creates an API key.</summary>
/// <param name="Role">reader, analyst or admin.</param>
/// <param name="Name">Who or what the key is for.</param>
public sealed record KeyRequest(string Role, string Name);

/// <summary>A key as listed: never its secret.</summary>
/// <param name="Id">Key id.</param>
/// <param name="Name">Who or what it is for.</param>
/// <param name="Role">reader, analyst or admin.</param>
/// <param name="Prefix">Its first characters, to recognise it.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="RevokedAt">When it was revoked.</param>
public sealed record KeyDto(Guid Id, string Name, string Role, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>A new key, shown this once.</summary>
/// <param name="Id">Key id.</param>
/// <param name="Role">Its role.</param>
/// <param name="Key">The secret: send it as X-Api-Key. It cannot be shown again.</param>
public sealed record NewKeyDto(Guid Id, string Role, string Key);

/// <summary>Admin-only: API keys and deletion of evidence (both audited).</summary>
public static class KeysApi
{
    public static IEndpointRouteBuilder MapAdministration(this IEndpointRouteBuilder routes)
    {
        var keys = routes.MapGroup("/keys").WithTags("Administration").ForAdmins();
        keys.MapPost("/", CreateAsync).ProducesProblem(400).WithName("CreateKey").WithSummary("Creates an API key; the key is in the answer and never again.");
        keys.MapGet("/", ListAsync).WithName("ListKeys").WithSummary("Lists API keys (without secrets).");
        keys.MapDelete("/{id:guid}", RevokeAsync).ProducesProblem(404).WithName("RevokeKey").WithSummary("Revokes an API key.");

        routes.MapDelete("/policies/{id:guid}", DeletePolicyAsync).WithTags("Administration").ForAdmins().ProducesProblem(404)
            .WithName("DeletePolicy").WithSummary("Deletes a policy version and its claims (admin only; audited).");
        routes.MapDelete("/traffic/{id:guid}", DeleteTrafficAsync).WithTags("Administration").ForAdmins().ProducesProblem(404)
            .WithName("DeleteTraffic").WithSummary("Deletes a capture and its flows (admin only; audited).");
        return routes;
    }

    private static async Task<Results<Created<NewKeyDto>, ValidationProblem>> CreateAsync(KeyRequest request, HttpContext http,
        ApiKeyService service, AuditLog audit, ComplianceDbContext db, CancellationToken ct)
    {
        if (!ApiKeyService.Roles.Contains(request.Role) || string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = ["role is reader, analyst or admin; name has 1 to 200 characters."] });
        var (row, key) = await service.CreateAsync(request.Role, request.Name.Trim(), ct: ct);
        audit.Record(http.Actor(), "key.create", $"/keys/{row.Id}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/keys/{row.Id}", new NewKeyDto(row.Id, row.Role, key));
    }

    private static async Task<Ok<List<KeyDto>>> ListAsync(ComplianceDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt)
            .Select(k => new KeyDto(k.Id, k.Name, k.Role, k.Prefix, k.CreatedAt, k.RevokedAt)).ToListAsync(ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid id, HttpContext http, ComplianceDbContext db, AuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is null)
            return Problems.NotFound("Key", id);
        key.RevokedAt ??= clock.GetUtcNow();
        audit.Record(http.Actor(), "key.revoke", $"/keys/{id}");
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeletePolicyAsync(Guid id, HttpContext http, ComplianceDbContext db, AuditLog audit, CancellationToken ct)
    {
        var version = await db.PolicyVersions.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (version is null)
            return Problems.NotFound("Policy", id);
        db.PolicyVersions.Remove(version);
        audit.Record(http.Actor(), "policy.delete", $"/policies/{id}", version.Sha256);
        await db.SaveChangesAsync(ct);
        await RemoveUnreferencedAsync(db, version.Sha256, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteTrafficAsync(Guid id, HttpContext http, ComplianceDbContext db, AuditLog audit, CancellationToken ct)
    {
        var report = await db.TrafficReports.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (report is null)
            return Problems.NotFound("Traffic report", id);
        db.TrafficReports.Remove(report);
        audit.Record(http.Actor(), "traffic.delete", $"/traffic/{id}", report.Sha256);
        await db.SaveChangesAsync(ct);
        await RemoveUnreferencedAsync(db, report.Sha256, ct);
        return TypedResults.NoContent();
    }

    // Bytes shared with another vendor's record stay; bytes no record points at any more go.
    private static async Task RemoveUnreferencedAsync(ComplianceDbContext db, string sha, CancellationToken ct)
    {
        var used = await db.PolicyVersions.AnyAsync(p => p.Sha256 == sha, ct) || await db.TrafficReports.AnyAsync(t => t.Sha256 == sha, ct);
        if (!used)
            await db.Evidence.Where(e => e.Sha256 == sha).ExecuteDeleteAsync(ct);
    }
}
