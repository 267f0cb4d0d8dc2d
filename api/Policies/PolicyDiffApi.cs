using System.Text.Json;
using Compliance.Api.Access;
using Compliance.Api.Infrastructure;
using Compliance.Db;
using Compliance.Db.Processing;
using Compliance.Engine;
using Compliance.Engine.Claims;
using Compliance.Engine.Policies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Api.Policies;

/// <summary>What changed between two versions of a document.</summary>
/// <param name="Older">The version compared from.</param>
/// <param name="Newer">The version compared to.</param>
/// <param name="Sentences">Added, removed and edited sentences.</param>
/// <param name="ClaimsAdded">Practices the newer version states that the older did not.</param>
/// <param name="ClaimsRemoved">Practices the older version stated that the newer does not.</param>
/// <param name="ClaimsState">done when both versions' claims are extracted; otherwise the claim lists may be incomplete.</param>
public sealed record PolicyDiffDto(Guid Older, Guid Newer, PolicyDiffResult Sentences, IReadOnlyList<Claim> ClaimsAdded,
    IReadOnlyList<Claim> ClaimsRemoved, string ClaimsState);

/// <summary>GET /policies/{id}/diff/{otherId}.</summary>
public static class PolicyDiffApi
{
    public static IEndpointRouteBuilder MapPolicyDiff(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/policies/{id:guid}/diff/{otherId:guid}", DiffAsync).WithTags("Policies").ForReaders().ProducesProblem(404)
            .WithName("DiffPolicies")
            .WithSummary("What a policy update changed: added, removed and edited sentences, and added and removed claims.")
            .WithDescription("{id} is the older version, {otherId} the newer one.");
        return routes;
    }

    private static async Task<Results<Ok<PolicyDiffDto>, ProblemHttpResult>> DiffAsync(Guid id, Guid otherId, ComplianceDbContext db, CancellationToken ct)
    {
        var older = await db.PolicyVersions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (older is null)
            return Problems.NotFound("Policy", id);
        var newer = await db.PolicyVersions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == otherId, ct);
        if (newer is null)
            return Problems.NotFound("Policy", otherId);
        var sentences = PolicyDiff.Compare(StoredPolicy.ToParsed(older), StoredPolicy.ToParsed(newer));
        var oldClaims = await ClaimsAsync(db, id, ct);
        var newClaims = await ClaimsAsync(db, otherId, ct);
        var oldKeys = oldClaims.Select(Signature).ToHashSet(StringComparer.Ordinal);
        var newKeys = newClaims.Select(Signature).ToHashSet(StringComparer.Ordinal);
        var state = older.ExtractionState == "done" && newer.ExtractionState == "done" ? "done" : "pending";
        return TypedResults.Ok(new PolicyDiffDto(id, otherId, sentences,
            newClaims.Where(c => !oldKeys.Contains(Signature(c))).ToList(),
            oldClaims.Where(c => !newKeys.Contains(Signature(c))).ToList(), state));
    }

    private static async Task<List<Claim>> ClaimsAsync(ComplianceDbContext db, Guid versionId, CancellationToken ct)
    {
        var rows = await db.Claims.AsNoTracking().Where(c => c.PolicyVersionId == versionId).OrderBy(c => c.Ordinal).Select(c => c.Json).ToListAsync(ct);
        return rows.Select(json => JsonSerializer.Deserialize<Claim>(json, EngineJson.Compact)!).ToList();
    }

    // A claim is the same practice when what it says matches, wherever the sentence moved and however it was worded.
    private static string Signature(Claim c) => string.Join('|', c.Action, c.Polarity,
        string.Join(',', c.DataTypes.Order(StringComparer.Ordinal)), string.Join(',', c.Recipients.Order(StringComparer.Ordinal)),
        string.Join(',', c.Conditions.Order(StringComparer.Ordinal)), string.Join(',', c.Qualifiers.Order(StringComparer.Ordinal)));
}
