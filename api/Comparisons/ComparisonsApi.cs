using System.Text.Json;
using Compliance.Api.Access;
using Compliance.Api.Infrastructure;
using Compliance.Db;
using Compliance.Db.Entities;
using Compliance.Db.Evidence;
using Compliance.Db.Jobs;
using Compliance.Engine;
using Compliance.Engine.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Api.Comparisons;

/// <summary>Asks for a comparison of vendors.</summary>
/// <param name="VendorIds">The vendors to compare (2 to 1,000); each is assessed on its newest documents and all its captures.</param>
public sealed record ComparisonRequest(IReadOnlyList<Guid> VendorIds);

/// <summary>A comparison and, once done, its matrix and scorecards.</summary>
/// <param name="Id">Comparison id.</param>
/// <param name="State">queued, running, done or failed.</param>
/// <param name="VendorIds">The vendors compared.</param>
/// <param name="CreatedAt">When it was asked for.</param>
/// <param name="CompletedAt">When it finished.</param>
/// <param name="Job">The job computing it.</param>
/// <param name="Result">Scorecards and the vendor × data-type matrix.</param>
public sealed record ComparisonDto(Guid Id, string State, IReadOnlyList<Guid> VendorIds, DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt, string? Job, ComparisonResult? Result);

/// <summary>Vendor comparisons, computed by a job.</summary>
public static class ComparisonsApi
{
    public static IEndpointRouteBuilder MapComparisons(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/comparisons").WithTags("Comparisons").ForReaders();
        group.MapPost("/", CreateAsync).ForAnalysts().ProducesProblem(400)
            .WithName("CreateComparison").WithSummary("Queues a comparison of vendors; answers 202 with the job.");
        group.MapGet("/{id:guid}", GetAsync).ProducesProblem(404)
            .WithName("GetComparison").WithSummary("A comparison's state and, once done, its scorecards and matrix.");
        group.MapGet("/{id:guid}/report", ReportAsync).ProducesProblem(404).ProducesProblem(409)
            .Produces<string>(200, "text/html").Produces<string>(200, "text/csv")
            .WithName("GetComparisonReport").WithSummary("The comparison as one HTML page (colour-coded grid, SVG chart) or as CSV (format=csv).");
        return routes;
    }

    private static async Task<Results<AcceptedAtRoute<ComparisonDto>, ValidationProblem>> CreateAsync(ComparisonRequest request, HttpContext http,
        ComplianceDbContext db, JobQueue jobs, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var ids = (request.VendorIds ?? []).Distinct().ToList();
        if (ids.Count is < 2 or > 1000)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["vendorIds"] = ["Compare 2 to 1,000 distinct vendors."] });
        var known = await db.Vendors.Where(v => ids.Contains(v.Id)).Select(v => v.Id).ToListAsync(ct);
        var unknown = ids.Except(known).ToList();
        if (unknown.Count > 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["vendorIds"] = [$"Unknown vendor {unknown[0]}."] });
        var comparison = new VendorComparison { Id = Guid.CreateVersion7(), VendorIds = ids, CreatedAt = clock.GetUtcNow() };
        db.Comparisons.Add(comparison);
        audit.Record(http.Actor(), "comparison.create", $"/comparisons/{comparison.Id}");
        await db.SaveChangesAsync(ct);
        var job = await jobs.EnqueueAsync(JobKinds.Comparison, new JobKinds.TargetPayload(comparison.Id), $"compare:{comparison.Id}", ct);
        return TypedResults.AcceptedAtRoute(comparison.ToDto(job.Id), "GetJob", new { id = job.Id });
    }

    private static async Task<Results<Ok<ComparisonDto>, ProblemHttpResult>> GetAsync(Guid id, ComplianceDbContext db, CancellationToken ct)
    {
        var comparison = await db.Comparisons.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return comparison is null ? Problems.NotFound("Comparison", id) : TypedResults.Ok(comparison.ToDto(null));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReportAsync(Guid id, string? format, ComplianceDbContext db, CancellationToken ct)
    {
        var comparison = await db.Comparisons.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (comparison is null)
            return Problems.NotFound("Comparison", id);
        if (!Problems.TryReportFormat(format, out var csv, out var badFormat))
            return badFormat!;
        if (comparison.ResultJson is null)
            return Problems.NotFinished("Comparison", comparison.State);
        var result = JsonSerializer.Deserialize<ComparisonResult>(comparison.ResultJson, EngineJson.Compact)!;
        return csv
            ? TypedResults.Text(result.ToCsv(), "text/csv; charset=utf-8")
            : TypedResults.Text(ComparisonHtml.Render(result, comparison.CompletedAt), "text/html; charset=utf-8");
    }

    private static ComparisonDto ToDto(this VendorComparison c, Guid? jobId) => new(c.Id, c.State, c.VendorIds, c.CreatedAt, c.CompletedAt,
        jobId is { } j ? $"/jobs/{j}" : null,
        c.ResultJson is null ? null : JsonSerializer.Deserialize<ComparisonResult>(c.ResultJson, EngineJson.Compact));
}
