using System.Text.Json;
using Compliance.Db.Entities;
using Compliance.Engine;
using Compliance.Engine.Claims;
using Compliance.Engine.Policies;

namespace Compliance.Db.Processing;

/// <summary>Converts between a stored policy version and the engine's parsed policy.</summary>
public static class StoredPolicy
{
    private sealed record Structure(string? Title, IReadOnlyList<PolicySection> Sections, IReadOnlyList<PolicySentence> Sentences);

    public static string SerializeStructure(ParsedPolicy parsed) =>
        JsonSerializer.Serialize(new Structure(parsed.Title, parsed.Sections, parsed.Sentences), EngineJson.Compact);

    public static ParsedPolicy ToParsed(PolicyVersion version)
    {
        var structure = JsonSerializer.Deserialize<Structure>(version.StructureJson, EngineJson.Compact)
                        ?? new Structure(null, [], []);
        return new ParsedPolicy
        {
            Format = Enum.Parse<PolicyFormat>(version.Format, ignoreCase: true),
            Text = version.NormalisedText,
            Title = structure.Title,
            Sections = structure.Sections,
            Sentences = structure.Sentences,
        };
    }

    public static DocumentRef ToDocumentRef(PolicyVersion version) => new()
    {
        Kind = ParseKind(version.DocumentKind),
        Title = version.Title,
        SourceUrl = version.SourceUrl,
        PublishedOn = version.PublishedOn,
        VersionId = version.Id.ToString(),
    };

    public static DocumentKind ParseKind(string kind) => kind switch
    {
        "privacy-policy" => DocumentKind.PrivacyPolicy,
        "public-statement" => DocumentKind.PublicStatement,
        "help-page" => DocumentKind.HelpPage,
        _ => DocumentKind.Other,
    };

    /// <summary>The title reports show and key the document's text by: given title, else format and date.</summary>
    public static string TitleOf(PolicyVersion version) =>
        version.Title ?? $"{version.DocumentKind} of {version.CreatedAt:yyyy-MM-dd} ({version.Sha256[..8]})";

    public static string FormatName(PolicyFormat format) => format.ToString().ToLowerInvariant();
}
