using Microsoft.AspNetCore.Http.HttpResults;

namespace Compliance.Api.Infrastructure;

/// <summary>The problem+json answers handlers return most often.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string what, Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} not found", detail: $"No {what.ToLowerInvariant()} has id {id}.");

    public static ProblemHttpResult Unprocessable(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: title, detail: detail);

    /// <summary>409: a result (assessment, comparison) whose job has not finished.</summary>
    public static ProblemHttpResult NotFinished(string what, string state) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"{what} not finished",
            detail: $"The {what.ToLowerInvariant()} is {state}; the report exists once it is done.");

    /// <summary>Reads the ?format= of a report: html (the default) or csv; anything else is a 400.</summary>
    public static bool TryReportFormat(string? format, out bool csv, out ProblemHttpResult? problem)
    {
        csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        problem = csv || format is null || string.Equals(format, "html", StringComparison.OrdinalIgnoreCase)
            ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown format", detail: "format is html or csv.");
        return problem is null;
    }
}
