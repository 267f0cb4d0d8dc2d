namespace Compliance.Api.Access;

/// <summary>How endpoints declare who may call them: reads need a reader key, writes an analyst key.</summary>
public static class EndpointAccess
{
    public static TBuilder ForReaders<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(AccessPolicies.Reader).RequireRateLimiting(AccessPolicies.RateLimit);

    public static TBuilder ForAnalysts<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(AccessPolicies.Analyst).RequireRateLimiting(AccessPolicies.RateLimit);

    public static TBuilder ForAdmins<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(AccessPolicies.Admin).RequireRateLimiting(AccessPolicies.RateLimit);
}
