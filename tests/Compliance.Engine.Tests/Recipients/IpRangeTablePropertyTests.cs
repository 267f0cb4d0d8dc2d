using System.Net;
using System.Text.Json;
using Compliance.Engine.Recipients;
using CsCheck;

namespace Compliance.Engine.Tests.Recipients;

public class IpRangeTablePropertyTests
{
    private static readonly Lazy<List<(IPNetwork Network, string Organization)>> Prefixes = new(LoadPrefixes);

    [Fact]
    public void IndexedLookupAgreesWithALinearLongestPrefixScanForIpv4() =>
        Gen.UInt.Sample(value =>
        {
            var address = new IPAddress(BitConverter.GetBytes(value));
            Assert.Equal(LinearScan(address), IpRangeTable.Shipped.Lookup(address)?.Organization);
        }, iter: 10_000);

    [Fact]
    public void IndexedLookupAgreesWithALinearScanNearPrefixBoundaries()
    {
        var ipv4 = Prefixes.Value.Where(p => p.Network.BaseAddress.GetAddressBytes().Length == 4).ToList();
        Gen.Select(Gen.Int[0, ipv4.Count - 1], Gen.UInt).Sample((index, noise) =>
        {
            var network = ipv4[index].Network;
            var baseValue = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(network.BaseAddress.GetAddressBytes());
            // Flip bits in the last few network bits and the host part: inside, beside and across the prefix.
            var value = baseValue ^ (noise >> Math.Max(0, network.PrefixLength - 4));
            var bytes = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
            var address = new IPAddress(bytes);
            Assert.Equal(LinearScan(address), IpRangeTable.Shipped.Lookup(address)?.Organization);
        }, iter: 10_000);
    }

    [Fact]
    public void EveryShippedPrefixFindsItsOwnProviderAtItsBaseAndLastAddress()
    {
        foreach (var (network, organization) in Prefixes.Value)
        {
            Assert.Equal(organization, IpRangeTable.Shipped.Lookup(network.BaseAddress)?.Organization);
            Assert.Equal(LinearScan(LastAddress(network)), IpRangeTable.Shipped.Lookup(LastAddress(network))?.Organization);
        }
    }

    private static string? LinearScan(IPAddress address) =>
        Prefixes.Value.Where(p => p.Network.Contains(address))
            .OrderByDescending(p => p.Network.PrefixLength).Select(p => p.Organization).FirstOrDefault();

    private static IPAddress LastAddress(IPNetwork network)
    {
        var bytes = network.BaseAddress.GetAddressBytes();
        for (var bit = network.PrefixLength; bit < bytes.Length * 8; bit++)
            bytes[bit / 8] |= (byte)(1 << (7 - (bit % 8)));
        return new IPAddress(bytes);
    }

    private static List<(IPNetwork, string)> LoadPrefixes()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData.RepoRoot, "engine", "Recipients", "cloud-ranges.json")));
        return [.. doc.RootElement.GetProperty("providers").EnumerateArray().SelectMany(p =>
            p.GetProperty("ranges").EnumerateArray().Select(r =>
                (IPNetwork.Parse(r.GetString()!.Split(' ')[0]), p.GetProperty("organization").GetString()!)))];
    }
}
