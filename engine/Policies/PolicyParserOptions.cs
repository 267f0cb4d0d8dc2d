namespace Compliance.Engine.Policies;

/// <summary>Limits that keep a hostile or broken file from costing unbounded time or memory.</summary>
public sealed record PolicyParserOptions
{
    public static PolicyParserOptions Default { get; } = new();

    /// <summary>Largest file accepted, in bytes; larger ones are refused before any parsing.</summary>
    public long MaxBytes { get; init; } = 20 * 1024 * 1024;

    public int MaxPdfPages { get; init; } = 1000;

    /// <summary>Deepest element or block nesting read from HTML and Markdown.</summary>
    public int MaxNestingDepth { get; init; } = 400;
}
