using Compliance.Db.Entities;
using Compliance.Engine.Traffic;

namespace Compliance.Api.Traffic;

/// <summary>A stored capture or observation report.</summary>
/// <param name="Id">Traffic report id.</param>
/// <param name="VendorId">The vendor it belongs to.</param>
/// <param name="Sha256">SHA-256 of the uploaded bytes.</param>
/// <param name="Format">har or observation-report.</param>
/// <param name="Name">File name of the capture.</param>
/// <param name="Context">The device state while it was captured.</param>
/// <param name="AnalysisState">pending, done or failed.</param>
/// <param name="AnalysisError">Why analysis failed, or what it skipped.</param>
/// <param name="CreatedAt">When it was uploaded.</param>
/// <param name="AnalysisJob">The job that analyses it, when one was queued by this request.</param>
public sealed record TrafficReportDto(Guid Id, Guid VendorId, string Sha256, string Format, string? Name,
    TrafficContext? Context, string AnalysisState, string? AnalysisError, DateTimeOffset CreatedAt, string? AnalysisJob);

/// <summary>The flows found in a capture.</summary>
/// <param name="State">pending, done or failed.</param>
/// <param name="Error">Why analysis failed.</param>
/// <param name="Flows">Transmissions of personal data, in capture order.</param>
public sealed record FlowsDto(string State, string? Error, IReadOnlyList<Flow> Flows);

/// <summary>The multipart form of a traffic upload.</summary>
public sealed class TrafficUploadForm
{
    /// <summary>A HAR 1.2 file (also .har.gz / .zhar) or an observation report (JSON).</summary>
    public IFormFile? File { get; set; }
    /// <summary>The traffic context as JSON (privateMode, signedIn, consent, settings, knownValues); wins over log._context.</summary>
    public string? Context { get; set; }
}
