namespace Compliance.Engine.Recipients;

/// <summary>
/// What a <see cref="RecipientResolver"/> knows: the vendor, the entity map (shipped map with user layers),
/// the suffix list, and the address tables tried in order (shipped provider ranges first, then any
/// MaxMind databases the user configured).
/// </summary>
public sealed record RecipientOptions
{
    public string? VendorName { get; init; }
    public IReadOnlyList<string> VendorDomains { get; init; } = [];
    public EntityMap Entities { get; init; } = EntityMap.Shipped;
    public PublicSuffixList Suffixes { get; init; } = PublicSuffixList.Shipped;
    public IReadOnlyList<IIpOwnerLookup> AddressTables { get; init; } = [IpRangeTable.Shipped];

    /// <summary>The shipped map with each user layer laid over it in order (a later layer wins).</summary>
    public static EntityMap Layered(params EntityMap[] userLayers) =>
        userLayers.Aggregate(EntityMap.Shipped, (map, layer) => map.Overlay(layer));
}
