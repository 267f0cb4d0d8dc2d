using System.Net;
using System.Text.Json;

namespace Compliance.Engine.Traffic.Har;

/// <summary>
/// Finds the &lt;title&gt; inside the raw (still JSON-escaped) bytes of an HTML response, so the page
/// itself never has to become a string.
/// </summary>
internal static class HtmlTitle
{
    private const int SearchWindow = 256 * 1024;
    private const int MaxTitleBytes = 4096;

    public static string? Find(ReadOnlySpan<byte> escaped)
    {
        var window = escaped.Length > SearchWindow ? escaped[..SearchWindow] : escaped;
        var open = IndexOfTag(window, "title"u8, out var openLength);
        if (open < 0)
            return null;
        var afterOpen = window[(open + openLength)..];
        var close = afterOpen.IndexOf((byte)'>');
        if (close < 0)
            return null;
        var content = afterOpen[(close + 1)..];
        var end = IndexOfTag(content, "/title"u8, out _);
        if (end <= 0 || end > MaxTitleBytes)
            return null;
        var title = Unescape(content[..end]);
        title = title is null ? null : WebUtility.HtmlDecode(title).Trim();
        return string.IsNullOrEmpty(title) ? null : title;
    }

    /// <summary>Finds "&lt;name" whether the '&lt;' is written raw or JSON-escaped as \u003c.</summary>
    private static int IndexOfTag(ReadOnlySpan<byte> text, ReadOnlySpan<byte> name, out int length)
    {
        for (var i = 0; i < text.Length; i++)
        {
            int lt;
            if (text[i] == (byte)'<')
                lt = 1;
            else if (text[i] == (byte)'\\' && i + 6 <= text.Length && text.Slice(i + 1, 5).SequenceEqual("u003c"u8))
                lt = 6;
            else if (text[i] == (byte)'\\' && i + 6 <= text.Length && text.Slice(i + 1, 5).SequenceEqual("u003C"u8))
                lt = 6;
            else
                continue;
            var rest = text[(i + lt)..];
            if (rest.Length >= name.Length && System.Text.Ascii.EqualsIgnoreCase(rest[..name.Length], name))
            {
                length = lt + name.Length;
                return i;
            }
        }
        length = 0;
        return -1;
    }

    private static string? Unescape(ReadOnlySpan<byte> escaped)
    {
        var quoted = new byte[escaped.Length + 2];
        quoted[0] = (byte)'"';
        escaped.CopyTo(quoted.AsSpan(1));
        quoted[^1] = (byte)'"';
        var reader = new Utf8JsonReader(quoted);
        try
        {
            return reader.Read() ? reader.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
