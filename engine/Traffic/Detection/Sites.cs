namespace Compliance.Engine.Traffic.Detection;

/// <summary>
/// A small approximation of the registrable domain ("www.bbc.co.uk" → "bbc.co.uk"), enough to tell
/// a page's own site from other sites; the recipients stage does the full Public Suffix List work.
/// </summary>
public static class Sites
{
    private static readonly HashSet<string> s_secondLevel = new(
        ["co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "go", "gob", "mil", "nic", "ltd", "plc", "gen"], StringComparer.Ordinal);

    public static string Registrable(string host)
    {
        var h = host.Trim().TrimEnd('.').ToLowerInvariant();
        if (System.Net.IPAddress.TryParse(h, out _))
            return h;
        var labels = h.Split('.');
        if (labels.Length <= 2)
            return h;
        var take = labels[^1].Length == 2 && s_secondLevel.Contains(labels[^2]) ? 3 : 2;
        return string.Join('.', labels[^take..]);
    }
}
