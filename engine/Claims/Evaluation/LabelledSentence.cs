using System.Text.Json;

namespace Compliance.Engine.Claims.Evaluation;

/// <summary>One line of a labelled claims file (the format of claims-dev.jsonl).</summary>
public sealed record LabelledSentence
{
    public required string Id { get; init; }
    public required string Text { get; init; }
    public string? Section { get; init; }
    public IReadOnlyList<LabelledClaim> Claims { get; init; } = [];

    /// <summary>Parses JSON Lines; a bad line gives a one-line <see cref="FormatException"/> naming it.</summary>
    public static List<LabelledSentence> ParseLines(IEnumerable<string> lines, int maxLines = 100_000)
    {
        var result = new List<LabelledSentence>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            if (result.Count >= maxLines)
                throw new FormatException($"more than {maxLines} labelled lines");
            try
            {
                var item = JsonSerializer.Deserialize<LabelledSentence>(line, EngineJson.Options)
                    ?? throw new FormatException($"line {number}: empty");
                result.Add(item);
            }
            catch (JsonException e)
            {
                throw new FormatException($"line {number}: {e.Message.Split('\n')[0]}");
            }
        }
        return result;
    }
}

/// <summary>A labelled claim: the fields the evaluation scores.</summary>
public sealed record LabelledClaim
{
    public required string Action { get; init; }
    public required Polarity Polarity { get; init; }
    public IReadOnlyList<string> DataTypes { get; init; } = [];
    public IReadOnlyList<string> Recipients { get; init; } = [];
    public IReadOnlyList<string> Conditions { get; init; } = [];
    public IReadOnlyList<string> Qualifiers { get; init; } = [];
    public IReadOnlyList<string> Purposes { get; init; } = [];
}
