using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Compliance.Engine.Traffic.Decoding;

/// <summary>
/// multipart/form-data bodies, recognised by their first boundary line. Split on bytes, so a body with
/// binary parts (an uploaded photo) keeps its other parts readable; each part keeps its declared type.
/// </summary>
public static class Multipart
{
    public static bool TrySplit(ReadOnlySpan<byte> body, [NotNullWhen(true)] out List<(string Name, string? Type, byte[] Body)>? parts)
    {
        parts = null;
        if (!body.StartsWith("--"u8))
            return false;
        var firstLineEnd = body.IndexOf((byte)'\n');
        if (firstLineEnd < 3)
            return false;
        var boundary = body[..firstLineEnd].TrimEnd((byte)'\r');
        if (boundary.Length > 200 || boundary.Contains((byte)' '))
            return false;
        parts = [];
        var rest = body[boundary.Length..];
        var index = 0;
        while (true)
        {
            var next = rest.IndexOf(boundary);
            var section = next < 0 ? rest : rest[..next];
            if (section.StartsWith("--"u8))
                break;
            if (TryPart(section, index, out var part))
            {
                parts.Add(part);
                index++;
            }
            if (next < 0)
                break;
            rest = rest[(next + boundary.Length)..];
        }
        return parts.Count > 0;
    }

    /// <summary>True for image, video and audio types: media, not text to decode.</summary>
    public static bool IsMedia(string type) =>
        type.StartsWith("image/", StringComparison.Ordinal) || type.StartsWith("video/", StringComparison.Ordinal)
        || type.StartsWith("audio/", StringComparison.Ordinal);

    private static bool TryPart(ReadOnlySpan<byte> section, int index, out (string Name, string? Type, byte[] Body) part)
    {
        part = default;
        var s = section.TrimStart("\r\n"u8);
        var split = s.IndexOf("\r\n\r\n"u8);
        var separator = 4;
        if (split < 0)
        {
            split = s.IndexOf("\n\n"u8);
            separator = 2;
        }
        if (split < 0)
            return false;
        var headers = Encoding.Latin1.GetString(s[..split]);
        var content = s[(split + separator)..];
        if (content.EndsWith("\r\n"u8))
            content = content[..^2];
        else if (content.EndsWith("\n"u8))
            content = content[..^1];
        part = (Header(headers, "name=\"", '"') ?? $"part{index}", ContentType(headers), content.ToArray());
        return true;
    }

    private static string? ContentType(string headers)
    {
        var value = Header(headers, "content-type:", '\n')?.Trim();
        if (string.IsNullOrEmpty(value))
            return null;
        var semicolon = value.IndexOf(';');
        return (semicolon >= 0 ? value[..semicolon] : value).Trim().ToLowerInvariant();
    }

    private static string? Header(string headers, string marker, char end)
    {
        var at = headers.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
            return null;
        var start = at + marker.Length;
        var stop = headers.IndexOf(end, start);
        if (stop < 0)
            stop = headers.Length;
        return stop > start ? headers[start..stop].TrimEnd('\r') : null;
    }
}
