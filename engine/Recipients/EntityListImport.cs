using System.Text.Json;
using Compliance.Engine.Ontology;

namespace Compliance.Engine.Recipients;

/// <summary>
/// Reads the public entity lists a user may hold into an <see cref="EntityMap"/>: Disconnect's
/// entities.json and services.json, DuckDuckGo Tracker Radar entity files, and AdGuard's companiesdb.
/// Lists that carry no category get <c>defaultCategory</c>.
/// </summary>
public static class EntityListImport
{
    /// <summary>
    /// Recognises the format of an entity file by its shape and reads it: the project's own format,
    /// Disconnect entities.json or services.json, a Tracker Radar entity file or entity map, or AdGuard
    /// companies.json / trackers.json. An unrecognised shape is a clear error.
    /// </summary>
    public static EntityMap FromAnyFormat(string json, string defaultCategory = "third-party", OntologyModel? ontology = null)
    {
        using var doc = EntityMap.ParseJson(json, "entity list");
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw new FormatException("An entity list must be a JSON object.");
        if (root.TryGetProperty("entities", out var entities))
            return entities.ValueKind == JsonValueKind.Array
                ? EntityMap.Parse(json, ontology)
                : FromDisconnectEntities(json, defaultCategory, ontology);
        if (root.TryGetProperty("companies", out _))
            return FromAdGuard(json, null, defaultCategory, ontology);
        if (root.TryGetProperty("trackerDomains", out _))
            return FromAdGuard("""{ "companies": {} }""", json, defaultCategory, ontology);
        if (root.TryGetProperty("categories", out _))
            return FromDisconnectServices(json, defaultCategory, ontology);
        var looksLikeTrackerRadar = root.TryGetProperty("properties", out _)
            || root.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("properties", out _));
        if (looksLikeTrackerRadar)
            return FromTrackerRadar([json], defaultCategory, ontology);
        throw new FormatException("Unrecognised entity list: expected the project's format, Disconnect, Tracker Radar or AdGuard companiesdb.");
    }

    /// <summary>Disconnect entities.json: { "entities": { "Name": { "properties": [...], "resources": [...] } } }.</summary>
    public static EntityMap FromDisconnectEntities(string json, string defaultCategory = "third-party", OntologyModel? ontology = null)
    {
        using var doc = EntityMap.ParseJson(json, "Disconnect entity list");
        if (!doc.RootElement.TryGetProperty("entities", out var entities) || entities.ValueKind != JsonValueKind.Object)
            throw new FormatException("A Disconnect entity list needs an \"entities\" object.");
        var pairs = new List<KeyValuePair<string, RecipientEntity>>();
        foreach (var entity in entities.EnumerateObject())
        {
            var e = new RecipientEntity(entity.Name, defaultCategory);
            foreach (var d in EntityMap.StringArray(entity.Value, "properties").Concat(EntityMap.StringArray(entity.Value, "resources")))
                pairs.Add(new(d, e));
        }
        return EntityMap.FromEntries(pairs, ontology);
    }

    /// <summary>
    /// Disconnect services.json: { "categories": { "Advertising": [ { "Org": { "https://org/": ["domain", …] } } ] } };
    /// its categories become ontology recipients.
    /// </summary>
    public static EntityMap FromDisconnectServices(string json, string defaultCategory = "third-party", OntologyModel? ontology = null)
    {
        using var doc = EntityMap.ParseJson(json, "Disconnect services list");
        if (!doc.RootElement.TryGetProperty("categories", out var categories) || categories.ValueKind != JsonValueKind.Object)
            throw new FormatException("A Disconnect services list needs a \"categories\" object.");
        var pairs = new List<KeyValuePair<string, RecipientEntity>>();
        foreach (var category in categories.EnumerateObject())
        {
            var recipient = DisconnectCategory(category.Name) ?? defaultCategory;
            if (category.Value.ValueKind != JsonValueKind.Array)
                continue;
            foreach (var service in category.Value.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object))
            {
                foreach (var org in service.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object))
                {
                    var e = new RecipientEntity(org.Name, recipient);
                    foreach (var site in org.Value.EnumerateObject().Where(s => s.Value.ValueKind == JsonValueKind.Array))
                        pairs.AddRange(site.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String)
                            .Select(v => new KeyValuePair<string, RecipientEntity>(v.GetString()!, e)));
                }
            }
        }
        return EntityMap.FromEntries(pairs, ontology);
    }

    /// <summary>
    /// DuckDuckGo Tracker Radar entities: each file one { "name", "displayName", "properties": [...] }; also accepts
    /// the combined entity_map.json ({ "Name": { "displayName", "properties" } }).
    /// </summary>
    public static EntityMap FromTrackerRadar(IEnumerable<string> entityFiles, string defaultCategory = "third-party", OntologyModel? ontology = null)
    {
        var pairs = new List<KeyValuePair<string, RecipientEntity>>();
        foreach (var json in entityFiles)
        {
            using var doc = EntityMap.ParseJson(json, "Tracker Radar entity file");
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new FormatException("A Tracker Radar entity file must be a JSON object.");
            if (root.TryGetProperty("properties", out _))
                AddTrackerRadarEntity(pairs, root, null, defaultCategory);
            else
                foreach (var entity in root.EnumerateObject())
                    AddTrackerRadarEntity(pairs, entity.Value, entity.Name, defaultCategory);
        }
        return EntityMap.FromEntries(pairs, ontology);
    }

    private static void AddTrackerRadarEntity(List<KeyValuePair<string, RecipientEntity>> pairs, JsonElement item, string? key, string category)
    {
        var name = EntityMap.StringProperty(item, "displayName") ?? EntityMap.StringProperty(item, "name") ?? key;
        if (name is null)
            return;
        var e = new RecipientEntity(name, category);
        pairs.AddRange(EntityMap.StringArray(item, "properties").Select(d => new KeyValuePair<string, RecipientEntity>(d, e)));
    }

    /// <summary>
    /// AdGuard companiesdb: companies.json ({ "companies": { "id": { "name", "websiteUrl", "websites"? } } }) and,
    /// when given, trackers.json, whose "trackerDomains" and tracker categories add the tracking domains.
    /// </summary>
    public static EntityMap FromAdGuard(string companiesJson, string? trackersJson = null,
        string defaultCategory = "third-party", OntologyModel? ontology = null)
    {
        using var companiesDoc = EntityMap.ParseJson(companiesJson, "AdGuard companies list");
        if (!companiesDoc.RootElement.TryGetProperty("companies", out var companies) || companies.ValueKind != JsonValueKind.Object)
            throw new FormatException("An AdGuard companies list needs a \"companies\" object.");
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var pairs = new List<KeyValuePair<string, RecipientEntity>>();
        foreach (var company in companies.EnumerateObject())
        {
            var name = EntityMap.StringProperty(company.Value, "name") ?? company.Name;
            names[company.Name] = name;
            var e = new RecipientEntity(name, defaultCategory);
            var sites = EntityMap.StringArray(company.Value, "websites").ToList();
            if (EntityMap.StringProperty(company.Value, "websiteUrl") is { } url)
                sites.Add(url);
            pairs.AddRange(sites.Select(s => new KeyValuePair<string, RecipientEntity>(s, e)));
        }
        if (trackersJson is not null)
            AddAdGuardTrackers(pairs, trackersJson, names, defaultCategory);
        return EntityMap.FromEntries(pairs, ontology);
    }

    private static void AddAdGuardTrackers(List<KeyValuePair<string, RecipientEntity>> pairs, string json,
        Dictionary<string, string> companyNames, string defaultCategory)
    {
        using var doc = EntityMap.ParseJson(json, "AdGuard trackers list");
        var root = doc.RootElement;
        var categoryNames = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("categories", out var cats) && cats.ValueKind == JsonValueKind.Object)
            foreach (var c in cats.EnumerateObject().Where(c => c.Value.ValueKind == JsonValueKind.String))
                categoryNames[c.Name] = c.Value.GetString()!;
        var trackers = new Dictionary<string, RecipientEntity>(StringComparer.Ordinal);
        if (root.TryGetProperty("trackers", out var list) && list.ValueKind == JsonValueKind.Object)
        {
            foreach (var t in list.EnumerateObject())
            {
                var companyId = EntityMap.StringProperty(t.Value, "companyId");
                var org = companyId is not null && companyNames.TryGetValue(companyId, out var n) ? n
                    : EntityMap.StringProperty(t.Value, "name") ?? t.Name;
                var categoryId = t.Value.TryGetProperty("categoryId", out var id) && id.ValueKind == JsonValueKind.Number
                    ? id.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
                var category = categoryId is not null && categoryNames.TryGetValue(categoryId, out var cn)
                    ? AdGuardCategory(cn) ?? defaultCategory : defaultCategory;
                trackers[t.Name] = new RecipientEntity(org, category);
            }
        }
        if (root.TryGetProperty("trackerDomains", out var domains) && domains.ValueKind == JsonValueKind.Object)
            foreach (var d in domains.EnumerateObject().Where(d => d.Value.ValueKind == JsonValueKind.String))
                if (trackers.TryGetValue(d.Value.GetString()!, out var e))
                    pairs.Add(new(d.Name, e));
    }

    private static string? DisconnectCategory(string name) => name switch
    {
        "Advertising" => "advertiser",
        "Analytics" => "analytics-provider",
        "Social" => "social-network",
        _ => null,
    };

    private static string? AdGuardCategory(string name) => name switch
    {
        "advertising" or "pornvertising" => "advertiser",
        "site_analytics" or "mobile_analytics" or "telemetry" => "analytics-provider",
        "social_media" => "social-network",
        "cdn" or "hosting" => "service-provider",
        _ => null,
    };
}
