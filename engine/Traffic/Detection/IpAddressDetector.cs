using System.Net;
using Compliance.Engine.Traffic.Decoding;

namespace Compliance.Engine.Traffic.Detection;

/// <summary>An IP address sent in a payload; confident in a field named for one.</summary>
public sealed class IpAddressDetector : ValueDetector
{
    private static readonly Lexicon s_ipFields = Words("ip", "ipaddress", "ipaddr", "ipv4", "ipv6", "clientip", "remoteaddr", "userip", "deviceip", "localip");
    private static readonly Lexicon s_versionFields = Words("version", "ver", "v", "build", "release", "sdk");

    public override DataItem? Inspect(PayloadValue value)
    {
        var v = value.Value.Trim();
        if (v.Length is < 7 or > 45 || value.IsNumber || !(char.IsAsciiDigit(v[0]) || v.Contains(':')) || value.Name.HasAny(s_versionFields))
            return null;
        var ipField = value.Name.HasAny(s_ipFields);
        if (IdentifierPatterns.IPv4().IsMatch(v))
        {
            if (v.StartsWith("0.", StringComparison.Ordinal) || v.StartsWith("127.", StringComparison.Ordinal) || v == "255.255.255.255")
                return null;
            return Item("ip-address", v, value, "pattern", ipField ? 0.85 : 0.45);
        }
        if (ipField && v.Contains(':') && IPAddress.TryParse(v, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
            return Item("ip-address", v, value, "pattern", 0.85);
        return null;
    }
}
