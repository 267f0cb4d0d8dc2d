using System.Security.Claims;

namespace Compliance.Api.Infrastructure;

/// <summary>Who is making a request, for the audit log.</summary>
internal static class ActorExtensions
{
    public static string Actor(this HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
            ? context.User.FindFirstValue(ClaimTypes.Name) ?? context.User.Identity.Name ?? "key"
            : "anonymous";
}
