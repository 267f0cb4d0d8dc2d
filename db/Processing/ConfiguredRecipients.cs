using Compliance.Engine.Recipients;
using Microsoft.Extensions.Configuration;

namespace Compliance.Db.Processing;

/// <summary>
/// The reference data the service analyses traffic with: the shipped data, with the files the
/// configuration names laid over it (Recipients:EntityFiles:0…, Recipients:SuffixList,
/// Recipients:AsnDatabase). Read once when the service starts; a file that cannot be read stops
/// the start with its name.
/// </summary>
public sealed class ConfiguredRecipients(RecipientOptions? options)
{
    public const string Section = "Recipients";

    /// <summary>Null when nothing is configured: the analyzer then uses the shipped data.</summary>
    public RecipientOptions? Options { get; } = options;

    public static RecipientFiles FilesFrom(IConfiguration? configuration)
    {
        var section = configuration?.GetSection(Section);
        if (section is null)
            return new RecipientFiles();
        // One path, or several under EntityFiles:0, EntityFiles:1 …
        var single = section["EntityFiles"];
        var list = section.GetSection("EntityFiles").GetChildren().Select(c => c.Value).OfType<string>().ToList();
        return new RecipientFiles
        {
            EntityFiles = !string.IsNullOrWhiteSpace(single) ? [single] : list,
            SuffixList = section["SuffixList"],
            AsnDatabase = section["AsnDatabase"],
        };
    }

    public static ConfiguredRecipients From(IConfiguration? configuration) => new(FilesFrom(configuration).Load());
}
