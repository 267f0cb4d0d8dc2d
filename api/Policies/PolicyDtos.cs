using Compliance.Db.Entities;
using Compliance.Engine.Policies;

namespace Compliance.Api.Policies;

/// <summary>A stored version of a vendor document.</summary>
/// <param name="Id">Version id.</param>
/// <param name="VendorId">The vendor it belongs to.</param>
/// <param name="Sha256">SHA-256 of the uploaded bytes (the evidence's address).</param>
/// <param name="Format">text, html, markdown or pdf, detected from the content.</param>
/// <param name="DocumentKind">privacy-policy, public-statement, help-page or other.</param>
/// <param name="Title">Title given by the uploader or found in the document.</param>
/// <param name="SourceUrl">Where the document was published.</param>
/// <param name="PublishedOn">Publication date given by the uploader.</param>
/// <param name="RetrievedAt">When it was uploaded.</param>
/// <param name="SupersedesId">The earlier version of the same kind this one replaces.</param>
/// <param name="ExtractionState">pending, done or failed: whether its claims are ready.</param>
/// <param name="Sentences">Number of sentences found.</param>
/// <param name="ExtractionJob">The job that extracts its claims.</param>
public sealed record PolicyVersionDto(Guid Id, Guid VendorId, string Sha256, string Format, string DocumentKind,
    string? Title, string? SourceUrl, DateOnly? PublishedOn, DateTimeOffset RetrievedAt, Guid? SupersedesId,
    string ExtractionState, int Sentences, string? ExtractionJob);

/// <summary>A version with its normalised text, sections and sentences.</summary>
/// <param name="Version">Metadata.</param>
/// <param name="Text">The normalised text every span points into.</param>
/// <param name="Sections">Headings and their spans.</param>
/// <param name="Sentences">Sentences with section and span.</param>
public sealed record PolicyDetailDto(PolicyVersionDto Version, string Text, IReadOnlyList<PolicySection> Sections,
    IReadOnlyList<PolicySentence> Sentences);

/// <summary>A policy given as inline text instead of a file.</summary>
/// <param name="Text">The document's text (plain, Markdown or HTML).</param>
/// <param name="FileName">Optional name, used only as a format hint.</param>
/// <param name="Kind">privacy-policy (default), public-statement, help-page or other.</param>
/// <param name="Title">Title of the document.</param>
/// <param name="SourceUrl">Where it was published.</param>
/// <param name="PublishedOn">Publication date (yyyy-mm-dd).</param>
public sealed record PolicyTextRequest(string Text, string? FileName, string? Kind, string? Title, string? SourceUrl, DateOnly? PublishedOn);

/// <summary>The multipart form of a policy upload.</summary>
public sealed class PolicyUploadForm
{
    /// <summary>The policy file: text, HTML, Markdown or PDF (detected by content).</summary>
    public IFormFile? File { get; set; }
    /// <summary>privacy-policy (default), public-statement, help-page or other.</summary>
    public string? Kind { get; set; }
    /// <summary>Title of the document.</summary>
    public string? Title { get; set; }
    /// <summary>Where it was published.</summary>
    public string? SourceUrl { get; set; }
    /// <summary>Publication date (yyyy-mm-dd).</summary>
    public string? PublishedOn { get; set; }
}

internal static class PolicyMapping
{
    public static PolicyVersionDto ToDto(this PolicyVersion v, int sentences, Guid? jobId) => new(v.Id, v.VendorId, v.Sha256,
        v.Format, v.DocumentKind, v.Title, v.SourceUrl, v.PublishedOn, v.RetrievedAt, v.SupersedesId, v.ExtractionState,
        sentences, jobId is { } id ? $"/jobs/{id}" : null);

    public static int CountSentences(this PolicyVersion v) => Compliance.Db.Processing.StoredPolicy.ToParsed(v).Sentences.Count;
}
