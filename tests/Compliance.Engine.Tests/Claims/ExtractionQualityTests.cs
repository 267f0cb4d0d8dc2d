using System.Text.Json;
using Compliance.Engine.Claims;
using Compliance.Engine.Claims.Evaluation;
using Compliance.Engine.Policies;

namespace Compliance.Engine.Tests.Claims;

/// <summary>The acceptance checks of the claim-extraction issue, run with the full extractor.</summary>
public class ExtractionQualityTests(FullExtractorFixture fixture) : IClassFixture<FullExtractorFixture>
{
    /// <summary>
    /// The dev set is a yardstick the learned extractor never trained on, no longer the target (the claim-extraction
    /// issue): floors a little under the figures MODEL_CARD.md reports (core 0.70, practice 0.96, conditions 0.67,
    /// qualifiers 0.84, recipients 0.87), so a model that reads unseen text worse fails here.
    /// </summary>
    [Fact]
    public void DevSetStaysAboveTheMeasuredFloors()
    {
        var gold = LabelledSentence.ParseLines(File.ReadLines(SharedData.Path("claims-dev.jsonl")));

        var scores = ClaimEvaluation.Evaluate(fixture.Extractor, gold).ToDictionary(s => s.Name, s => s.F1);

        Assert.True(scores["core-triples"] >= 0.65, $"core triples F1 {scores["core-triples"]:0.000}");
        Assert.True(scores["practice"] >= 0.92, $"practice F1 {scores["practice"]:0.000}");
        Assert.True(scores["conditions"] >= 0.60, $"conditions F1 {scores["conditions"]:0.000}");
        Assert.True(scores["qualifiers"] >= 0.75, $"qualifiers F1 {scores["qualifiers"]:0.000}");
        Assert.True(scores["recipients"] >= 0.80, $"recipients F1 {scores["recipients"]:0.000}");
        Assert.True(scores["sentence-labels"] >= 0.80, $"sentence labels F1 {scores["sentence-labels"]:0.000}");
    }

    [Fact]
    public void BrowserCaseGivesTheSyncStatisticsAndIncognitoClaims()
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(SharedData.Path("cases", "browser-phone-maker", "expected.json")));
        var sentences = expected.RootElement.GetProperty("claims").EnumerateArray()
            .Select(c => c.GetProperty("sentence").GetString()!).Distinct().ToArray();

        var claims = fixture.Extractor.Read(sentences);

        Assert.Contains(claims, c => c.Action == "sync" && c.Polarity == Polarity.Affirmative && c.DataTypes.Contains("browsing-history")
            && c.Conditions.Contains("setting-enabled:sync") && c.Conditions.Contains("signed-in"));
        Assert.Contains(claims, c => c.Action == "collect" && c.DataTypes.Contains("usage-statistics")
            && c.Qualifiers.Contains("aggregated") && c.Qualifiers.Contains("non-identifying"));
        Assert.Contains(claims, c => c.Action == "collect" && c.Polarity == Polarity.Affirmative
            && c.Conditions.Contains("not-private-mode") && c.DataTypes.Contains("browsing-history"));
        Assert.All(claims, c => Assert.Equal(c.Sentence.Length, c.Span.Length));
    }

    [Fact]
    public void SamePolicyGivesByteIdenticalJsonTwice()
    {
        var policy = PolicyParser.Parse(File.ReadAllBytes(SharedData.Path("cases", "browser-phone-maker", "policy.html")), "policy.html");

        var first = JsonSerializer.Serialize(fixture.Extractor.Extract(policy, DocumentRef.Default), EngineJson.Options);
        var second = JsonSerializer.Serialize(fixture.Extractor.Extract(policy, DocumentRef.Default), EngineJson.Options);

        Assert.NotEqual("[]", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void ConcurrentCallsGiveTheSameClaimsAsOneCall()
    {
        var gold = LabelledSentence.ParseLines(File.ReadLines(SharedData.Path("claims-dev.jsonl"))).Take(60).Select(g => g.Text).ToArray();
        var expected = JsonSerializer.Serialize(fixture.Extractor.Read(gold), EngineJson.Compact);

        var results = new string[4];
        Parallel.For(0, results.Length, i => results[i] = JsonSerializer.Serialize(fixture.Extractor.Read(gold), EngineJson.Compact));

        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
