using System.Text.Json;
using Compliance.Api.Access;
using Compliance.Api.Infrastructure;
using Compliance.Db;
using Compliance.Db.Entities;
using Compliance.Db.Evidence;
using Compliance.Db.Jobs;
using Compliance.Db.Processing;
using Compliance.Engine;
using Compliance.Engine.Claims;
using Compliance.Engine.Policies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Api.Policies;

/// <summary>Policy versions: upload (file or text), list, read with sentences, claims.</summary>
public static class PoliciesApi
{
    public static IEndpointRouteBuilder MapPolicies(this IEndpointRouteBuilder routes)
    {
        var vendors = routes.MapGroup("/vendors/{vendorId:guid}/policies").WithTags("Policies").ForReaders();
        vendors.MapPost("/", UploadAsync)
            // One Accepts entry: routing matches the request's content type against it.
            .Accepts<PolicyUploadForm>("multipart/form-data", "application/json")
            .DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(PolicyUpload.MaxBytes + 64 * 1024))
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(413).ProducesProblem(422)
            .ForAnalysts().WithName("UploadPolicy")
            .WithSummary("Uploads a policy version (HTML, PDF, Markdown or text file, or JSON with inline text).")
            .WithDescription("The format is detected from the content. The same bytes uploaded again return the existing version (200). " +
                             "A new version (201) is parsed at once; its claims are extracted by a background job (see extractionJob). " +
                             "Instead of a form, a JSON body {\"text\": \"…\", \"kind\": \"public-statement\", \"title\": \"…\", \"sourceUrl\": \"…\", \"publishedOn\": \"2024-05-01\"} uploads inline text.");
        vendors.MapGet("/", ListAsync).WithName("ListPolicies").WithSummary("Lists a vendor's document versions, newest first.");

        var policies = routes.MapGroup("/policies").WithTags("Policies").ForReaders();
        policies.MapGet("/{id:guid}", GetAsync).ProducesProblem(404)
            .WithName("GetPolicy").WithSummary("A version's metadata, normalised text, sections and sentences with spans.");
        policies.MapGet("/{id:guid}/claims", ClaimsAsync).ProducesProblem(404)
            .WithName("GetPolicyClaims").WithSummary("The data practices the version states (empty while extraction is pending).");
        return routes;
    }

    private static async Task<Results<Created<PolicyVersionDto>, Ok<PolicyVersionDto>, ProblemHttpResult>> UploadAsync(
        Guid vendorId, HttpRequest request, ComplianceDbContext db, EvidenceStore evidence, JobQueue jobs, AuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Vendors.AnyAsync(v => v.Id == vendorId, ct))
            return Problems.NotFound("Vendor", vendorId);
        var upload = await PolicyUpload.ReadAsync(request, ct);
        var sha = EvidenceStore.Hash(upload.Content);
        var existing = await db.PolicyVersions.AsNoTracking()
            .FirstOrDefaultAsync(p => p.VendorId == vendorId && p.Sha256 == sha && p.DocumentKind == upload.Kind, ct);
        if (existing is not null)
            return TypedResults.Ok(existing.ToDto(existing.CountSentences(), null));

        ParsedPolicy parsed;
        try
        {
            parsed = PolicyParser.Parse(upload.Content, upload.FileName);
        }
        catch (PolicyFormatException e)
        {
            return Problems.Unprocessable("Unusable policy file", e.Message);
        }

        await evidence.StageAsync(upload.Content, upload.MediaType, upload.FileName, ct);
        var previous = await db.PolicyVersions.AsNoTracking()
            .Where(p => p.VendorId == vendorId && p.DocumentKind == upload.Kind)
            .OrderByDescending(p => p.CreatedAt).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        var version = new PolicyVersion
        {
            Id = Guid.CreateVersion7(),
            VendorId = vendorId,
            Sha256 = sha,
            Format = StoredPolicy.FormatName(parsed.Format),
            DocumentKind = upload.Kind,
            Title = upload.Title ?? parsed.Title,
            SourceUrl = upload.SourceUrl,
            PublishedOn = upload.PublishedOn,
            RetrievedAt = now,
            SupersedesId = previous,
            NormalisedText = parsed.Text,
            StructureJson = StoredPolicy.SerializeStructure(parsed),
            CreatedAt = now,
        };
        db.PolicyVersions.Add(version);
        audit.Record(request.HttpContext.Actor(), "policy.upload", $"/policies/{version.Id}", sha);
        await db.SaveChangesAsync(ct);
        var job = await jobs.EnqueueAsync(JobKinds.ExtractClaims, new JobKinds.TargetPayload(version.Id), $"extract:{version.Id}", ct);
        return TypedResults.Created($"/policies/{version.Id}", version.ToDto(parsed.Sentences.Count, job.Id));
    }

    private static async Task<Results<Ok<List<PolicyVersionDto>>, ProblemHttpResult>> ListAsync(Guid vendorId, ComplianceDbContext db, CancellationToken ct)
    {
        if (!await db.Vendors.AnyAsync(v => v.Id == vendorId, ct))
            return Problems.NotFound("Vendor", vendorId);
        var versions = await db.PolicyVersions.AsNoTracking().Where(p => p.VendorId == vendorId)
            .OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync(ct);
        return TypedResults.Ok(versions.Select(v => v.ToDto(v.CountSentences(), null)).ToList());
    }

    private static async Task<Results<Ok<PolicyDetailDto>, ProblemHttpResult>> GetAsync(Guid id, ComplianceDbContext db, CancellationToken ct)
    {
        var version = await db.PolicyVersions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (version is null)
            return Problems.NotFound("Policy", id);
        var parsed = StoredPolicy.ToParsed(version);
        return TypedResults.Ok(new PolicyDetailDto(version.ToDto(parsed.Sentences.Count, null), parsed.Text, parsed.Sections, parsed.Sentences));
    }

    /// <summary>Claims of a version and whether extraction has finished.</summary>
    /// <param name="State">pending, done or failed.</param>
    /// <param name="Claims">The claims, in document order.</param>
    public sealed record ClaimsDto(string State, IReadOnlyList<Claim> Claims);

    private static async Task<Results<Ok<ClaimsDto>, ProblemHttpResult>> ClaimsAsync(Guid id, ComplianceDbContext db, CancellationToken ct)
    {
        var version = await db.PolicyVersions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (version is null)
            return Problems.NotFound("Policy", id);
        var rows = await db.Claims.AsNoTracking().Where(c => c.PolicyVersionId == id).OrderBy(c => c.Ordinal).Select(c => c.Json).ToListAsync(ct);
        var claims = rows.Select(json => JsonSerializer.Deserialize<Claim>(json, EngineJson.Compact)!).ToList();
        return TypedResults.Ok(new ClaimsDto(version.ExtractionState, claims));
    }
}
