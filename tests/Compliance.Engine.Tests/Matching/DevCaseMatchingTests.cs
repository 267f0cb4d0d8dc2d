using System.Text.Json;
using Compliance.Engine.Matching;
using Compliance.Engine.Ontology;
using Xunit.Abstractions;

namespace Compliance.Engine.Tests.Matching;

/// <summary>The matcher against every dev case's expected.json, from its labelled claims and flows.</summary>
public sealed class DevCaseMatchingTests(ITestOutputHelper output)
{
    private static readonly FindingKind[] s_violations =
    [
        FindingKind.Contradicted, FindingKind.ConditionViolated, FindingKind.IdentifiabilityViolated,
        FindingKind.RecipientMismatch, FindingKind.Undisclosed,
    ];

    public static TheoryData<string> Cases() => new(DevCase.Names());

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryExpectedFindingIsReported(string name)
    {
        var (devCase, reported) = Run(name);
        var missing = devCase.Findings.Where(e => !reported.Any(r => Same(r, e) && r.Recipient == e.Recipient)).ToList();
        Assert.True(missing.Count == 0, $"{name}: not reported: {string.Join("; ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void NothingOnTheMustNotFindListIsReported(string name)
    {
        var (devCase, reported) = Run(name);
        var wrong = devCase.MustNotFind.Where(e => reported.Any(r => Same(r, e))).ToList();
        Assert.True(wrong.Count == 0, $"{name}: reported although listed under mustNotFind: {string.Join("; ", wrong)}");
    }

    [Fact]
    public void PrecisionAndRecallOverAllCases()
    {
        int truePositives = 0, reportedCount = 0, expectedCount = 0;
        foreach (var name in DevCase.Names())
        {
            var (devCase, reported) = Run(name);
            var violations = reported.Where(r => s_violations.Any(k => Kind(k) == r.Kind)).ToList();
            var expected = devCase.Findings.Where(e => s_violations.Any(k => Kind(k) == e.Kind)).ToList();
            var hits = violations.Count(r => expected.Contains(r));
            foreach (var extra in violations.Where(r => !expected.Contains(r)))
                output.WriteLine($"{name}: reported, not expected: {extra}");
            truePositives += hits;
            reportedCount += violations.Count;
            expectedCount += expected.Count;
        }
        var precision = reportedCount == 0 ? 1.0 : (double)truePositives / reportedCount;
        var recall = expectedCount == 0 ? 1.0 : (double)truePositives / expectedCount;
        output.WriteLine($"dev cases: precision {precision:F3} ({truePositives}/{reportedCount}), recall {recall:F3} ({truePositives}/{expectedCount})");
        Assert.Equal(1.0, recall);
    }

    [Fact]
    public void MatchingTheSameInputTwiceGivesByteIdenticalJson()
    {
        foreach (var name in DevCase.Names())
        {
            var devCase = DevCase.Load(name);
            var matcher = new Matcher(OntologyModel.Default);
            var first = JsonSerializer.Serialize(matcher.Match(devCase.Claims, devCase.Flows), EngineJson.Options);
            var second = JsonSerializer.Serialize(matcher.Match(devCase.Claims, devCase.Flows), EngineJson.Options);
            Assert.Equal(first, second);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryFindingExplainsItselfAndCitesItsClaimsAndFlows(string name)
    {
        var devCase = DevCase.Load(name);
        foreach (var f in new Matcher(OntologyModel.Default).Match(devCase.Claims, devCase.Flows))
        {
            output.WriteLine($"{f.Id} {Kind(f.Kind)} {f.DataType} → {f.Recipient}: {f.Explanation}");
            Assert.False(string.IsNullOrWhiteSpace(f.Explanation));
            Assert.Equal(f.ClaimIds, f.Evidence!.Quotes.Select(q => q.ClaimId));
            Assert.Equal(f.FlowIds.Take(f.Evidence.Flows.Count), f.Evidence.Flows.Select(e => e.FlowId));
        }
    }

    private static (DevCase Case, IReadOnlyList<ExpectedFinding> Reported) Run(string name)
    {
        var devCase = DevCase.Load(name);
        var findings = new Matcher(OntologyModel.Default).Match(devCase.Claims, devCase.Flows);
        return (devCase, findings.Select(f => new ExpectedFinding(Kind(f.Kind), f.DataType, f.Recipient)).Distinct().ToList());
    }

    private static bool Same(ExpectedFinding reported, ExpectedFinding expected) =>
        reported.Kind == expected.Kind && reported.DataType == expected.DataType;

    private static string Kind(FindingKind kind) => JsonSerializer.Serialize(kind, EngineJson.Options).Trim('"');
}
