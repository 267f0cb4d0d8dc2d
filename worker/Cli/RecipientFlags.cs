using System.CommandLine;
using Compliance.Engine.Recipients;

namespace Compliance.Worker.Cli;

/// <summary>
/// --entities, --suffix-list and --asn-db: the user's own reference data on top of the shipped entity map,
/// suffixes and cloud ranges (entity files in the project's format, Disconnect, Tracker Radar or AdGuard).
/// </summary>
public sealed class RecipientFlags
{
    private readonly Option<string[]> _entities = new("--entities")
    {
        Description = "Entity list to add (project format, Disconnect entities.json/services.json, Tracker Radar, AdGuard companies.json); repeatable, later wins.",
        AllowMultipleArgumentsPerToken = false,
    };
    private readonly Option<string?> _suffixes = new("--suffix-list") { Description = "A full public_suffix_list.dat to use instead of the shipped suffixes." };
    private readonly Option<string?> _asn = new("--asn-db") { Description = "A MaxMind-format ASN/GeoIP database (.mmdb) for addresses outside the shipped cloud ranges." };

    public void AddTo(Command command)
    {
        command.Options.Add(_entities);
        command.Options.Add(_suffixes);
        command.Options.Add(_asn);
    }

    /// <summary>The options the flags describe, or null when none was given (the shipped data is used).</summary>
    public RecipientOptions? Read(ParseResult parse)
    {
        var entityFiles = parse.GetValue(_entities) ?? [];
        var suffixFile = parse.GetValue(_suffixes);
        var asnFile = parse.GetValue(_asn);
        if (entityFiles.Length == 0 && suffixFile is null && asnFile is null)
            return null;
        var entities = EntityMap.Shipped;
        foreach (var file in entityFiles)
        {
            var json = System.Text.Encoding.UTF8.GetString(CliInput.ReadAllBytes(file));
            try
            {
                entities = entities.Overlay(EntityListImport.FromAnyFormat(json));
            }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or ArgumentException)
            {
                throw new CliInputException($"{file}: not an entity list this tool reads ({e.Message})");
            }
        }
        var options = new RecipientOptions { Entities = entities };
        if (suffixFile is not null)
            options = options with { Suffixes = PublicSuffixList.Parse(System.Text.Encoding.UTF8.GetString(CliInput.ReadAllBytes(suffixFile))) };
        if (asnFile is not null)
        {
            try
            {
                var database = new MaxMindIpDatabase(new MemoryStream(CliInput.ReadAllBytes(asnFile, 1L << 30), writable: false));
                options = options with { AddressTables = [.. options.AddressTables, database] };
            }
            catch (Exception e) when (e is not CliInputException)
            {
                throw new CliInputException($"{asnFile}: not a MaxMind database ({e.Message})");
            }
        }
        return options;
    }
}
