using System.Diagnostics;
using Compliance.Api.Access;
using Compliance.Api.Infrastructure;
using Compliance.Db.Processing;
using Compliance.Engine.Checking;
using Compliance.Engine.Claims;
using Compliance.Engine.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Compliance.Api.Check;

/// <summary>The multipart form of a one-shot check.</summary>
public sealed class CheckForm
{
    /// <summary>A policy or statement file (HTML, PDF, Markdown, text); repeat the part for several documents.</summary>
    public IFormFile? Policy { get; set; }
    /// <summary>A HAR capture or observation report; repeat the part for several captures.</summary>
    public IFormFile? Traffic { get; set; }
    /// <summary>Traffic context JSON applied to every capture (privateMode, signedIn, settings, knownValues …).</summary>
    public string? Context { get; set; }
    /// <summary>Vendor name.</summary>
    public string? Vendor { get; set; }
    /// <summary>Comma-separated first-party domains, e.g. "example.com,example-cdn.net".</summary>
    public string? Domains { get; set; }
    /// <summary>json (default) or html: the answer's format.</summary>
    public string? Format { get; set; }
}

/// <summary>POST /check: a small policy and capture checked in one synchronous call, nothing stored.</summary>
public static class CheckApi
{
    public const long MaxTotalBytes = 40L * 1024 * 1024;
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static IEndpointRouteBuilder MapCheck(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/check", CheckAsync).WithTags("Check").ForReaders()
            .Accepts<CheckForm>("multipart/form-data")
            .DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxTotalBytes))
            .WithFormOptions(multipartBodyLengthLimit: MaxTotalBytes)
            .Produces<CheckResult>(200).Produces<string>(200, "text/html")
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(422).ProducesProblem(503)
            .WithName("Check")
            .WithSummary("Checks a policy against a capture in one call and returns claims, flows and findings (nothing is stored).")
            .WithDescription("For small inputs (40 MB in all, 60 s at most). Try it with the browser case: policy.html, incognito.har and " +
                             "incognito.ctx.json as context, vendor \"Tanager Mobile\", domains \"tanagermobile.test,tanagercdn.test\". " +
                             "format=html returns the readable report instead of JSON.");
        return routes;
    }

    private static async Task<Results<Ok<CheckResult>, ContentHttpResult, ProblemHttpResult>> CheckAsync(
        HttpRequest request, ComplianceCheck check, ConfiguredRecipients recipients, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            throw new ApiProblemException(415, "Unsupported media type", "Send multipart/form-data with 'policy' and 'traffic' file parts.");
        var form = await request.ReadFormAsync(ct);
        var policies = new List<PolicyInput>();
        foreach (var file in form.Files.GetFiles("policy"))
            policies.Add(new PolicyInput(file.FileName, await ReadAsync(file, ct)) { Document = DocumentRef.Default });
        var context = string.IsNullOrWhiteSpace(form["context"]) ? null : ParseContext(form["context"]!);
        var captures = new List<CaptureInput>();
        foreach (var file in form.Files.GetFiles("traffic"))
            captures.Add(CaptureInput.FromBytes(file.FileName, await ReadAsync(file, ct), context));
        if (policies.Count == 0 || captures.Count == 0)
            throw new ApiProblemException(400, "Bad check request", "Send at least one 'policy' file part and one 'traffic' file part.");
        var domains = (form["domains"].ToString() ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var checkRequest = new CheckRequest
        {
            Vendor = NullIfEmpty(form["vendor"]), VendorDomains = domains, Policies = policies, Captures = captures, Recipients = recipients.Options,
        };

        CheckResult result;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Timeout);
            // The engine is synchronous; run it off the request thread so the timeout can answer.
            result = await Task.Run(() => check.Run(checkRequest), timeout.Token).WaitAsync(timeout.Token);
        }
        catch (CheckInputException e)
        {
            return Problems.Unprocessable("Unusable input", e.Message);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return TypedResults.Problem(statusCode: 503, title: "Check took too long",
                detail: $"The check did not finish within {Timeout.TotalSeconds:0} s; upload the files and create an assessment instead.");
        }
        if (string.Equals(form["format"], "html", StringComparison.OrdinalIgnoreCase))
            return TypedResults.Text(AssessmentReport.Render(result), "text/html; charset=utf-8");
        return TypedResults.Ok(result);
    }

    private static Compliance.Engine.Traffic.TrafficContext ParseContext(string json)
    {
        try
        {
            return ContextFile.Parse(System.Text.Encoding.UTF8.GetBytes(json));
        }
        catch (ContextFormatException e)
        {
            throw new ApiProblemException(400, "Bad traffic context", e.Message);
        }
    }

    private static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken ct)
    {
        if (file.Length == 0)
            throw new ApiProblemException(400, "Empty file", $"'{file.FileName}' is empty.");
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static WebApplicationBuilder AddComplianceCheck(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => new ComplianceCheck(Compliance.Engine.Ontology.OntologyModel.Default, sp.GetRequiredService<ClaimExtractor>()));
        return builder;
    }
}
