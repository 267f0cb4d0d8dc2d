using System.Net;
using MaxMind.Db;

namespace Compliance.Engine.Recipients;

/// <summary>
/// A MaxMind-format database (GeoLite2/GeoIP2 ASN, Country or City, or any .mmdb with the same fields)
/// read through MaxMind.Db. The caller opens the file; the engine itself does no file I/O.
/// </summary>
public sealed class MaxMindIpDatabase : IIpOwnerLookup, IDisposable
{
    private readonly Reader _reader;

    public MaxMindIpDatabase(Stream database) => _reader = new Reader(database);

    /// <summary>The database type named in its metadata, e.g. "GeoLite2-ASN".</summary>
    public string DatabaseType => _reader.Metadata.DatabaseType;

    public IpOwner? Lookup(IPAddress address)
    {
        var record = _reader.Find<Dictionary<string, object>>(address);
        return record is null ? null : OwnerOf(record);
    }

    /// <summary>Reads the organisation (ASN, ISP or organisation field) and the ISO country of a record.</summary>
    internal static IpOwner? OwnerOf(IReadOnlyDictionary<string, object> record)
    {
        var org = Text(record, "autonomous_system_organization") ?? Text(record, "organization") ?? Text(record, "isp");
        var country = CountryCode(record, "country") ?? CountryCode(record, "registered_country");
        if (org is null && country is null)
            return null;
        // A country-only database says where, not who: the organisation stays unknown rather than guessed.
        return new IpOwner(org, country);
    }

    private static string? Text(IReadOnlyDictionary<string, object> record, string key) =>
        record.TryGetValue(key, out var v) && v is string s && s.Length > 0 ? s : null;

    private static string? CountryCode(IReadOnlyDictionary<string, object> record, string key) =>
        record.TryGetValue(key, out var v) && v is IDictionary<string, object> country
            && country.TryGetValue("iso_code", out var iso) && iso is string { Length: > 0 } code
            ? code : null;

    public void Dispose() => _reader.Dispose();
}
