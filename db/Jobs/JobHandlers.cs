using System.Text.Json;
using Compliance.Db.Entities;
using Compliance.Db.Evidence;
using Compliance.Db.Processing;
using Compliance.Engine.Claims;
using Microsoft.Extensions.Configuration;
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

/// <summary>
/// A job whose payload names one stored record: runs one processing step on it and answers where its result is.
/// </summary>
internal sealed class TargetJobHandler(string kind, Func<EvidenceProcessor, Guid, CancellationToken, Task> step,
    Func<Guid, string> resultUrl, EvidenceProcessor processor) : IJobHandler
{
    public string Kind => kind;

    public async Task<string?> RunAsync(Job job, JobProgress progress, CancellationToken ct)
    {
        var id = JobKinds.TargetOf(job);
        await step(processor, id, ct);
        return resultUrl(id);
    }
}

/// <summary>Registers the engine services and the handlers of every job kind.</summary>
public static class JobHandlerRegistration
{
    public static IServiceCollection AddComplianceProcessing(this IServiceCollection services)
    {
        // Loading the sentence model is expensive: one extractor per process.
        services.AddSingleton(_ => ClaimExtractor.CreateDefault());
        services.AddSingleton(sp => ConfiguredRecipients.From(sp.GetService<IConfiguration>()));
        services.AddScoped<EvidenceStore>();
        services.AddScoped<AuditLog>();
        services.AddScoped<EvidenceProcessor>();
        Handler(services, JobKinds.ExtractClaims, (p, id, ct) => p.ExtractClaimsAsync(id, ct), id => $"/policies/{id}/claims");
        Handler(services, JobKinds.AnalyzeTraffic, (p, id, ct) => p.AnalyzeTrafficAsync(id, ct), id => $"/traffic/{id}/flows");
        Handler(services, JobKinds.Assessment, (p, id, ct) => p.AssessAsync(id, ct), id => $"/assessments/{id}");
        Handler(services, JobKinds.Comparison, (p, id, ct) => p.CompareAsync(id, ct), id => $"/comparisons/{id}");
        return services;
    }

    private static void Handler(IServiceCollection services, string kind, Func<EvidenceProcessor, Guid, CancellationToken, Task> step, Func<Guid, string> resultUrl) =>
        services.AddScoped<IJobHandler>(sp => new TargetJobHandler(kind, step, resultUrl, sp.GetRequiredService<EvidenceProcessor>()));
}
