using System.Text.Json;
using Compliance.Api.Access;
using Compliance.Api.Infrastructure;
using Compliance.Db;
using Compliance.Db.Entities;
using Compliance.Db.Evidence;
using Compliance.Db.Jobs;
using Compliance.Db.Processing;
using Compliance.Engine;
using Compliance.Engine.Checking;
using Compliance.Engine.Matching;
using Compliance.Engine.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Api.Assessments;

/// <summary>Asks for an assessment of a vendor: its document versions against its captures.</summary>
/// <param name="VendorId">The vendor.</param>
/// <param name="PolicyVersionIds">Document versions to use; empty = the newest version of each document kind.</param>
/// <param name="TrafficReportIds">Captures to use; empty = all of the vendor's captures.</param>
public sealed record AssessmentRequest(Guid VendorId, IReadOnlyList<Guid>? PolicyVersionIds, IReadOnlyList<Guid>? TrafficReportIds);

/// <summary>An assessment and, once done, its result.</summary>
/// <param name="Id">Assessment id.</param>
/// <param name="VendorId">The vendor.</param>
/// <param name="State">queued, running, done or failed.</param>
/// <param name="PolicyVersionIds">Document versions used.</param>
/// <param name="TrafficReportIds">Captures used.</param>
/// <param name="CreatedAt">When it was asked for.</param>
/// <param name="CompletedAt">When it finished.</param>
/// <param name="Job">The job computing it.</param>
/// <param name="Result">Claims, flows, findings and summary, once done.</param>
public sealed record AssessmentDto(Guid Id, Guid VendorId, string State, IReadOnlyList<Guid> PolicyVersionIds,
    IReadOnlyList<Guid> TrafficReportIds, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, string? Job, CheckResult? Result);

/// <summary>A finding with the assessment it came from.</summary>
/// <param name="AssessmentId">The assessment.</param>
/// <param name="Finding">The finding.</param>
public sealed record VendorFindingDto(Guid AssessmentId, Finding Finding);

/// <summary>Assessments: policy versions × captures → findings, computed by a job.</summary>
public static class AssessmentsApi
{
    public static IEndpointRouteBuilder MapAssessments(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/assessments").WithTags("Assessments").ForReaders();
        group.MapPost("/", CreateAsync).ProducesProblem(400).ProducesProblem(404)
            .ForAnalysts().WithName("CreateAssessment")
            .WithSummary("Queues an assessment of a vendor's documents against its captures; answers 202 with the job.")
            .WithDescription("Idempotent: the same vendor, documents and captures return the same assessment.");
        group.MapGet("/{id:guid}", GetAsync).ProducesProblem(404)
            .WithName("GetAssessment").WithSummary("An assessment's state and, once done, its claims, flows, findings and summary.");
        group.MapGet("/{id:guid}/report", ReportAsync).ProducesProblem(404).ProducesProblem(409)
            .Produces<string>(200, "text/html").Produces<string>(200, "text/csv")
            .WithName("GetAssessmentReport")
            .WithSummary("The assessment as a self-contained HTML page (format=html, default) or as CSV (format=csv).")
            .WithDescription("The HTML report opens offline and prints: a summary, then each finding with the policy quote highlighted " +
                             "in its paragraph beside the decoded request that contradicts it (identifiers masked).");
        routes.MapGet("/vendors/{vendorId:guid}/findings", VendorFindingsAsync).WithTags("Assessments").ForReaders().ProducesProblem(404)
            .WithName("GetVendorFindings").WithSummary("Every finding of the vendor's latest finished assessment.");
        return routes;
    }

    private static async Task<Results<AcceptedAtRoute<AssessmentDto>, ProblemHttpResult>> CreateAsync(
        AssessmentRequest request, HttpContext http, ComplianceDbContext db, JobQueue jobs, AuditLog audit, EvidenceProcessor processor, CancellationToken ct)
    {
        var vendor = await db.Vendors.AsNoTracking().FirstOrDefaultAsync(v => v.Id == request.VendorId, ct);
        if (vendor is null)
            return Problems.NotFound("Vendor", request.VendorId);
        var versions = request.PolicyVersionIds is { Count: > 0 } given ? given.Distinct().ToList() : await AssessmentInputs.LatestVersionsAsync(db, vendor.Id, ct);
        var reports = request.TrafficReportIds is { Count: > 0 } t ? t.Distinct().ToList() : await AssessmentInputs.AllCapturesAsync(db, vendor.Id, ct);
        if (versions.Count == 0)
            throw new ApiProblemException(400, "Nothing to assess", "The vendor has no policy versions; upload one first.");
        var foreignVersion = versions.Except(await db.PolicyVersions.Where(p => p.VendorId == vendor.Id && versions.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).FirstOrDefault();
        if (foreignVersion != Guid.Empty)
            throw new ApiProblemException(400, "Unknown document", $"Policy version {foreignVersion} does not belong to this vendor.");
        var foreignReport = reports.Except(await db.TrafficReports.Where(r => r.VendorId == vendor.Id && reports.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct)).FirstOrDefault();
        if (foreignReport != Guid.Empty)
            throw new ApiProblemException(400, "Unknown capture", $"Traffic report {foreignReport} does not belong to this vendor.");

        var assessment = await processor.FindOrCreateAssessmentAsync(vendor, versions, reports, ct);
        audit.Record(http.Actor(), "assessment.request", $"/assessments/{assessment.Id}", assessment.InputHash);
        await db.SaveChangesAsync(ct);
        var job = await jobs.EnqueueAsync(JobKinds.Assessment, new JobKinds.TargetPayload(assessment.Id), $"assess:{assessment.InputHash}", ct);
        return TypedResults.AcceptedAtRoute(assessment.ToDto(job.Id), "GetJob", new { id = job.Id });
    }

    private static async Task<Results<Ok<AssessmentDto>, ProblemHttpResult>> GetAsync(Guid id, ComplianceDbContext db, CancellationToken ct)
    {
        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        return assessment is null ? Problems.NotFound("Assessment", id) : TypedResults.Ok(assessment.ToDto(null));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReportAsync(Guid id, string? format, ComplianceDbContext db, CancellationToken ct)
    {
        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (assessment is null)
            return Problems.NotFound("Assessment", id);
        if (!Problems.TryReportFormat(format, out var csv, out var badFormat))
            return badFormat!;
        if (assessment.ResultJson is null)
            return Problems.NotFinished("Assessment", assessment.State);
        var result = JsonSerializer.Deserialize<CheckResult>(assessment.ResultJson, EngineJson.Compact)!;
        if (csv)
            return TypedResults.Text(AssessmentCsv.Render(result), "text/csv; charset=utf-8");
        var versions = await db.PolicyVersions.AsNoTracking().Where(p => assessment.PolicyVersionIds.Contains(p.Id)).ToListAsync(ct);
        var texts = versions.GroupBy(StoredPolicy.TitleOf).ToDictionary(g => g.Key, g => g.First().NormalisedText);
        var html = AssessmentReport.Render(result, new ReportSources { DocumentTexts = texts, GeneratedAt = assessment.CompletedAt });
        return TypedResults.Text(html, "text/html; charset=utf-8");
    }

    private static async Task<Results<Ok<List<VendorFindingDto>>, ProblemHttpResult>> VendorFindingsAsync(Guid vendorId, ComplianceDbContext db, CancellationToken ct)
    {
        if (!await db.Vendors.AnyAsync(v => v.Id == vendorId, ct))
            return Problems.NotFound("Vendor", vendorId);
        var latest = await db.Assessments.AsNoTracking().Where(a => a.VendorId == vendorId && a.State == "done")
            .OrderByDescending(a => a.CompletedAt).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        if (latest is null)
            return TypedResults.Ok(new List<VendorFindingDto>());
        var rows = await db.Findings.AsNoTracking().Where(f => f.AssessmentId == latest).OrderBy(f => f.Id).Select(f => f.Json).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(json => new VendorFindingDto(latest.Value, JsonSerializer.Deserialize<Finding>(json, EngineJson.Compact)!)).ToList());
    }

    internal static AssessmentDto ToDto(this Assessment a, Guid? jobId) => new(a.Id, a.VendorId, a.State, a.PolicyVersionIds,
        a.TrafficReportIds, a.CreatedAt, a.CompletedAt, jobId is { } j ? $"/jobs/{j}" : null,
        a.ResultJson is null ? null : JsonSerializer.Deserialize<CheckResult>(a.ResultJson, EngineJson.Compact));
}
