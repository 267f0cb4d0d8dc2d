using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Compliance.Api.Infrastructure;

/// <summary>Turns exceptions into RFC 9457 problem+json: bad requests keep their 4xx status, the rest are 500s.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge =>
                (bad.StatusCode, "Request body too large", bad.Message),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", Describe(bad)),
            JsonException json => (StatusCodes.Status400BadRequest, "Malformed JSON", json.Message),
            ApiProblemException p => (p.Status, p.Title, p.Message),
            _ when IsStoreUnavailable(exception) =>
                (StatusCodes.Status503ServiceUnavailable, "Storage unavailable", "The database did not answer; nothing was stored. Retry shortly."),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested =>
                (499, "Client closed request", "The client went away."),
            _ => (StatusCodes.Status500InternalServerError, "Internal error", "An unexpected error occurred; it was logged."),
        };
        if (status >= 500)
            logger.LogError(exception, "Unhandled error on {Path}", context.Request.Path);
        else
            logger.LogInformation("Rejected request on {Path}: {Detail}", context.Request.Path, detail);

        context.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
            context.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    // A dropped or refused database connection (a restart, a failover) is worth retrying; anything else is a bug.
    private static bool IsStoreUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is System.Data.Common.DbException or TimeoutException or System.Net.Sockets.SocketException
                || e.GetType().Name == "RetryLimitExceededException")
                return true;
        }
        return false;
    }

    // The inner JsonException says where the JSON broke; that helps a caller more than the wrapper does.
    private static string Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
            return $"The request body is not valid JSON: {json.Message}";
        if (bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal)
            || bad.Message.StartsWith("Required parameter", StringComparison.Ordinal))
            return "A JSON request body is required.";
        return bad.Message;
    }
}

/// <summary>A 4xx a handler raises deep inside a call; rendered as problem+json with its status.</summary>
public sealed class ApiProblemException(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
}
