namespace Compliance.Engine.Traffic.Detection;

/// <summary>What the capture itself did before the current entry: pages visited and searches made.</summary>
public sealed class CaptureHistory
{
    private const int MaxPages = 10_000;
    private static readonly System.Buffers.SearchValues<char> s_headEnds = System.Buffers.SearchValues.Create("/?:@");
    private readonly List<VisitedPage> _pages = [];
    private readonly Dictionary<string, VisitedPage> _byUrl = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VisitedPage> _byTitle = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _searchTerms = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<VisitedPage> _searches = [];
    private readonly HashSet<string> _sites = new(StringComparer.Ordinal);
    private readonly HashSet<string> _keyHeads = new(StringComparer.Ordinal);

    public IReadOnlyList<VisitedPage> Pages => _pages;

    /// <summary>Search-results pages, one per distinct term.</summary>
    public IReadOnlyList<VisitedPage> Searches => _searches;

    public bool VisitedSite(string registrable) => _sites.Contains(registrable);

    public VisitedPage? FindTitle(string title) => _byTitle.GetValueOrDefault(title.Trim());

    public void AddPage(string url, string host, string? title, string? searchTerm)
    {
        if (_pages.Count >= MaxPages)
            return;
        var key = Normalise(url);
        if (_byUrl.TryGetValue(key, out var existing))
        {
            if (existing.Title is null && title is not null)
                SetTitle(existing, title);
            return;
        }
        var page = new VisitedPage(url, host) { SearchTerm = searchTerm };
        _pages.Add(page);
        _byUrl[key] = page;
        _keyHeads.Add(key[..HeadLength(key)]);
        _sites.Add(Sites.Registrable(host));
        if (title is not null)
            SetTitle(page, title);
        if (searchTerm is not null && _searchTerms.Add(searchTerm))
            _searches.Add(page);
    }

    private void SetTitle(VisitedPage page, string title)
    {
        page.Title = title;
        _byTitle.TryAdd(title.Trim(), page);
    }

    public VisitedPage? FindUrl(string url) => MayBePage(url) ? _byUrl.GetValueOrDefault(Normalise(url)) : null;

    /// <summary>
    /// Most payload values are not URLs: the head of what <see cref="Normalise"/> would give (up to the first
    /// '/', '?', ':' or '@') is looked up first, without making a string, and only a known head is normalised.
    /// </summary>
    private bool MayBePage(string url)
    {
        if (_keyHeads.Count == 0)
            return false;
        var u = Bare(url);
        u = u[..HeadLength(u)];
        if (u.Length > 256)
            return true;
        Span<char> lower = stackalloc char[u.Length];
        u.ToLowerInvariant(lower);
        return _keyHeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower);
    }

    /// <summary>Scheme-less, fragment-less, without a trailing slash: the forms SDKs report a URL in.</summary>
    public static string Normalise(string url) => Bare(url).TrimEnd('/').ToString().ToLowerInvariant();

    /// <summary>The URL trimmed, without its fragment and scheme.</summary>
    private static ReadOnlySpan<char> Bare(string url)
    {
        var u = url.AsSpan().Trim();
        var hash = u.IndexOf('#');
        if (hash >= 0)
            u = u[..hash];
        var scheme = u.IndexOf("://", StringComparison.Ordinal);
        return scheme >= 0 ? u[(scheme + 3)..] : u;
    }

    private static int HeadLength(ReadOnlySpan<char> key)
    {
        var end = key.IndexOfAny(s_headEnds);
        return end < 0 ? key.Length : end;
    }
}

/// <summary>A page the capture navigated to.</summary>
public sealed class VisitedPage(string url, string host)
{
    public string Url { get; } = url;
    public string Host { get; } = host;
    public string? Title { get; set; }
    /// <summary>The search terms when the page is a search engine's results page.</summary>
    public string? SearchTerm { get; init; }
}
