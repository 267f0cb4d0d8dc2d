using Compliance.Db.Entities;

namespace Compliance.Api.Vendors;

/// <summary>A vendor as the API shows it.</summary>
/// <param name="Id">Vendor id.</param>
/// <param name="Name">Display name, e.g. "Tanager Mobile".</param>
/// <param name="Domains">Registrable domains the vendor declares as its own (first party).</param>
/// <param name="Aliases">Other names the vendor is known by.</param>
/// <param name="CreatedAt">When the vendor was created (UTC).</param>
/// <param name="UpdatedAt">When the vendor was last changed (UTC).</param>
public sealed record VendorDto(Guid Id, string Name, IReadOnlyList<string> Domains, IReadOnlyList<string> Aliases,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Creates or replaces a vendor.</summary>
/// <param name="Name">Display name (1–200 characters).</param>
/// <param name="Domains">Declared first-party domains, e.g. ["tanagermobile.test"].</param>
/// <param name="Aliases">Other names.</param>
public sealed record VendorRequest(string Name, IReadOnlyList<string>? Domains, IReadOnlyList<string>? Aliases);

internal static class VendorMapping
{
    public static VendorDto ToDto(this Vendor v) => new(v.Id, v.Name, v.Domains, v.Aliases, v.CreatedAt, v.UpdatedAt);
}
