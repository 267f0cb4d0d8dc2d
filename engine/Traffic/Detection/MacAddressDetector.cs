using Compliance.Engine.Traffic.Decoding;

namespace Compliance.Engine.Traffic.Detection;

/// <summary>A Wi-Fi or Bluetooth MAC address; placeholder addresses the OS hands out are ignored.</summary>
public sealed class MacAddressDetector : ValueDetector
{
    private static readonly Lexicon s_routerFields = Words("bssid", "ssid", "router", "gateway", "ap");

    public override DataItem? Inspect(PayloadValue value)
    {
        var v = value.Value;
        if (v.Length < 17 || (v.IndexOf(':') < 0 && v.IndexOf('-') < 0))
            return null;
        var match = IdentifierPatterns.Mac().Match(v);
        if (!match.Success)
            return null;
        var mac = match.Value.ToLowerInvariant().Replace('-', ':');
        if (mac is "00:00:00:00:00:00" or "ff:ff:ff:ff:ff:ff" or "02:00:00:00:00:00")
            return null;
        // The access point's BSSID describes the network, not the device.
        if (value.Name.HasAny(s_routerFields))
            return Item("network-info", match.Value, value, "pattern", 0.75);
        return Item("mac-address", match.Value, value, "pattern", 0.85);
    }
}
