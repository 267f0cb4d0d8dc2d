using System.Buffers;
using System.IO.Compression;

namespace Compliance.Engine.Traffic.Decoding;

/// <summary>The byte-level layers: base64, base64url, hex, and bounded decompression.</summary>
public static class Codecs
{
    public static bool TryBase64(string s, out byte[] bytes, out bool url)
    {
        bytes = [];
        url = false;
        var t = s.AsSpan().Trim();
        if (t.Length < 8)
            return false;
        var sawUrl = false;
        var sawStd = false;
        var allHex = true;
        var padding = 0;
        foreach (var c in t)
        {
            if (c == '=')
            {
                padding++;
                continue;
            }
            if (padding > 0)
                return false;
            if (c is '-' or '_')
                sawUrl = true;
            else if (c is '+' or '/')
                sawStd = true;
            else if (!char.IsAsciiLetterOrDigit(c))
                return false;
            allHex &= char.IsAsciiHexDigit(c);
        }
        var core = t[..^padding];
        // Hex digests and UUIDs are made of base64 characters but are not base64.
        if ((sawUrl && sawStd) || padding > 2 || core.Length % 4 == 1 || allHex || IsUuidShape(t))
            return false;
        var chars = new char[core.Length + (4 - core.Length % 4) % 4];
        core.CopyTo(chars);
        for (var i = 0; i < core.Length; i++)
            chars[i] = chars[i] switch { '-' => '+', '_' => '/', var c => c };
        chars.AsSpan(core.Length).Fill('=');
        var buffer = new byte[chars.Length / 4 * 3];
        if (!Convert.TryFromBase64Chars(chars, buffer, out var written))
            return false;
        bytes = written == buffer.Length ? buffer : buffer.AsSpan(0, written).ToArray();
        url = sawUrl;
        return true;
    }

    private static bool IsUuidShape(ReadOnlySpan<char> t) =>
        t.Length == 36 && t[8] == '-' && t[13] == '-' && t[18] == '-' && t[23] == '-';

    public static bool TryHex(string s, out byte[] bytes)
    {
        bytes = [];
        var t = s.AsSpan().Trim();
        if (t.Length < 8 || t.Length % 2 != 0)
            return false;
        foreach (var c in t)
            if (!char.IsAsciiHexDigit(c))
                return false;
        bytes = Convert.FromHexString(t);
        return true;
    }

    /// <summary>Outcome of a bounded decompression.</summary>
    public enum InflateResult { Ok, Invalid, TooLarge }

    /// <summary>Decompresses at most <paramref name="limit"/> bytes; a bomb stops at the bound.</summary>
    public static InflateResult TryInflate(byte[] data, string method, long limit, out byte[] output)
    {
        output = [];
        try
        {
            using var input = new MemoryStream(data, writable: false);
            using Stream inflater = method switch
            {
                "gzip" => new GZipStream(input, CompressionMode.Decompress),
                "zlib" => new ZLibStream(input, CompressionMode.Decompress),
                "deflate" => new DeflateStream(input, CompressionMode.Decompress),
                "brotli" => new BrotliStream(input, CompressionMode.Decompress),
                _ => throw new ArgumentOutOfRangeException(nameof(method)),
            };
            var writer = new ArrayBufferWriter<byte>(Math.Min(data.Length * 4 + 256, 1 << 20));
            while (true)
            {
                var span = writer.GetSpan(16 * 1024);
                var n = inflater.Read(span);
                if (n == 0)
                    break;
                writer.Advance(n);
                if (writer.WrittenCount > limit)
                    return InflateResult.TooLarge;
            }
            output = writer.WrittenSpan.ToArray();
            return output.Length == 0 ? InflateResult.Invalid : InflateResult.Ok;
        }
        catch (InvalidDataException)
        {
            return InflateResult.Invalid;
        }
        catch (IOException)
        {
            return InflateResult.Invalid;
        }
        catch (InvalidOperationException)
        {
            // BrotliStream reports corrupt input this way ("Decoder ran into invalid data").
            return InflateResult.Invalid;
        }
    }
}
