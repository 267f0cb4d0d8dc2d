using System.Text;
using Compliance.Engine.Policies;

namespace Compliance.Engine.Tests.Policies;

public sealed class PolicyDiffTests
{
    private const string Older = """
        SYNC
        ----
        We sync your bookmarks only when you turn on Sync. Synced data is encrypted.

        ADVERTISING
        -----------
        We do not share your location with advertisers. Ads are shown on the start page.
        Each year we review which ad networks we work with.
        """;

    private const string Newer = """
        SYNC
        ----
        Synced data is encrypted. We sync your bookmarks and browsing history when you sign in.

        ADVERTISING
        -----------
        Ads are shown on the start page. We share your approximate location with advertising partners.

        CHILDREN
        --------
        The app is not meant for children under 13.
        """;

    private static ParsedPolicy Parse(string text) => PolicyParser.Parse(Encoding.UTF8.GetBytes(text), "policy.txt");

    [Fact]
    public void IdenticalVersionsHaveNoDifferences() =>
        Assert.True(PolicyDiff.Compare(Parse(Older), Parse(Older)).IsEmpty);

    [Fact]
    public void EditedSentenceInTheSameSectionIsChanged()
    {
        var diff = PolicyDiff.Compare(Parse(Older), Parse(Newer));
        Assert.Equal(2, diff.Changed.Count);
        var change = diff.Changed[0];
        Assert.Equal("We sync your bookmarks only when you turn on Sync.", change.Older.Text);
        Assert.Equal("We sync your bookmarks and browsing history when you sign in.", change.Newer.Text);
        Assert.Equal(["only", "turn", "on", "sync"], change.WordsRemoved);
        Assert.Equal(["and", "browsing", "history", "sign", "in"], change.WordsAdded);
    }

    [Fact]
    public void DroppedNegationShowsAsAnEdit()
    {
        var change = PolicyDiff.Compare(Parse(Older), Parse(Newer)).Changed[1];
        Assert.Equal("We share your approximate location with advertising partners.", change.Newer.Text);
        Assert.Equal(["do", "not", "advertisers"], change.WordsRemoved);
    }

    [Fact]
    public void UnrelatedSentencesAreRemovedAndAdded()
    {
        var diff = PolicyDiff.Compare(Parse(Older), Parse(Newer));
        Assert.Equal(["Each year we review which ad networks we work with."], diff.Removed.Select(s => s.Text));
        Assert.Equal(["The app is not meant for children under 13."], diff.Added.Select(s => s.Text));
    }

    [Fact]
    public void MovedSentencesAreUnchanged()
    {
        var diff = PolicyDiff.Compare(Parse(Older), Parse(Newer));
        Assert.DoesNotContain(diff.Added, s => s.Text == "Synced data is encrypted.");
        Assert.DoesNotContain(diff.Removed, s => s.Text == "Ads are shown on the start page.");
    }

    [Fact]
    public void SimilarSentenceInAnotherSectionNeedsAStrongerMatch()
    {
        var older = Parse("ONE\n\nWe keep logs for 30 days.\n\nTWO\n\nWe do not sell data.");
        var newer = Parse("ONE\n\nWe do not sell data.\n\nTWO\n\nWe keep server logs for 30 days.");
        var diff = PolicyDiff.Compare(older, newer);
        var change = Assert.Single(diff.Changed);
        Assert.Equal("ONE", change.Older.Section);
        Assert.Equal("TWO", change.Newer.Section);
    }

    [Fact]
    public void ComparisonIsDeterministic()
    {
        var first = PolicyDiff.Compare(Parse(Older), Parse(Newer));
        var second = PolicyDiff.Compare(Parse(Older), Parse(Newer));
        Assert.Equal(first.Added, second.Added);
        Assert.Equal(first.Removed, second.Removed);
        Assert.Equal(first.Changed.Select(c => (c.Older, c.Newer, c.Similarity)), second.Changed.Select(c => (c.Older, c.Newer, c.Similarity)));
    }
}
