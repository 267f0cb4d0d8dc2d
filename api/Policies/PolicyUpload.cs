using System.Globalization;
using System.Text;
using System.Text.Json;
using Compliance.Api.Infrastructure;
using Compliance.Engine;

namespace Compliance.Api.Policies;

/// <summary>A policy upload read from either a multipart form or a JSON body.</summary>
internal sealed record PolicyUpload(byte[] Content, string? FileName, string? MediaType, string Kind, string? Title,
    string? SourceUrl, DateOnly? PublishedOn)
{
    public const long MaxBytes = 20L * 1024 * 1024;
    private static readonly string[] s_kinds = ["privacy-policy", "public-statement", "help-page", "other"];

    public static async Task<PolicyUpload> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault()
                       ?? throw Bad("The form has no file part; send the policy as the 'file' part.");
            if (file.Length == 0)
                throw Bad("The uploaded file is empty.");
            if (file.Length > MaxBytes)
                throw new ApiProblemException(413, "File too large", $"The file is {file.Length} bytes; policies may have at most {MaxBytes}.");
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            return new PolicyUpload(buffer.ToArray(), file.FileName, file.ContentType, ParseKind(form["kind"]), Clean(form["title"]),
                Clean(form["sourceUrl"]), Date(form["publishedOn"]));
        }
        if (request.ContentLength == 0)
            throw Bad("The request has no body: send a multipart form with a 'file' part, or JSON with 'text'.");
        PolicyTextRequest? json;
        try
        {
            json = await request.ReadFromJsonAsync<PolicyTextRequest>(EngineJson.Compact, ct);
        }
        catch (JsonException e)
        {
            throw Bad($"The request body is not valid JSON: {e.Message}");
        }
        catch (InvalidOperationException)
        {
            throw new ApiProblemException(415, "Unsupported media type", "Send multipart/form-data with a 'file' part, or application/json with 'text'.");
        }
        if (json is null || string.IsNullOrWhiteSpace(json.Text))
            throw Bad("The JSON body needs a non-empty 'text'.");
        return new PolicyUpload(Encoding.UTF8.GetBytes(json.Text), json.FileName, "text/plain", ParseKind(json.Kind), Clean(json.Title),
            Clean(json.SourceUrl), json.PublishedOn);
    }

    private static string ParseKind(string? value)
    {
        var kind = string.IsNullOrWhiteSpace(value) ? "privacy-policy" : value.Trim().ToLowerInvariant();
        return s_kinds.Contains(kind) ? kind : throw Bad($"'{value}' is not a document kind; use one of {string.Join(", ", s_kinds)}.");
    }

    private static DateOnly? Date(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw Bad($"'{value}' is not a date (yyyy-mm-dd).");

    private static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim() is var v && v.Length > 500 ? v[..500] : value.Trim();

    private static ApiProblemException Bad(string detail) => new(400, "Bad policy upload", detail);
}
