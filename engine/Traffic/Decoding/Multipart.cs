using System.Diagnostics.CodeAnalysis;

namespace Compliance.Engine.Traffic.Decoding;

/// <summary>multipart/form-data bodies, recognised by their first boundary line.</summary>
public static class Multipart
{
    public static bool TrySplit(string text, [NotNullWhen(true)] out List<(string Name, string Body)>? parts)
    {
        parts = null;
        if (!text.StartsWith("--", StringComparison.Ordinal))
            return false;
        var firstLineEnd = text.IndexOf('\n');
        if (firstLineEnd < 3)
            return false;
        var boundary = text[..firstLineEnd].TrimEnd('\r');
        if (boundary.Length > 200 || boundary.Contains(' '))
            return false;
        var sections = text.Split(boundary, StringSplitOptions.None);
        parts = [];
        var index = 0;
        foreach (var section in sections.Skip(1))
        {
            if (section.StartsWith("--", StringComparison.Ordinal))
                break;
            var body = section.TrimStart('\r', '\n');
            var split = body.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var sepLength = 4;
            if (split < 0)
            {
                split = body.IndexOf("\n\n", StringComparison.Ordinal);
                sepLength = 2;
            }
            if (split < 0)
                continue;
            var headers = body[..split];
            var content = body[(split + sepLength)..];
            if (content.EndsWith("\r\n", StringComparison.Ordinal))
                content = content[..^2];
            else if (content.EndsWith('\n'))
                content = content[..^1];
            parts.Add((PartName(headers) ?? $"part{index}", content));
            index++;
        }
        return parts.Count > 0;
    }

    private static string? PartName(string headers)
    {
        var at = headers.IndexOf("name=\"", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
            return null;
        var start = at + 6;
        var end = headers.IndexOf('"', start);
        return end > start ? headers[start..end] : null;
    }
}
