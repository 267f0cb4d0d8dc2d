using System.Net;

namespace Compliance.Engine.Recipients;

/// <summary>Normalises the host of a request to the form every recipient look-up uses.</summary>
public static class HostName
{
    /// <summary>Lower case, no port, no trailing dot, no IPv6 brackets; empty when nothing is left.</summary>
    public static string Normalize(string host)
    {
        var h = host.Trim();
        if (h.StartsWith('[') && h.IndexOf(']') is var close and > 0)
            return h[1..close].ToLowerInvariant();
        // A single colon separates a port; several colons mean a bare IPv6 literal.
        var colon = h.IndexOf(':');
        if (colon >= 0 && colon == h.LastIndexOf(':'))
            h = h[..colon];
        return h.TrimEnd('.').ToLowerInvariant();
    }

    /// <summary>True when the host is an IPv4 or IPv6 literal rather than a name.</summary>
    public static bool IsIpLiteral(string normalizedHost) =>
        normalizedHost.Length > 0 && IPAddress.TryParse(normalizedHost, out _) &&
        (normalizedHost.Contains(':') || char.IsAsciiDigit(normalizedHost[^1]));

    /// <summary>The host itself, then each parent domain, longest first ("a.b.c" → a.b.c, b.c, c).</summary>
    public static IEnumerable<string> SelfAndParents(string normalizedHost)
    {
        var h = normalizedHost;
        while (h.Length > 0)
        {
            yield return h;
            var dot = h.IndexOf('.');
            if (dot < 0)
                yield break;
            h = h[(dot + 1)..];
        }
    }
}
