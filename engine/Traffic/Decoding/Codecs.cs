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
        var buffer = new byte[core.Length * 3 / 4];
        int written;
        if (!sawUrl && t.Length % 4 == 0)
        {
            // Standard, padded: decoded as it is, without a copy.
            if (!Convert.TryFromBase64Chars(t, buffer, out written))
                return false;
        }
        else
        {
            // base64url or unpadded: mapped to the standard alphabet and padded in a rented buffer.
            var length = core.Length + (4 - core.Length % 4) % 4;
            var rented = ArrayPool<char>.Shared.Rent(length);
            try
            {
                var chars = rented.AsSpan(0, length);
                for (var i = 0; i < core.Length; i++)
                    chars[i] = core[i] switch { '-' => '+', '_' => '/', var c => c };
                chars[core.Length..].Fill('=');
                if (!Convert.TryFromBase64Chars(chars, buffer, out written))
                    return false;
            }
            finally
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
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
            // Inflated into a rented buffer that doubles as needed; only the result is a new array.
            var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(data.Length * 4L, 16 * 1024), 1 << 20));
            var written = 0;
            try
            {
                while (true)
                {
                    if (written == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, Array.MaxLength));
                        buffer.AsSpan(0, written).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                    // Never more than one byte past the limit, so a bomb is caught at the bound.
                    var n = inflater.Read(buffer, written, (int)Math.Min(buffer.Length - written, limit + 1 - written));
                    if (n == 0)
                        break;
                    written += n;
                    if (written > limit)
                        return InflateResult.TooLarge;
                }
                output = buffer.AsSpan(0, written).ToArray();
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
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
