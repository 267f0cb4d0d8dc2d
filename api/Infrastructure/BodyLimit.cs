using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Compliance.Api.Infrastructure;

/// <summary>
/// Refuses a request whose declared length exceeds its endpoint's limit before a byte is read,
/// with a 413 problem. Kestrel enforces the same limits on bodies without a declared length.
/// </summary>
internal static class BodyLimit
{
    public static IApplicationBuilder UseDeclaredBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                    ?? ApiInfrastructure.DefaultBodyLimit;
        if (context.Request.ContentLength is { } length && length > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request body too large",
                    Detail = $"The body is {length} bytes; this endpoint accepts at most {limit}.",
                },
            });
            return;
        }
        var feature = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
            feature.MaxRequestBodySize = limit;
        await next(context);
    });
}
