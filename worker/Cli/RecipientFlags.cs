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
        var files = new RecipientFiles
        {
            EntityFiles = parse.GetValue(_entities) ?? [],
            SuffixList = parse.GetValue(_suffixes),
            AsnDatabase = parse.GetValue(_asn),
        };
        try
        {
            return files.Load();
        }
        catch (RecipientDataException e)
        {
            throw new CliInputException(e.Message);
        }
    }
}
