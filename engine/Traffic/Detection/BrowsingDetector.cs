using Compliance.Engine.Traffic.Decoding;

namespace Compliance.Engine.Traffic.Detection;

/// <summary>
/// Browsing history and search queries: URLs and titles of pages the capture navigated to, and the
/// terms of searches it made, found again in a later payload sent to a different site.
/// </summary>
public sealed class BrowsingDetector : IDataDetector
{
    private const int MinTitleLength = 8;

    public void Detect(EntryScan scan, ICollection<DataItem> found)
    {
        var pages = scan.History.Pages;
        if (pages.Count == 0)
            return;
        var site = Sites.Registrable(scan.Host);
        foreach (var value in scan.Values)
        {
            var v = value.Value.Trim();
            if (v.Length < 4 || value.IsNumber || value.IsBoolean)
                continue;
            var page = scan.History.FindUrl(v);
            if (page is not null && Sites.Registrable(page.Host) != site)
            {
                found.Add(Item("browsing-history", v, value, 0.95));
                if (page.SearchTerm is not null)
                    found.Add(Item("search-query", page.SearchTerm, value, 0.95));
                continue;
            }
            if (v.Length >= MinTitleLength && scan.History.FindTitle(v) is { } titled && Sites.Registrable(titled.Host) != site)
                found.Add(Item("browsing-history", v, value, 0.85));
            var searches = scan.History.Searches;
            for (var i = 0; i < searches.Count; i++)
                if (searches[i] is var p && Sites.Registrable(p.Host) != site && MatchesTerm(v, p.SearchTerm!))
                {
                    found.Add(Item("search-query", v, value, 0.9));
                    break;
                }
        }
    }

    private static bool MatchesTerm(string value, string term) =>
        string.Equals(value, term, StringComparison.OrdinalIgnoreCase)
        || (term.Length >= 6 && value.Length <= term.Length * 4 && KnownValueDetector.ContainsWord(value, term));

    private static DataItem Item(string type, string value, PayloadValue at, double confidence) =>
        Detected.Item(type, value, at, type == "search-query" ? "search-term" : "url-in-payload", confidence);
}
