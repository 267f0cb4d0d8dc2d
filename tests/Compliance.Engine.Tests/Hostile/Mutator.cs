namespace Compliance.Engine.Tests.Hostile;

/// <summary>Turns a well-formed seed into a hostile variant: flipped bytes, cuts, splices, repeats, junk.</summary>
internal sealed class Mutator(int seed)
{
    private readonly Random _random = new(seed);

    public byte[] Mutate(IReadOnlyList<byte[]> seeds)
    {
        var input = seeds[_random.Next(seeds.Count)].ToArray();
        var rounds = 1 + _random.Next(4);
        for (var i = 0; i < rounds; i++)
            input = _random.Next(7) switch
            {
                0 => Flip(input),
                1 => Truncate(input),
                2 => Insert(input, Junk(1 + _random.Next(64))),
                3 => Insert(input, Tokens[_random.Next(Tokens.Length)]),
                4 => Repeat(input),
                5 => Splice(input, seeds[_random.Next(seeds.Count)]),
                _ => Delete(input),
            };
        return input;
    }

    public byte[] Junk(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    // Fragments that stress parsers: nesting, encodings, markup, huge numbers, broken escapes.
    private static readonly byte[][] Tokens =
    [
        "{"u8.ToArray(), "["u8.ToArray(), "\"\\u"u8.ToArray(), "<div><div><div>"u8.ToArray(), "<script>"u8.ToArray(), "</"u8.ToArray(),
        "H4sIAAAAAAAA"u8.ToArray(), "%%EOF"u8.ToArray(), "obj<<"u8.ToArray(), "\"encoding\":\"base64\""u8.ToArray(),
        "1e309"u8.ToArray(), "\"text\":\"%FF%FE"u8.ToArray(), "\r\n---\r\n"u8.ToArray(), "> > > > >"u8.ToArray(), "* * * *"u8.ToArray(),
        "\"entries\":[1,"u8.ToArray(), "&#x0;&#xFFFFFF;"u8.ToArray(), new byte[] { 0xEF, 0xBB, 0xBF }, new byte[] { 0x1F, 0x8B, 0x08, 0x00 },
    ];

    private byte[] Flip(byte[] input)
    {
        if (input.Length == 0)
            return input;
        for (var i = 0; i < 1 + _random.Next(8); i++)
            input[_random.Next(input.Length)] ^= (byte)(1 << _random.Next(8));
        return input;
    }

    private byte[] Truncate(byte[] input) => input.Length == 0 ? input : input[.._random.Next(input.Length)];

    private byte[] Delete(byte[] input)
    {
        if (input.Length < 2)
            return input;
        var start = _random.Next(input.Length);
        var length = Math.Min(input.Length - start, 1 + _random.Next(256));
        return [.. input[..start], .. input[(start + length)..]];
    }

    private byte[] Insert(byte[] input, byte[] piece)
    {
        var at = input.Length == 0 ? 0 : _random.Next(input.Length);
        return [.. input[..at], .. piece, .. input[at..]];
    }

    private byte[] Repeat(byte[] input)
    {
        if (input.Length == 0)
            return input;
        var start = _random.Next(input.Length);
        var length = Math.Min(input.Length - start, 1 + _random.Next(512));
        var piece = input[start..(start + length)];
        var times = 1 + _random.Next(20);
        return Insert(input, Enumerable.Repeat(piece, times).SelectMany(p => p).ToArray());
    }

    private byte[] Splice(byte[] input, byte[] other)
    {
        var cut = input.Length == 0 ? 0 : _random.Next(input.Length);
        var from = other.Length == 0 ? 0 : _random.Next(other.Length);
        return [.. input[..cut], .. other[from..]];
    }
}
