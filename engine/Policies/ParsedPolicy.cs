using Compliance.Engine.Claims;

namespace Compliance.Engine.Policies;

public enum PolicyFormat
{
    Text,
    Html,
    Markdown,
    Pdf,
}

/// <summary>A policy file after format detection, normalisation and segmentation.</summary>
public sealed record ParsedPolicy
{
    public required PolicyFormat Format { get; init; }
    /// <summary>The normalised text; every span of a section, sentence or claim points into it.</summary>
    public required string Text { get; init; }
    public string? Title { get; init; }
    public IReadOnlyList<PolicySection> Sections { get; init; } = [];
    public IReadOnlyList<PolicySentence> Sentences { get; init; } = [];
}

/// <summary>A heading and the text range it governs; Path joins the headings above it with " > ".</summary>
public sealed record PolicySection(string Heading, string Path, int Level, TextSpan Span);

/// <summary>One sentence of the normalised text with the section it sits in.</summary>
public sealed record PolicySentence(string Text, TextSpan Span, string? Section);

/// <summary>A policy file that cannot be used; the message says why in one line.</summary>
public sealed class PolicyFormatException(string message) : Exception(message);
