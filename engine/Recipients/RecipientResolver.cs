using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Net;
using Compliance.Engine.Traffic;

namespace Compliance.Engine.Recipients;

/// <summary>
/// Resolves a destination host (and the server address it answered from) to its organisation,
/// ontology recipient category, hosting organisation and country.
/// </summary>
/// <remarks>
/// Rules (ONTOLOGY.md, Recipients): a host under the vendor's declared domains is first-party, even when
/// a cloud or CDN provider serves it (that provider is recorded as the hosting organisation); a host of a
/// known entity gets the entity's organisation and category; any other host is third-party with the
/// organisation unknown. Hosting organisation and country come from the server address.
/// </remarks>
public sealed class RecipientResolver
{
    private const int MaxCachedDestinations = 65_536;
    private readonly RecipientOptions _options;
    private readonly FrozenSet<string> _vendorDomains;
    // Captures repeat the same few hosts millions of times; the cache is per resolver, bounded, never shared.
    private readonly ConcurrentDictionary<(string Host, string? Ip), Destination> _cache = new();
    // ConcurrentDictionary.Count takes every lock; a separate counter keeps the bound check cheap.
    private int _cached;

    public RecipientResolver(IEnumerable<string> vendorDomains, string? vendorName = null)
        : this(new RecipientOptions { VendorDomains = [.. vendorDomains], VendorName = vendorName })
    {
    }

    public RecipientResolver(RecipientOptions options)
    {
        _options = options;
        // A bare public suffix ("com", "co.uk") would make every site first-party; it is not a vendor domain.
        _vendorDomains = options.VendorDomains
            .Select(EntityMap.NormalizeDomain).OfType<string>()
            .Where(d => !options.Suffixes.IsIcannSuffix(d))
            .ToFrozenSet(StringComparer.Ordinal);
    }

    public Destination Resolve(string host, string? serverIp = null)
    {
        var key = (host, serverIp);
        if (_cache.TryGetValue(key, out var cached))
            return cached;
        var destination = ResolveUncached(host, serverIp);
        if (Volatile.Read(ref _cached) < MaxCachedDestinations && _cache.TryAdd(key, destination))
            Interlocked.Increment(ref _cached);
        return destination;
    }

    /// <summary>The registrable domain of a host under the configured suffix list ("bbc.co.uk").</summary>
    public string? RegistrableDomain(string host) => _options.Suffixes.RegistrableDomain(host);

    /// <summary>True when the host is one of the vendor's declared domains or a subdomain of one.</summary>
    public bool IsVendorHost(string host) =>
        HostName.SelfAndParents(HostName.Normalize(host)).Any(_vendorDomains.Contains);

    private Destination ResolveUncached(string rawHost, string? serverIp)
    {
        var host = HostName.Normalize(rawHost);
        var ip = ParseIp(serverIp) ?? (HostName.IsIpLiteral(host) ? ParseIp(host) : null);
        var network = ip is null ? null : LookupAddress(ip);
        var entity = HostName.IsIpLiteral(host) ? null : _options.Entities.Find(host);
        // A host named on a provider's platform (d123.cloudfront.net) is hosted there even without an address.
        var hosting = network?.Organization ?? (entity is { Hosting: true } ? entity.Organization : null);

        if (IsVendorHost(host))
        {
            return new Destination
            {
                Host = host, Organization = _options.VendorName, Recipient = "first-party",
                HostingOrganization = hosting, Country = network?.Country, ServerIp = serverIp,
            };
        }
        return new Destination
        {
            Host = host,
            Organization = entity?.Organization,
            Recipient = entity?.Category ?? "third-party",
            HostingOrganization = hosting,
            Country = network?.Country,
            ServerIp = serverIp,
        };
    }

    private IpOwner? LookupAddress(IPAddress ip)
    {
        IpOwner? countryOnly = null;
        foreach (var table in _options.AddressTables)
        {
            var owner = table.Lookup(ip);
            if (owner?.Organization is not null)
                return owner.Country is null && countryOnly?.Country is not null ? owner with { Country = countryOnly.Country } : owner;
            countryOnly ??= owner;
        }
        return countryOnly;
    }

    private static IPAddress? ParseIp(string? text) =>
        text is not null && IPAddress.TryParse(HostName.Normalize(text), out var ip) ? ip : null;
}
