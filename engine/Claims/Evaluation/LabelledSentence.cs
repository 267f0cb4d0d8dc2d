using System.Text.Json;

namespace Compliance.Engine.Claims.Evaluation;

/// <summary>One line of a labelled claims file (the format of claims-dev.jsonl).</summary>
public sealed record LabelledSentence
{
    public required string Id { get; init; }
    public required string Text { get; init; }
    public string? Section { get; init; }
    /// <summary>The vendor (written sentences) or the source document (real ones): cross-validation splits by it.</summary>
    public string? Group { get; init; }
    public string? Sector { get; init; }
    /// <summary>written, template or real (ml-models/LABELLING.md).</summary>
    public string? Origin { get; init; }
    public string? Source { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<LabelledClaim> Claims { get; init; } = [];
    /// <summary>The words that carry each claim (LABELLING.md, "Spans"); empty in files that have none.</summary>
    public IReadOnlyList<LabelledSpan> Spans { get; init; } = [];

    /// <summary>Reads every *.jsonl file of a folder (sorted by name), or one file.</summary>
    public static List<LabelledSentence> ReadPath(string path)
    {
        var files = Directory.Exists(path)
            ? Directory.GetFiles(path, "*.jsonl").Order(StringComparer.Ordinal).ToArray()
            : [path];
        var result = new List<LabelledSentence>();
        foreach (var file in files)
        {
            try
            {
                result.AddRange(ParseLines(File.ReadLines(file)));
            }
            catch (FormatException e)
            {
                throw new FormatException($"{file}: {e.Message}");
            }
        }
        return result;
    }

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

/// <summary>
/// A labelled span: <see cref="Text"/> is found in the sentence (its <see cref="Occurrence"/>-th time);
/// <see cref="Claims"/> are the indexes of the claims it belongs to.
/// </summary>
public sealed record LabelledSpan
{
    public required string Label { get; init; }
    public required string Text { get; init; }
    public int Occurrence { get; init; } = 1;
    public string? Value { get; init; }
    public IReadOnlyList<int> Claims { get; init; } = [];

    /// <summary>The span's character range in <paramref name="sentence"/>, or null when the text is not there.</summary>
    public (int Start, int End)? Locate(string sentence)
    {
        var start = -1;
        for (var n = 0; n < Math.Max(1, Occurrence); n++)
        {
            start = sentence.IndexOf(Text, start + 1, StringComparison.Ordinal);
            if (start < 0)
                return null;
        }
        return (start, start + Text.Length);
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
