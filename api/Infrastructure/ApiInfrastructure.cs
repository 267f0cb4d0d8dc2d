using System.Reflection;
using System.Text.Json;
using Compliance.Engine;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.OpenApi;

namespace Compliance.Api.Infrastructure;

/// <summary>Cross-cutting HTTP setup: JSON conventions, problem details, request limits, Swagger.</summary>
public static class ApiInfrastructure
{
    /// <summary>Default limit of a request body; upload endpoints set their own.</summary>
    public const long DefaultBodyLimit = 10L * 1024 * 1024;

    /// <summary>The largest body any endpoint accepts (captures); the per-endpoint middleware narrows it.</summary>
    public const long MaxUploadLimit = 512L * 1024 * 1024;

    public static WebApplicationBuilder AddApiInfrastructure(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxUploadLimit);
        builder.Services.Configure<JsonOptions>(o => CopyEngineJson(o.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Instance ??= c.HttpContext.Request.Path;
            c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier;
        });
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Compliance checker",
                Version = "v1",
                Description = "Compares what vendors say about data (privacy policies, public statements) with what their " +
                              "software sends (HAR captures), and reports every contradiction with the evidence from both sides.",
            });
            var xml = Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml");
            if (File.Exists(xml))
                o.IncludeXmlComments(xml);
            o.SupportNonNullableReferenceTypes();
            o.SchemaFilter<SwaggerExamples>();
            o.AddSecurityDefinition("ApiKey", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "X-Api-Key",
                Description = "An API key: reader (read, /check), analyst (upload, assess, compare) or admin (keys). " +
                              "The embedded default prints the first admin key at its first start.",
            });
            o.AddSecurityRequirement(document => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", document)] = [] });
        });
        return builder;
    }

    public static WebApplication UseApiInfrastructure(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseDeclaredBodyLimit();
        app.UseSwagger();
        app.UseSwaggerUI(o =>
        {
            o.DocumentTitle = "Compliance checker API";
            o.SwaggerEndpoint("/swagger/v1/swagger.json", "Compliance checker v1");
        });
        app.MapGet("/", () => Results.Redirect("/swagger")).ExcludeFromDescription();
        return app;
    }

    private static void CopyEngineJson(JsonSerializerOptions target)
    {
        var source = EngineJson.Compact;
        target.PropertyNamingPolicy = source.PropertyNamingPolicy;
        target.DefaultIgnoreCondition = source.DefaultIgnoreCondition;
        target.Encoder = source.Encoder;
        foreach (var converter in source.Converters)
            target.Converters.Add(converter);
    }
}
