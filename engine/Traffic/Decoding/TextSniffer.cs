using System.Text;

namespace Compliance.Engine.Traffic.Decoding;

/// <summary>Decides whether decoded bytes are text worth decoding further (avoids false decodes of random bytes).</summary>
public static class TextSniffer
{
    public static bool IsGzip(ReadOnlySpan<byte> b) => b.Length >= 3 && b[0] == 0x1f && b[1] == 0x8b && b[2] == 8;

    public static bool IsZlib(ReadOnlySpan<byte> b) => b.Length >= 3 && Har.CaptureStream.IsZlibHeader(b[0], b[1]);

    /// <summary>Valid UTF-8 with (nearly) no control characters; short texts must be fully printable.</summary>
    public static bool TryText(ReadOnlySpan<byte> bytes, out string text)
    {
        text = "";
        // Validate first: a decoder that throws on bad bytes is far too slow for random binary values.
        if (bytes.Length < 4 || !System.Text.Unicode.Utf8.IsValid(bytes))
            return false;
        text = Encoding.UTF8.GetString(bytes);
        var bad = 0;
        foreach (var c in text)
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
                bad++;
        return bytes.Length < 32 ? bad == 0 : bad * 50 <= text.Length;
    }

    public static bool LooksLikeJson(string t)
    {
        var s = t.AsSpan().Trim();
        return s.Length >= 2 && ((s[0] == '{' && s[^1] == '}') || (s[0] == '[' && s[^1] == ']') || (s[0] == '"' && s[^1] == '"'));
    }
}
