using System.IO.Compression;

namespace Compliance.Engine.Traffic.Har;

/// <summary>Opens a capture whatever its wrapping: plain JSON, gzip (.har.gz) or zlib (.zhar), found by magic bytes.</summary>
public static class CaptureStream
{
    public static Stream Open(Stream capture) => Open(capture, TrafficLimits.Default);

    public static Stream Open(Stream capture, TrafficLimits limits)
    {
        var head = new byte[2];
        var read = 0;
        while (read < head.Length)
        {
            var n = capture.Read(head, read, head.Length - read);
            if (n == 0)
                break;
            read += n;
        }
        Stream joined = new PrefixedStream(head.AsMemory(0, read), capture);
        if (read < 2)
            return joined;
        if (head[0] == 0x1f && head[1] == 0x8b)
            return Guarded(joined, s => new GZipStream(s, CompressionMode.Decompress), limits);
        if (IsZlibHeader(head[0], head[1]))
            return Guarded(joined, s => new ZLibStream(s, CompressionMode.Decompress), limits);
        return joined;
    }

    /// <summary>RFC 1950: deflate method, a window size that exists, and the header check bits.</summary>
    public static bool IsZlibHeader(byte cmf, byte flg) =>
        (cmf & 0x0f) == 8 && (cmf >> 4) <= 7 && ((cmf << 8) | flg) % 31 == 0;

    private static Stream Guarded(Stream compressed, Func<Stream, Stream> inflate, TrafficLimits limits)
    {
        var counted = new CountingStream(compressed);
        return new BombGuardStream(inflate(counted), counted, limits);
    }

    /// <summary>Counts the compressed bytes the decompressor has consumed.</summary>
    private sealed class CountingStream(Stream inner) : ReadOnlyStream
    {
        public long BytesRead { get; private set; }

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            BytesRead += n;
            return n;
        }
    }

    /// <summary>Stops a compressed capture that expands far beyond any real HAR (a decompression bomb).</summary>
    private sealed class BombGuardStream(Stream inflated, CountingStream source, TrafficLimits limits) : ReadOnlyStream
    {
        private long _out;

        public override int Read(Span<byte> buffer)
        {
            var n = inflated.Read(buffer);
            _out += n;
            if (_out > limits.MinBombBytes && _out > source.BytesRead * limits.MaxCaptureExpansion)
                throw new TrafficFormatException(
                    $"top level: the compressed capture expands more than {limits.MaxCaptureExpansion} times ({_out} bytes from {source.BytesRead}); stopped as a decompression bomb");
            return n;
        }
    }

    /// <summary>Base of the read-only wrappers.</summary>
    private abstract class ReadOnlyStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
        public abstract override int Read(Span<byte> buffer);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Gives back the bytes already read for sniffing before the rest of the stream.</summary>
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream inner) : ReadOnlyStream
    {
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override int Read(Span<byte> buffer)
        {
            if (_prefix.IsEmpty)
                return inner.Read(buffer);
            var n = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            // Fill the rest from the inner stream so callers see whole leading sequences (a BOM).
            return n < buffer.Length ? n + inner.Read(buffer[n..]) : n;
        }
    }
}
