namespace Compliance.Engine.Claims.Rules;

/// <summary>A claim read from one clause, before ids, spans and the document are attached.</summary>
public sealed class ClaimDraft
{
    public required string Action { get; set; }
    public required Polarity Polarity { get; set; }
    public required List<string> DataTypes { get; init; }
    public required List<string> Recipients { get; init; }
    public SortedSet<string> Conditions { get; init; } = new(StringComparer.Ordinal);
    public SortedSet<string> Qualifiers { get; init; } = new(StringComparer.Ordinal);
    public SortedSet<string> Purposes { get; init; } = new(StringComparer.Ordinal);
    public SortedSet<string> Regions { get; init; } = new(StringComparer.Ordinal);
    /// <summary>How sure the rules are (verb found in a clear position, types named by the lexicon …).</summary>
    public double Confidence { get; set; }
    /// <summary>Index of the clause the draft came from, for attaching the cues of clauses without a practice.</summary>
    public int Clause { get; init; }

    /// <summary>The claim this draft states, quoted from <paramref name="sentence"/> at <paramref name="span"/>.</summary>
    public Claim ToClaim(string id, string sentence, TextSpan span, string? section = null, DocumentRef? document = null) => new()
    {
        Id = id,
        Sentence = sentence,
        Span = span,
        Section = section,
        Action = Action,
        Polarity = Polarity,
        DataTypes = DataTypes,
        Recipients = Recipients,
        Conditions = [.. Conditions],
        Qualifiers = [.. Qualifiers],
        Purposes = [.. Purposes],
        Regions = [.. Regions],
        Document = document ?? DocumentRef.Default,
        Confidence = Math.Round(Math.Clamp(Confidence, 0, 1), 3),
    };
}
