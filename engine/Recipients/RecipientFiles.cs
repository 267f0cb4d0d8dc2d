namespace Compliance.Engine.Recipients;

/// <summary>The user's reference data could not be read; the message names the file.</summary>
public sealed class RecipientDataException(string message) : Exception(message);

/// <summary>
/// The user's own reference data, laid over what ships: entity lists (the project's format, Disconnect
/// entities.json/services.json, DuckDuckGo Tracker Radar, AdGuard companies), a full
/// public_suffix_list.dat, and a MaxMind-format ASN/GeoIP database. The CLI takes them as flags
/// (--entities, --suffix-list, --asn-db); the service from configuration (Recipients:EntityFiles,
/// Recipients:SuffixList, Recipients:AsnDatabase).
/// </summary>
public sealed record RecipientFiles
{
    public const long MaxListBytes = 50L * 1024 * 1024;
    public const long MaxDatabaseBytes = 1L << 30;

    /// <summary>Entity lists, applied in order: a later list wins over an earlier one and over the shipped map.</summary>
    public IReadOnlyList<string> EntityFiles { get; init; } = [];
    public string? SuffixList { get; init; }
    public string? AsnDatabase { get; init; }

    public bool IsEmpty => EntityFiles.Count == 0 && string.IsNullOrWhiteSpace(SuffixList) && string.IsNullOrWhiteSpace(AsnDatabase);

    /// <summary>The options the files describe, or null when none is given (the shipped data is used).</summary>
    public RecipientOptions? Load()
    {
        if (IsEmpty)
            return null;
        var entities = EntityMap.Shipped;
        foreach (var file in EntityFiles)
        {
            var json = System.Text.Encoding.UTF8.GetString(Read(file, MaxListBytes));
            try
            {
                entities = entities.Overlay(EntityListImport.FromAnyFormat(json));
            }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or ArgumentException)
            {
                throw new RecipientDataException($"{file}: not an entity list this tool reads ({e.Message})");
            }
        }
        var options = new RecipientOptions { Entities = entities };
        if (!string.IsNullOrWhiteSpace(SuffixList))
            options = options with { Suffixes = PublicSuffixList.Parse(System.Text.Encoding.UTF8.GetString(Read(SuffixList, MaxListBytes))) };
        if (!string.IsNullOrWhiteSpace(AsnDatabase))
        {
            var bytes = Read(AsnDatabase, MaxDatabaseBytes);
            try
            {
                var database = new MaxMindIpDatabase(new MemoryStream(bytes, writable: false));
                options = options with { AddressTables = [.. options.AddressTables, database] };
            }
            catch (Exception e)
            {
                throw new RecipientDataException($"{AsnDatabase}: not a MaxMind database ({e.Message})");
            }
        }
        return options;
    }

    private static byte[] Read(string path, long maxBytes)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
            throw new RecipientDataException($"file not found: {path}");
        if (info.Length > maxBytes)
            throw new RecipientDataException($"{path} is {info.Length} bytes; the limit is {maxBytes}");
        return File.ReadAllBytes(path);
    }
}
