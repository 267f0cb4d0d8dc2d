using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace Compliance.Engine.Tests.Recipients;

/// <summary>
/// Writes a minimal MaxMind DB (format 2.0: IPv6 search tree, 24-bit records, data section, metadata)
/// so the real MaxMind.Db reader can be exercised without shipping a licensed database.
/// </summary>
internal static class TinyMmdbWriter
{
    private const long Empty = -1;

    public static byte[] Write(string databaseType, IEnumerable<(string Cidr, Dictionary<string, object> Record)> entries)
    {
        var data = new MemoryStream();
        var nodes = new List<long[]> { NewNode() };
        foreach (var (cidr, record) in entries)
        {
            var offset = data.Length;
            Encode(data, record);
            var network = IPNetwork.Parse(cidr);
            var bytes = network.BaseAddress.GetAddressBytes();
            var length = network.PrefixLength;
            if (bytes.Length == 4)
            {
                // IPv4 lives at ::a.b.c.d in an IPv6 tree.
                bytes = [.. new byte[12], .. bytes];
                length += 96;
            }
            Insert(nodes, bytes, length, -(offset + 2));
        }

        var output = new MemoryStream();
        var nodeCount = nodes.Count;
        Span<byte> cell = stackalloc byte[3];
        foreach (var node in nodes)
        {
            foreach (var value in node)
            {
                var resolved = value >= 0 ? value : value == Empty ? nodeCount : nodeCount + 16 + (-value - 2);
                cell[0] = (byte)(resolved >> 16);
                cell[1] = (byte)(resolved >> 8);
                cell[2] = (byte)resolved;
                output.Write(cell);
            }
        }
        output.Write(new byte[16]);
        data.WriteTo(output);
        output.Write([0xAB, 0xCD, 0xEF]);
        output.Write(Encoding.ASCII.GetBytes("MaxMind.com"));
        Encode(output, new Dictionary<string, object>
        {
            ["binary_format_major_version"] = (ushort)2,
            ["binary_format_minor_version"] = (ushort)0,
            ["build_epoch"] = 1_700_000_000UL,
            ["database_type"] = databaseType,
            ["description"] = new Dictionary<string, object> { ["en"] = "test database" },
            ["ip_version"] = (ushort)6,
            ["languages"] = new[] { "en" },
            ["node_count"] = (uint)nodeCount,
            ["record_size"] = (ushort)24,
        });
        return output.ToArray();
    }

    private static long[] NewNode() => [Empty, Empty];

    private static void Insert(List<long[]> nodes, byte[] address, int length, long dataRef)
    {
        var node = 0;
        for (var i = 0; i < length; i++)
        {
            var bit = (address[i / 8] >> (7 - (i % 8))) & 1;
            if (i == length - 1)
            {
                nodes[node][bit] = dataRef;
                return;
            }
            if (nodes[node][bit] < 0)
            {
                nodes.Add(NewNode());
                nodes[node][bit] = nodes.Count - 1;
            }
            node = (int)nodes[node][bit];
        }
    }

    private static void Encode(Stream s, object value)
    {
        switch (value)
        {
            case string text:
                var utf8 = Encoding.UTF8.GetBytes(text);
                Control(s, 2, utf8.Length);
                s.Write(utf8);
                break;
            case ushort u16:
                Unsigned(s, 5, u16);
                break;
            case uint u32:
                Unsigned(s, 6, u32);
                break;
            case ulong u64:
                Unsigned(s, 9, u64);
                break;
            case Dictionary<string, object> map:
                Control(s, 7, map.Count);
                foreach (var (k, v) in map)
                {
                    Encode(s, k);
                    Encode(s, v);
                }
                break;
            case string[] array:
                Control(s, 11, array.Length);
                foreach (var item in array)
                    Encode(s, item);
                break;
            default:
                throw new ArgumentException($"Cannot encode {value.GetType()}.");
        }
    }

    private static void Unsigned(Stream s, int type, ulong value)
    {
        Span<byte> be = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(be, value);
        var start = 0;
        while (start < 8 && be[start] == 0)
            start++;
        Control(s, type, 8 - start);
        s.Write(be[start..]);
    }

    private static void Control(Stream s, int type, int size)
    {
        if (size >= 29 + 256)
            throw new ArgumentException("The tiny writer only encodes sizes below 285.");
        // Sizes 29..284 take the marker 29 in the control byte and the rest in one following byte.
        var sizeBits = Math.Min(size, 29);
        if (type <= 7)
        {
            s.WriteByte((byte)((type << 5) | sizeBits));
        }
        else
        {
            s.WriteByte((byte)sizeBits);
            s.WriteByte((byte)(type - 7));
        }
        if (size >= 29)
            s.WriteByte((byte)(size - 29));
    }
}
