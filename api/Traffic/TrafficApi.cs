using System.Text;
using System.Text.Json;
using Compliance.Api.Access;
using Compliance.Api.Infrastructure;
using Compliance.Api.Jobs;
using Compliance.Db;
using Compliance.Db.Entities;
using Compliance.Db.Evidence;
using Compliance.Db.Jobs;
using Compliance.Engine;
using Compliance.Engine.Traffic;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Api.Traffic;

/// <summary>Traffic captures: upload (analysed by a job), list, flows.</summary>
public static class TrafficApi
{
    public const long MaxCaptureBytes = 256L * 1024 * 1024;

    public static IEndpointRouteBuilder MapTraffic(this IEndpointRouteBuilder routes)
    {
        var vendors = routes.MapGroup("/vendors/{vendorId:guid}/traffic").WithTags("Traffic").ForReaders();
        vendors.MapPost("/", UploadAsync)
            .Accepts<TrafficUploadForm>("multipart/form-data")
            .DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxCaptureBytes + 1024 * 1024))
            .WithFormOptions(multipartBodyLengthLimit: MaxCaptureBytes + 1024 * 1024)
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(413)
            .ForAnalysts().WithName("UploadTraffic")
            .WithSummary("Uploads a HAR capture or an observation report, with the context it was captured in.")
            .WithDescription("Answers 202 with the analysis job's Location; the flows appear at /traffic/{id}/flows when it is done. " +
                             "The same bytes uploaded again return the existing report (200).");
        vendors.MapGet("/", ListAsync).WithName("ListTraffic").WithSummary("Lists a vendor's captures, newest first.");

        var traffic = routes.MapGroup("/traffic").WithTags("Traffic").ForReaders();
        traffic.MapGet("/{id:guid}", GetAsync).ProducesProblem(404).WithName("GetTraffic").WithSummary("A capture's metadata and analysis state.");
        traffic.MapGet("/{id:guid}/flows", FlowsAsync).ProducesProblem(404).WithName("GetFlows")
            .WithSummary("The flows of personal data found in a capture, with decoded values and recipients.");
        return routes;
    }

    private static async Task<Results<AcceptedAtRoute<TrafficReportDto>, Ok<TrafficReportDto>, ProblemHttpResult>> UploadAsync(
        Guid vendorId, HttpRequest request, ComplianceDbContext db, EvidenceStore evidence, JobQueue jobs, AuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Vendors.AnyAsync(v => v.Id == vendorId, ct))
            return Problems.NotFound("Vendor", vendorId);
        if (!request.HasFormContentType)
            throw new ApiProblemException(415, "Unsupported media type", "Send multipart/form-data with a 'file' part and an optional 'context' part.");
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault(f => f.Name != "context")
                   ?? throw new ApiProblemException(400, "Bad traffic upload", "The form has no 'file' part.");
        if (file.Length == 0)
            throw new ApiProblemException(400, "Bad traffic upload", "The uploaded capture is empty.");
        var context = await ReadContextAsync(form, ct);
        using var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var sha = EvidenceStore.Hash(bytes);

        var existing = await db.TrafficReports.AsNoTracking().FirstOrDefaultAsync(t => t.VendorId == vendorId && t.Sha256 == sha, ct);
        if (existing is not null)
            return TypedResults.Ok(existing.ToDto(null));

        await evidence.StageAsync(bytes, file.ContentType, file.FileName, ct);
        var report = new TrafficReport
        {
            Id = Guid.CreateVersion7(),
            VendorId = vendorId,
            Sha256 = sha,
            Format = LooksLikeObservationReport(bytes) ? "observation-report" : "har",
            Name = Path.GetFileName(file.FileName),
            ContextJson = context is null ? null : JsonSerializer.Serialize(context, EngineJson.Compact),
            CreatedAt = clock.GetUtcNow(),
        };
        db.TrafficReports.Add(report);
        audit.Record(request.HttpContext.Actor(), "traffic.upload", $"/traffic/{report.Id}", sha);
        await db.SaveChangesAsync(ct);
        var job = await jobs.EnqueueAsync(JobKinds.AnalyzeTraffic, new JobKinds.TargetPayload(report.Id), $"analyze:{report.Id}", ct);
        return TypedResults.AcceptedAtRoute(report.ToDto(job.Id), "GetJob", new { id = job.Id });
    }

    private static async Task<TrafficContext?> ReadContextAsync(IFormCollection form, CancellationToken ct)
    {
        string? json = form["context"];
        if (string.IsNullOrWhiteSpace(json) && form.Files.GetFile("context") is { } part)
        {
            using var reader = new StreamReader(part.OpenReadStream(), Encoding.UTF8);
            json = await reader.ReadToEndAsync(ct);
        }
        if (string.IsNullOrWhiteSpace(json))
            return null;
        try
        {
            return JsonSerializer.Deserialize<TrafficContext>(json, EngineJson.Compact);
        }
        catch (JsonException e)
        {
            throw new ApiProblemException(400, "Bad traffic context", $"The context part is not a valid traffic context: {e.Message}");
        }
    }

    private static bool LooksLikeObservationReport(byte[] bytes)
    {
        var head = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        return head.Contains("observation-report/", StringComparison.Ordinal);
    }

    private static async Task<Results<Ok<List<TrafficReportDto>>, ProblemHttpResult>> ListAsync(Guid vendorId, ComplianceDbContext db, CancellationToken ct)
    {
        if (!await db.Vendors.AnyAsync(v => v.Id == vendorId, ct))
            return Problems.NotFound("Vendor", vendorId);
        var reports = await db.TrafficReports.AsNoTracking().Where(t => t.VendorId == vendorId)
            .OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id).ToListAsync(ct);
        return TypedResults.Ok(reports.Select(r => r.ToDto(null)).ToList());
    }

    private static async Task<Results<Ok<TrafficReportDto>, ProblemHttpResult>> GetAsync(Guid id, ComplianceDbContext db, CancellationToken ct)
    {
        var report = await db.TrafficReports.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        return report is null ? Problems.NotFound("Traffic report", id) : TypedResults.Ok(report.ToDto(null));
    }

    private static async Task<Results<Ok<FlowsDto>, ProblemHttpResult>> FlowsAsync(Guid id, ComplianceDbContext db, CancellationToken ct)
    {
        var report = await db.TrafficReports.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (report is null)
            return Problems.NotFound("Traffic report", id);
        var rows = await db.Flows.AsNoTracking().Where(f => f.TrafficReportId == id).OrderBy(f => f.Id).Select(f => f.Json).ToListAsync(ct);
        var flows = rows.Select(json => JsonSerializer.Deserialize<Flow>(json, EngineJson.Compact)!).ToList();
        return TypedResults.Ok(new FlowsDto(report.AnalysisState, report.AnalysisState == "failed" ? report.AnalysisError : null, flows));
    }

    internal static TrafficReportDto ToDto(this TrafficReport r, Guid? jobId) => new(r.Id, r.VendorId, r.Sha256, r.Format, r.Name,
        r.ContextJson is null ? null : JsonSerializer.Deserialize<TrafficContext>(r.ContextJson, EngineJson.Compact),
        r.AnalysisState, r.AnalysisError, r.CreatedAt, jobId is { } id ? $"/jobs/{id}" : null);
}
