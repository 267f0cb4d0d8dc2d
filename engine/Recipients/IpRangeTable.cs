using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json;

namespace Compliance.Engine.Recipients;

/// <summary>Who operates the network an address belongs to, and where, when known.</summary>
public sealed record IpOwner(string? Organization, string? Country = null, string? Region = null);

/// <summary>Anything that can say who operates an IP address: the shipped range table, a MaxMind database.</summary>
public interface IIpOwnerLookup
{
    IpOwner? Lookup(IPAddress address);
}

/// <summary>
/// Longest-prefix match of addresses against published provider ranges. Prefixes are indexed by
/// (network, length) per address family, so a look-up is one hash probe per distinct prefix length.
/// </summary>
public sealed class IpRangeTable : IIpOwnerLookup
{
    // One frozen dictionary per prefix length, longest first: (length, network → owner).
    private readonly (int Length, FrozenDictionary<UInt128, IpOwner> Networks)[] _v4;
    private readonly (int Length, FrozenDictionary<UInt128, IpOwner> Networks)[] _v6;

    private static readonly Lazy<IpRangeTable> s_shipped = new(() => Parse(ReadEmbedded()));

    /// <summary>The shipped table of major cloud and CDN providers' published ranges.</summary>
    public static IpRangeTable Shipped => s_shipped.Value;

    public int Count => _v4.Sum(l => l.Networks.Count) + _v6.Sum(l => l.Networks.Count);

    private IpRangeTable(Dictionary<(UInt128, int), IpOwner> v4, Dictionary<(UInt128, int), IpOwner> v6)
    {
        _v4 = ByLength(v4);
        _v6 = ByLength(v6);
    }

    private static (int, FrozenDictionary<UInt128, IpOwner>)[] ByLength(Dictionary<(UInt128 Network, int Length), IpOwner> prefixes) =>
        [.. prefixes.GroupBy(p => p.Key.Length)
            .OrderByDescending(g => g.Key)
            .Select(g => (g.Key, g.ToFrozenDictionary(p => p.Key.Network, p => p.Value)))];

    /// <summary>Builds a table from CIDR prefixes ("3.120.0.0/14", "2600:1f18::/32") and their owners.</summary>
    public static IpRangeTable FromPrefixes(IEnumerable<KeyValuePair<string, IpOwner>> prefixes)
    {
        var v4 = new Dictionary<(UInt128, int), IpOwner>();
        var v6 = new Dictionary<(UInt128, int), IpOwner>();
        foreach (var (cidr, owner) in prefixes)
        {
            if (!IPNetwork.TryParse(cidr.Trim(), out var network))
                throw new FormatException($"'{cidr}' is not a CIDR prefix.");
            var ipv4 = network.BaseAddress.AddressFamily == AddressFamily.InterNetwork;
            var key = (Mask(ToNumber(network.BaseAddress), network.PrefixLength, ipv4 ? 32 : 128), network.PrefixLength);
            (ipv4 ? v4 : v6)[key] = owner;
        }
        return new IpRangeTable(v4, v6);
    }

    /// <summary>The owner of the longest listed prefix containing the address, or null.</summary>
    public IpOwner? Lookup(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        var ipv4 = address.AddressFamily == AddressFamily.InterNetwork;
        var (levels, bits) = ipv4 ? (_v4, 32) : (_v6, 128);
        var value = ToNumber(address);
        foreach (var (length, networks) in levels)
        {
            if (networks.TryGetValue(Mask(value, length, bits), out var owner))
                return owner;
        }
        return null;
    }

    public IpOwner? Lookup(string address) =>
        IPAddress.TryParse(HostName.Normalize(address), out var ip) ? Lookup(ip) : null;

    /// <summary>
    /// Parses the range file: { "providers": [ { "organization", "source", "ranges": [ "PREFIX COUNTRY REGION", … ] } ] },
    /// where COUNTRY is an ISO 3166 alpha-2 code or "-" for anycast/global ranges.
    /// </summary>
    public static IpRangeTable Parse(string json)
    {
        using var doc = EntityMap.ParseJson(json, "IP range file");
        if (!doc.RootElement.TryGetProperty("providers", out var providers) || providers.ValueKind != JsonValueKind.Array)
            throw new FormatException("The IP range file needs a \"providers\" array.");
        var prefixes = new List<KeyValuePair<string, IpOwner>>();
        foreach (var provider in providers.EnumerateArray())
        {
            var org = EntityMap.StringProperty(provider, "organization")
                ?? throw new FormatException("An IP range provider has no \"organization\".");
            foreach (var line in EntityMap.StringArray(provider, "ranges"))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length is < 1 or > 3)
                    throw new FormatException($"'{line}' ({org}) is not 'PREFIX [COUNTRY [REGION]]'.");
                var country = parts.Length > 1 && parts[1] != "-" ? parts[1] : null;
                var region = parts.Length > 2 ? parts[2] : null;
                prefixes.Add(new(parts[0], new IpOwner(org, country, region)));
            }
        }
        return FromPrefixes(prefixes);
    }

    private static UInt128 ToNumber(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        return written == 4
            ? BinaryPrimitives.ReadUInt32BigEndian(bytes)
            : BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    private static UInt128 Mask(UInt128 value, int length, int bits) =>
        length == 0 ? UInt128.Zero : value & (UInt128.MaxValue << (bits - length)) & (bits == 32 ? uint.MaxValue : UInt128.MaxValue);

    private static string ReadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Compliance.Engine.Recipients.cloud-ranges.json")
            ?? throw new InvalidOperationException("The embedded IP range file is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
