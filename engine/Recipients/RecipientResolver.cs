using Compliance.Engine.Traffic;

namespace Compliance.Engine.Recipients;

/// <summary>
/// Resolves a destination host (and the server address it answered from) to its organisation,
/// ontology recipient category, hosting organisation and country.
/// </summary>
public sealed class RecipientResolver
{
    private readonly IReadOnlyList<string> _vendorDomains;
    private readonly string? _vendorName;

    // PLACEHOLDER until the recipients work lands: vendor domains are first-party, all else third-party.
    public RecipientResolver(IEnumerable<string> vendorDomains, string? vendorName = null)
    {
        _vendorDomains = vendorDomains.Select(d => d.Trim().TrimStart('.').ToLowerInvariant()).ToList();
        _vendorName = vendorName;
    }

    public Destination Resolve(string host, string? serverIp = null)
    {
        host = host.ToLowerInvariant();
        var own = _vendorDomains.Any(d => host == d || host.EndsWith("." + d, StringComparison.Ordinal));
        return new Destination
        {
            Host = host,
            Organization = own ? _vendorName : null,
            Recipient = own ? "first-party" : "third-party",
            ServerIp = serverIp,
        };
    }
}
