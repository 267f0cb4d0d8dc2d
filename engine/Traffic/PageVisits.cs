using Compliance.Engine.Traffic.Detection;
using Compliance.Engine.Traffic.Har;

namespace Compliance.Engine.Traffic;

/// <summary>
/// Tells the user's own page visits apart from flows: navigations, the subresources pages load from
/// their own site, and the pages (with titles) later payloads may report.
/// </summary>
public static class PageVisits
{
    /// <summary>A top-level navigation by the user (Sec-Fetch headers, or a plain browser request for HTML).</summary>
    public static bool IsNavigation(HarEntry entry)
    {
        var mode = entry.Header("Sec-Fetch-Mode");
        var dest = entry.Header("Sec-Fetch-Dest");
        if (mode is not null || dest is not null)
            return string.Equals(mode, "navigate", StringComparison.OrdinalIgnoreCase) || string.Equals(dest, "document", StringComparison.OrdinalIgnoreCase);
        return entry.Method == "GET" && entry.Header("Accept")?.TrimStart().StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
    }

    /// <summary>A GET answered with an HTML page: a visit even without browser headers (web views).</summary>
    public static bool IsHtmlPage(HarEntry entry) =>
        entry.Method == "GET" && entry.Response is { Status: >= 200 and < 300 } r
        && r.MimeType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>A subresource a visited page loads from its own site: part of the visit, not a flow.</summary>
    public static bool IsOwnSiteSubresource(HarEntry entry, Uri url, CaptureHistory history)
    {
        var referer = entry.Header("Referer");
        if (referer is null || !Uri.TryCreate(referer, UriKind.Absolute, out var from))
            return false;
        var site = entry.Header("Sec-Fetch-Site");
        if (site is not null)
            return site.Equals("same-origin", StringComparison.OrdinalIgnoreCase) || site.Equals("same-site", StringComparison.OrdinalIgnoreCase);
        var fromSite = Sites.Registrable(from.Host);
        return fromSite == Sites.Registrable(url.Host) && history.VisitedSite(fromSite);
    }

    public static string? TitleOf(HarResponse? response) => response?.Title;
}
