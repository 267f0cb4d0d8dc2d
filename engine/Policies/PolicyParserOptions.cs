namespace Compliance.Engine.Policies;

/// <summary>Limits that keep a hostile or broken file from costing unbounded time or memory.</summary>
public sealed record PolicyParserOptions
{
    public static PolicyParserOptions Default { get; } = new();

    /// <summary>Largest file accepted, in bytes; larger ones are refused before any parsing.</summary>
    public long MaxBytes { get; init; } = 20 * 1024 * 1024;

    public int MaxPdfPages { get; init; } = 1000;

    /// <summary>Most glyphs on one PDF page read into words (a text page has a few thousand).</summary>
    public int MaxPdfLettersPerPage { get; init; } = 200_000;

    /// <summary>Time a PDF may take to read; checked page by page, so a hostile file ends with a clear error.</summary>
    public TimeSpan MaxPdfTime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Deepest element or block nesting read from HTML and Markdown.</summary>
    public int MaxNestingDepth { get; init; } = 400;
}
