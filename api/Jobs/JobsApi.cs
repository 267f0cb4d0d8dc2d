using Compliance.Api.Access;
using Compliance.Db;
using Compliance.Db.Entities;
using Compliance.Db.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Api.Jobs;

/// <summary>A background job as the API shows it.</summary>
/// <param name="Id">Job id.</param>
/// <param name="Kind">What the job does, e.g. "extract-claims", "assessment".</param>
/// <param name="State">queued, running, succeeded or failed.</param>
/// <param name="Progress">0 to 1.</param>
/// <param name="Attempts">How many times a worker has started it.</param>
/// <param name="Error">The last error, when it failed.</param>
/// <param name="Result">Where the result is, once it succeeded.</param>
/// <param name="CreatedAt">When it was queued.</param>
/// <param name="CompletedAt">When it finished.</param>
public sealed record JobDto(Guid Id, string Kind, string State, double Progress, int Attempts, string? Error,
    string? Result, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt);

/// <summary>GET /jobs/{id}: the state of long-running work the API accepted with 202.</summary>
public static class JobsApi
{
    public static WebApplicationBuilder AddComplianceApiJobs(this WebApplicationBuilder builder)
    {
        // With the embedded SQLite store there is no separate worker: jobs run inside the API.
        var sqlite = string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(ComplianceDbExtensions.ConnectionName));
        var runHere = builder.Configuration.GetValue<bool?>("Jobs:RunInProcess") ?? sqlite;
        builder.AddComplianceJobs(runHere);
        return builder;
    }

    public static RouteGroupBuilder MapJobs(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/jobs").WithTags("Jobs").ForReaders();
        group.MapGet("/{id:guid}", async Task<Results<Ok<JobDto>, ProblemHttpResult>> (Guid id, ComplianceDbContext db, CancellationToken ct) =>
        {
            var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
            return job is null
                ? TypedResults.Problem(statusCode: 404, title: "Job not found", detail: $"No job has id {id}.")
                : TypedResults.Ok(job.ToDto());
        }).ProducesProblem(404).WithName("GetJob").WithSummary("State, progress, error and result link of a background job.");
        return group;
    }

    public static JobDto ToDto(this Job job) => new(job.Id, job.Kind, job.State.ToString().ToLowerInvariant(),
        job.Progress, job.Attempts, job.Error, job.ResultUrl, job.CreatedAt, job.CompletedAt);

    /// <summary>The 202 answer of every endpoint that queues work.</summary>
    public static AcceptedAtRoute<JobDto> Accepted(Job job) =>
        TypedResults.AcceptedAtRoute(job.ToDto(), "GetJob", new { id = job.Id });
}
