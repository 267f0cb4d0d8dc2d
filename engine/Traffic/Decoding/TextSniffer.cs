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
        if (!IsText(bytes))
            return false;
        text = Encoding.UTF8.GetString(bytes);
        return true;
    }

    /// <summary>The test of <see cref="TryText"/> without making the string: control characters are counted in the bytes.</summary>
    public static bool IsText(ReadOnlySpan<byte> bytes)
    {
        // Validate first: a decoder that throws on bad bytes is far too slow for random binary values.
        if (bytes.Length < 4 || !System.Text.Unicode.Utf8.IsValid(bytes))
            return false;
        // char.IsControl: U+0000–U+001F and U+007F–U+009F; the C1 range is C2 80–C2 9F in UTF-8.
        var bad = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if ((b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t')) || b == 0x7F
                || (b == 0xC2 && i + 1 < bytes.Length && bytes[i + 1] is >= 0x80 and <= 0x9F))
                bad++;
        }
        if (bytes.Length < 32)
            return bad == 0;
        return bad * 50 <= Encoding.UTF8.GetCharCount(bytes);
    }

    /// <summary>The media type of bytes that begin like an image, a video or a recording, else null.</summary>
    public static string? MediaType(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return "image/jpeg";
        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
            return "image/png";
        if (b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8))
            return "image/gif";
        if (b.Length >= 12 && b.StartsWith("RIFF"u8))
            return b[8..12].SequenceEqual("WEBP"u8) ? "image/webp" : b[8..12].SequenceEqual("WAVE"u8) ? "audio/wav" : null;
        if (b.StartsWith("OggS"u8))
            return "audio/ogg";
        if (b.Length >= 12 && b[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = b[8..12];
            return brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("mif1"u8) ? "image/heic"
                : brand.SequenceEqual("M4A "u8) ? "audio/mp4"
                : "video/mp4";
        }
        return null;
    }

    public static bool LooksLikeJson(string t)
    {
        var s = t.AsSpan().Trim();
        return s.Length >= 2 && ((s[0] == '{' && s[^1] == '}') || (s[0] == '[' && s[^1] == ']') || (s[0] == '"' && s[^1] == '"'));
    }
}
