namespace Compliance.Engine.Traffic.Detection;

/// <summary>Public web search engines and the query parameters their results pages carry the terms in.</summary>
public static class SearchEngines
{
    private static readonly string[] s_engineLabels =
    [
        "google", "bing", "duckduckgo", "yahoo", "baidu", "yandex", "ecosia", "startpage", "qwant", "naver", "brave",
        "sogou", "so", "ask", "aol", "seznam", "mojeek", "swisscows", "searx", "kagi", "daum", "yippy", "dogpile", "sm",
    ];
    private static readonly string[] s_queryParams = ["q", "query", "p", "text", "wd", "word", "keyword", "keywords", "k", "search", "search_query", "searchterm", "term", "qs"];

    /// <summary>True when the host is a known engine, or a host whose first label says it is a search service.</summary>
    public static bool IsSearchHost(string host)
    {
        var labels = host.ToLowerInvariant().Split('.');
        if (labels.Length < 2)
            return false;
        if (labels.Any(l => l is "search" or "suche" or "recherche"))
            return true;
        // The organisation label sits just left of the public suffix (one or two labels).
        var candidates = labels.Length >= 3 ? new[] { labels[^2], labels[^3] } : [labels[^2]];
        return candidates.Any(c => s_engineLabels.Contains(c, StringComparer.Ordinal));
    }

    /// <summary>The search terms of a results-page URL, or null.</summary>
    public static string? TermsOf(Uri url)
    {
        if (!IsSearchHost(url.Host) || url.Query.Length < 2)
            return null;
        foreach (var (name, value) in Decoding.FormCodec.SplitPairs(url.Query[1..]))
            if (s_queryParams.Contains(name.ToLowerInvariant(), StringComparer.Ordinal) && value.Trim().Length >= 2)
                return value.Trim();
        return null;
    }
}
