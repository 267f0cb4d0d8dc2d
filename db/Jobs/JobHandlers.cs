using System.Text.Json;
using Compliance.Db.Entities;
using Compliance.Db.Evidence;
using Compliance.Db.Processing;
using Compliance.Engine.Claims;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Db.Jobs;

/// <summary>The job kinds the service queues, and the payload each carries.</summary>
public static class JobKinds
{
    public const string ExtractClaims = "extract-claims";
    public const string AnalyzeTraffic = "analyze-traffic";
    public const string Assessment = "assessment";
    public const string Comparison = "comparison";

    public sealed record TargetPayload(Guid Id);

    public static Guid TargetOf(Job job) =>
        JsonSerializer.Deserialize<TargetPayload>(job.PayloadJson, JsonSerializerOptions.Web)?.Id
        ?? throw new InvalidOperationException($"Job {job.Id} has no target id.");
}

internal sealed class ExtractClaimsHandler(EvidenceProcessor processor) : IJobHandler
{
    public string Kind => JobKinds.ExtractClaims;

    public async Task<string?> RunAsync(Job job, JobProgress progress, CancellationToken ct)
    {
        var id = JobKinds.TargetOf(job);
        await processor.ExtractClaimsAsync(id, ct);
        return $"/policies/{id}/claims";
    }
}

internal sealed class AnalyzeTrafficHandler(EvidenceProcessor processor) : IJobHandler
{
    public string Kind => JobKinds.AnalyzeTraffic;

    public async Task<string?> RunAsync(Job job, JobProgress progress, CancellationToken ct)
    {
        var id = JobKinds.TargetOf(job);
        await processor.AnalyzeTrafficAsync(id, ct);
        return $"/traffic/{id}/flows";
    }
}

internal sealed class AssessmentHandler(EvidenceProcessor processor) : IJobHandler
{
    public string Kind => JobKinds.Assessment;

    public async Task<string?> RunAsync(Job job, JobProgress progress, CancellationToken ct)
    {
        var id = JobKinds.TargetOf(job);
        await processor.AssessAsync(id, ct);
        return $"/assessments/{id}";
    }
}

internal sealed class ComparisonHandler(EvidenceProcessor processor) : IJobHandler
{
    public string Kind => JobKinds.Comparison;

    public async Task<string?> RunAsync(Job job, JobProgress progress, CancellationToken ct)
    {
        var id = JobKinds.TargetOf(job);
        await processor.CompareAsync(id, ct);
        return $"/comparisons/{id}";
    }
}

/// <summary>Registers the engine services and the handlers of every job kind.</summary>
public static class JobHandlerRegistration
{
    public static IServiceCollection AddComplianceProcessing(this IServiceCollection services)
    {
        // Loading the sentence model is expensive: one extractor per process.
        services.AddSingleton(_ => ClaimExtractor.CreateDefault());
        services.AddScoped<EvidenceStore>();
        services.AddScoped<AuditLog>();
        services.AddScoped<EvidenceProcessor>();
        services.AddScoped<IJobHandler, ExtractClaimsHandler>();
        services.AddScoped<IJobHandler, AnalyzeTrafficHandler>();
        services.AddScoped<IJobHandler, AssessmentHandler>();
        services.AddScoped<IJobHandler, ComparisonHandler>();
        return services;
    }
}
