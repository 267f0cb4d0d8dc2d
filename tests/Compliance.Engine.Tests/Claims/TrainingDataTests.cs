using Compliance.Engine.Claims.Evaluation;
using Compliance.Engine.Ontology;

namespace Compliance.Engine.Tests.Claims;

/// <summary>
/// The labelled sets in ml-models/claims hold what the claim-extraction issue asks of them, and every label is
/// usable: known vocabulary, spans that are in their sentence, claims that each have a verb span.
/// </summary>
public class TrainingDataTests
{
    private static readonly string s_claims = Path.Combine(SharedData.RepoRoot, "ml-models", "claims");
    private static readonly Lazy<List<LabelledSentence>> s_written = new(() => LabelledSentence.ReadPath(Path.Combine(s_claims, "train")));
    private static readonly Lazy<List<LabelledSentence>> s_real = new(() => LabelledSentence.ReadPath(Path.Combine(s_claims, "real")));
    private static readonly Lazy<List<LabelledSentence>> s_fresh = new(() => LabelledSentence.ReadPath(Path.Combine(s_claims, "fresh")));

    public static readonly string[] Categories =
    [
        "np-rights", "np-optout", "np-contact", "np-children", "np-other-policy", "np-definition", "np-fragment", "np-heading-glued",
        "np-boilerplate", "practice-no-verb", "action-share", "action-store", "action-sync", "action-collect-source", "neg-paired",
        "neg-subject", "neg-exception", "neg-incapacity", "neg-subordinate", "cond-terms", "cond-optout-later", "cond-permission",
        "cond-feature-off", "cond-only-after", "cond-at-request", "cond-menu-path", "cond-two-claims", "vocab-sector", "vocab-lookalike",
    ];

    [Fact]
    public void WrittenSetIsLargeVariedAndGroupedByVendor()
    {
        var written = s_written.Value;

        Assert.True(written.Count >= 4000, $"{written.Count} lines");
        Assert.True(written.Select(l => l.Group).Distinct().Count() >= 150, "vendors");
        Assert.All(written, l => Assert.False(string.IsNullOrEmpty(l.Group)));
        Assert.True(written.Count(l => l.Claims.Count == 0) >= 0.30 * written.Count, "non-practice share");
        Assert.True(written.Count(l => l.Origin == "template") <= written.Count / 2, "template share");
    }

    [Fact]
    public void WrittenSetCoversThirtySectorsAndEveryCategoryFortyTimes()
    {
        var sectors = s_written.Value.Select(l => l.Sector).Where(s => !string.IsNullOrEmpty(s)).Distinct().Count();
        var counts = s_written.Value.SelectMany(l => l.Categories).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());

        Assert.True(sectors >= 30, $"{sectors} sectors");
        Assert.All(Categories, c => Assert.True(counts.GetValueOrDefault(c) >= 40, $"{c}: {counts.GetValueOrDefault(c)}"));
    }

    [Fact]
    public void RealSetKeepsSourceAndAttributionOfEachLine()
    {
        var real = s_real.Value;

        Assert.True(real.Count >= 600, $"{real.Count} real lines");
        Assert.All(real, l => Assert.True(l.Origin == "real" && !string.IsNullOrEmpty(l.Source), l.Id));
        Assert.True(File.Exists(Path.Combine(s_claims, "real", "README.md")));
    }

    [Fact]
    public void FreshBatchIsFrozenAndSharesNoVendorWithTraining()
    {
        var fresh = s_fresh.Value;
        var trained = s_written.Value.Select(l => l.Group).ToHashSet();

        Assert.True(fresh.Count >= 300, $"{fresh.Count} fresh lines");
        Assert.DoesNotContain(fresh, l => trained.Contains(l.Group));
    }

    [Fact]
    public void EveryLabelUsesTheOntologyAndEverySpanIsInItsSentence()
    {
        var ontology = OntologyModel.Default;
        var actions = ontology.Document.Actions.Select(a => a.Id).ToHashSet();
        foreach (var line in s_written.Value.Concat(s_real.Value).Concat(s_fresh.Value))
        {
            foreach (var claim in line.Claims)
            {
                Assert.Contains(claim.Action, actions);
                Assert.All(claim.DataTypes, t => Assert.True(ontology.IsDataType(t), $"{line.Id}: {t}"));
                Assert.All(claim.Recipients, r => Assert.True(ontology.IsRecipient(r), $"{line.Id}: {r}"));
            }
            foreach (var span in line.Spans)
                Assert.True(span.Locate(line.Text) is not null, $"{line.Id}: '{span.Text}'");
            for (var c = 0; c < line.Claims.Count; c++)
                Assert.True(line.Spans.Any(s => s.Label == "action" && s.Claims.Contains(c)), $"{line.Id}: claim {c} has no verb span");
        }
    }
}
