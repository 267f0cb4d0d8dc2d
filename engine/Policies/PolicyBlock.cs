namespace Compliance.Engine.Policies;

/// <summary>One structural piece a format reader found, before normalisation: a heading, a paragraph or a list.</summary>
internal abstract record PolicyBlock;

internal sealed record HeadingBlock(int Level, string Text) : PolicyBlock;

internal sealed record ParagraphBlock(string Text) : PolicyBlock;

internal sealed record ListBlock(IReadOnlyList<string> Items) : PolicyBlock;

/// <summary>Renders a table row as one line of text, labelling each cell with its column header when there is one.</summary>
internal static class TableRowText
{
    public static string Format(IReadOnlyList<string> cells, IReadOnlyList<string>? headers)
    {
        var parts = new List<string>(cells.Count);
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = TrimEndPunctuation(TextNormalizer.Normalize(cells[i]));
            if (cell.Length == 0)
                continue;
            var header = headers is not null && headers.Count == cells.Count ? TextNormalizer.Normalize(headers[i]).TrimEnd(':', ' ') : "";
            parts.Add(header.Length > 0 ? $"{header}: {cell}" : cell);
        }
        if (parts.Count == 0)
            return "";
        var row = string.Join("; ", parts);
        return row.EndsWith('.') ? row : row + ".";
    }

    /// <summary>Drops a trailing ";", "," or full stop, but keeps the stop of an abbreviation ("Acme Inc.").</summary>
    public static string TrimEndPunctuation(string text)
    {
        var s = text.TrimEnd(';', ',', ' ');
        while (s.EndsWith('.') && !Abbreviations.EndsWithAbbreviation(s))
            s = s[..^1].TrimEnd(';', ',', ' ');
        return s;
    }
}
