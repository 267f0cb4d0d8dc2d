using Compliance.Engine.Traffic.Detection;
using static Compliance.Engine.Tests.Traffic.Detection.Values;

namespace Compliance.Engine.Tests.Traffic.Detection;

public sealed class BrowsingDetectorTests
{
    private static CaptureHistory History()
    {
        var history = new CaptureHistory();
        var search = new Uri("https://duckduckgo.com/?q=best+running+shoes&t=h_");
        history.AddPage(search.ToString(), search.Host, "best running shoes at DuckDuckGo", SearchEngines.TermsOf(search));
        history.AddPage("https://en.m.wikipedia.org/wiki/Flat_feet", "en.m.wikipedia.org", "Flat feet - Wikipedia", null);
        return history;
    }

    [Fact]
    public void VisitedUrlSentToAnotherSiteIsBrowsingHistory() =>
        Assert.Equal(["browsing-history"], Run(new BrowsingDetector(), History(), "tracker.test", At("url", "https://en.m.wikipedia.org/wiki/Flat_feet")).Select(i => i.Type));

    [Fact]
    public void SearchResultsUrlCountsAsBothHistoryAndQuery() =>
        Assert.Equal(["browsing-history", "search-query"], Run(new BrowsingDetector(), History(), "tracker.test", At("url", "https://duckduckgo.com/?q=best+running+shoes&t=h_")).Select(i => i.Type));

    [Fact]
    public void SearchTermAloneIsASearchQuery() =>
        Assert.Equal(["search-query"], Run(new BrowsingDetector(), History(), "tracker.test", At("keyword", "best running shoes")).Select(i => i.Type));

    [Fact]
    public void PageTitleIsBrowsingHistory() =>
        Assert.Equal(["browsing-history"], Run(new BrowsingDetector(), History(), "tracker.test", At("title", "Flat feet - Wikipedia")).Select(i => i.Type));

    [Fact]
    public void UrlSentToThePagesOwnSiteIsPartOfTheVisit() =>
        Assert.Empty(Run(new BrowsingDetector(), History(), "stats.wikipedia.org", At("url", "https://en.m.wikipedia.org/wiki/Flat_feet")));

    [Fact]
    public void OnlyKnownSearchEnginesGiveSearchTerms()
    {
        Assert.Equal("tram times", SearchEngines.TermsOf(new Uri("https://www.google.co.uk/search?q=tram+times")));
        Assert.Null(SearchEngines.TermsOf(new Uri("https://shop.test/list?q=shoes")));
    }
}
