using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using Compliance.Engine.Ontology;

namespace Compliance.Engine.Recipients;

/// <summary>Who is behind a domain: the organisation, its ontology recipient category, and whether it rents out hosting.</summary>
public sealed record RecipientEntity(string Organization, string Category, bool Hosting = false);

/// <summary>
/// Domains (and their subdomains) mapped to the organisations behind them. The most specific listed
/// domain of a host wins, so "adservice.google.com" can be an ad server while "google.com" is not.
/// Immutable; layers combine with <see cref="Overlay"/>, the upper layer winning domain by domain.
/// </summary>
public sealed class EntityMap
{
    internal const int MaxTextLength = 64 * 1024 * 1024;
    internal static readonly JsonDocumentOptions JsonOptions = new()
    {
        MaxDepth = 64, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip,
    };

    private readonly FrozenDictionary<string, RecipientEntity> _byDomain;
    private readonly FrozenDictionary<string, RecipientEntity>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    private static readonly Lazy<EntityMap> s_shipped = new(() => Parse(ReadEmbedded()));

    /// <summary>The project's curated map, embedded in the engine.</summary>
    public static EntityMap Shipped => s_shipped.Value;

    public static EntityMap Empty { get; } = new(new Dictionary<string, RecipientEntity>());

    private EntityMap(IDictionary<string, RecipientEntity> byDomain)
    {
        _byDomain = byDomain.ToFrozenDictionary(StringComparer.Ordinal);
        _bySpan = _byDomain.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of listed domains.</summary>
    public int Count => _byDomain.Count;

    /// <summary>The listed domains in ordinal order.</summary>
    public IReadOnlyList<string> Domains => [.. _byDomain.Keys.Order(StringComparer.Ordinal)];

    public RecipientEntity? Entry(string domain) => _byDomain.GetValueOrDefault(domain);

    /// <summary>The entity of the most specific listed domain the host falls under, or null.</summary>
    public RecipientEntity? Find(string host)
    {
        // Walks the parents as spans of one normalised string: no allocation per label.
        ReadOnlySpan<char> name = HostName.Normalize(host);
        while (name.Length > 0)
        {
            if (_bySpan.TryGetValue(name, out var entity))
                return entity;
            var dot = name.IndexOf('.');
            if (dot < 0)
                break;
            name = name[(dot + 1)..];
        }
        return null;
    }

    /// <summary>This map with <paramref name="upper"/> laid over it: the upper map's domains win.</summary>
    public EntityMap Overlay(EntityMap upper)
    {
        if (upper.Count == 0)
            return this;
        var merged = new Dictionary<string, RecipientEntity>(_byDomain, StringComparer.Ordinal);
        foreach (var (domain, entity) in upper._byDomain)
            merged[domain] = entity;
        return new EntityMap(merged);
    }

    /// <summary>Builds a map from (domain, entity) pairs; a later pair for the same domain wins.</summary>
    public static EntityMap FromEntries(IEnumerable<KeyValuePair<string, RecipientEntity>> entries, OntologyModel? ontology = null)
    {
        ontology ??= OntologyModel.Default;
        var map = new Dictionary<string, RecipientEntity>(StringComparer.Ordinal);
        foreach (var (rawDomain, entity) in entries)
        {
            if (string.IsNullOrWhiteSpace(entity.Organization))
                throw new FormatException($"The entity of '{rawDomain}' has no organisation.");
            if (!ontology.IsRecipient(entity.Category))
                throw new FormatException($"'{entity.Category}' (organisation {entity.Organization}) is not an ontology recipient.");
            // A public suffix ("co.uk") in a list would claim every site under it; such entries are skipped.
            if (NormalizeDomain(rawDomain) is { } domain && !PublicSuffixList.Shipped.IsIcannSuffix(domain))
                map[domain] = entity;
        }
        return new EntityMap(map);
    }

    /// <summary>
    /// Parses the project's entity format:
    /// { "entities": [ { "organization", "category", "hosting"?, "domains": [...] } ] }.
    /// </summary>
    public static EntityMap Parse(string json, OntologyModel? ontology = null)
    {
        using var doc = ParseJson(json, "entity file");
        if (!doc.RootElement.TryGetProperty("entities", out var entities) || entities.ValueKind != JsonValueKind.Array)
            throw new FormatException("The entity file needs an \"entities\" array.");
        var pairs = new List<KeyValuePair<string, RecipientEntity>>();
        var index = 0;
        foreach (var item in entities.EnumerateArray())
        {
            var org = StringProperty(item, "organization")
                ?? throw new FormatException($"Entity {index} has no \"organization\".");
            var category = StringProperty(item, "category")
                ?? throw new FormatException($"Entity {index} ({org}) has no \"category\".");
            var hosting = item.TryGetProperty("hosting", out var h) && h.ValueKind == JsonValueKind.True;
            var entity = new RecipientEntity(org, category, hosting);
            foreach (var domain in StringArray(item, "domains"))
                pairs.Add(new(domain, entity));
            index++;
        }
        return FromEntries(pairs, ontology);
    }

    /// <summary>Lower-cased registrable-style name without scheme, path, port, "www." or wildcard; null if unusable.</summary>
    public static string? NormalizeDomain(string raw)
    {
        var d = raw.Trim();
        var scheme = d.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
            d = d[(scheme + 3)..];
        var slash = d.IndexOfAny(['/', '?', '#']);
        if (slash >= 0)
            d = d[..slash];
        d = HostName.Normalize(d).TrimStart('*').TrimStart('.');
        if (d.StartsWith("www.", StringComparison.Ordinal))
            d = d[4..];
        if (d.Length == 0 || !d.Contains('.') || d.Any(c => char.IsWhiteSpace(c) || c == '@'))
            return null;
        return d;
    }

    internal static JsonDocument ParseJson(string json, string what)
    {
        if (json.Length > MaxTextLength)
            throw new FormatException($"The {what} is larger than {MaxTextLength / (1024 * 1024)} MB.");
        try
        {
            return JsonDocument.Parse(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The {what} is not valid JSON: {e.Message}", e);
        }
    }

    internal static string? StringProperty(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(v.GetString())
            ? v.GetString()!.Trim()
            : null;

    internal static IEnumerable<string> StringArray(JsonElement item, string name)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(name, out var arr) || arr.ValueKind != JsonValueKind.Array)
            yield break;
        foreach (var v in arr.EnumerateArray())
        {
            if (v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s)
                yield return s;
        }
    }

    private static string ReadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Compliance.Engine.Recipients.entities.json")
            ?? throw new InvalidOperationException("The embedded entity map is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
