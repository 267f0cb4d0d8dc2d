using CsCheck;
using Compliance.Engine.Claims;
using Compliance.Engine.Matching;
using Compliance.Engine.Ontology;
using Compliance.Engine.Traffic;

namespace Compliance.Engine.Tests.Matching;

/// <summary>Properties that hold for any claims and flows drawn from a small vocabulary.</summary>
public sealed class MatcherPropertyTests
{
    private static readonly string[] s_types = ["personal-data", "identifiers", "device-id", "imei", "android-id", "advertising-id", "location", "precise-location", "app-activity"];
    private static readonly string[] s_flowTypes = ["imei", "android-id", "advertising-id", "precise-location", "app-activity", "network-info"];
    private static readonly string[] s_recipients = ["first-party", "third-party", "advertiser", "data-broker", "analytics-provider"];
    private static readonly string[] s_actions = ["collect", "share", "sell", "store"];
    private static readonly string[] s_conditions = ["", "consent", "not-private-mode", "setting-enabled:sync", "user-initiated"];
    private static readonly string[] s_qualifiers = ["", "aggregated", "pseudonymized"];

    private static Gen<string> Pick(string[] pool) => Gen.Int[0, pool.Length - 1].Select(i => pool[i]);

    private static readonly Gen<Claim> s_claim = Gen.Select(Pick(s_actions), Gen.Bool, Pick(s_types), Pick(s_recipients), Pick(s_conditions), Pick(s_qualifiers),
        (action, negative, type, recipient, condition, qualifier) => new Claim
        {
            Id = "", Sentence = $"{action} {type} {recipient}", Span = new TextSpan(0, 1), Action = action,
            Polarity = negative ? Polarity.Negative : Polarity.Affirmative, DataTypes = [type], Recipients = [recipient],
            Conditions = condition.Length == 0 ? [] : [condition], Qualifiers = qualifier.Length == 0 ? [] : [qualifier], Confidence = 0.8,
        });

    private static readonly Gen<Flow> s_flow = Gen.Select(Pick(s_recipients), Pick(s_flowTypes).Array[1, 3], Gen.Int[0, 2], Gen.Bool,
        (recipient, types, privateMode, consent) => new Flow
        {
            Id = "", EntryIndex = 0, Method = "GET", Url = "https://h.test/", Destination = new Destination { Host = recipient + ".test", Recipient = recipient },
            Context = new TrafficContext { PrivateMode = privateMode == 2 ? null : privateMode == 1, Consent = consent ? "granted" : null },
            Data = types.Distinct().Select((t, i) => new DataItem { Type = t, Value = $"v{i}-{t}", Location = "q", Detector = "p", Confidence = 0.9 }).ToList(),
        });

    private static readonly Gen<(Claim[] Claims, Flow[] Flows)> s_input = Gen.Select(s_claim.Array[0, 8], s_flow.Array[0, 6], (c, f) =>
        (c.Select((x, i) => x with { Id = $"c-{i + 1}" }).ToArray(), f.Select((x, i) => x with { Id = $"f-{i + 1}", EntryIndex = i }).ToArray()));

    private static IReadOnlyList<Finding> Match(IReadOnlyList<Claim> claims, IReadOnlyList<Flow> flows) =>
        new Matcher(OntologyModel.Default).Match(claims, flows);

    private static HashSet<string> Verdicts(IReadOnlyList<Finding> findings) =>
        findings.Select(f => $"{f.Kind}|{f.DataType}|{f.Recipient}|{string.Join(",", f.ClaimIds.Order(StringComparer.Ordinal))}|{string.Join(",", f.FlowIds.Order(StringComparer.Ordinal))}").ToHashSet();

    [Fact]
    public void VerdictsDoNotDependOnTheOrderOfClaimsOrFlows()
    {
        s_input.Sample(input =>
        {
            var forward = Verdicts(Match(input.Claims, input.Flows));
            var reversed = Verdicts(Match(input.Claims.Reverse().ToArray(), input.Flows.Reverse().ToArray()));
            Assert.True(forward.SetEquals(reversed), "only forward: " + string.Join(" ; ", forward.Except(reversed)) + " || only reversed: " + string.Join(" ; ", reversed.Except(forward)) + " || flows: " + string.Join(" ; ", input.Flows.Select(f => f.Id + ":" + string.Join(",", f.Data.Select(d => d.Type)))));
        });
    }

    [Fact]
    public void EveryObservedItemIsJudgedAtLeastOnce()
    {
        s_input.Sample(input =>
        {
            var findings = Match(input.Claims, input.Flows);
            foreach (var flow in input.Flows)
            foreach (var item in flow.Data)
                Assert.Contains(findings, f => f.DataType == item.Type && f.Recipient == flow.Destination.Recipient && f.FlowIds.Contains(flow.Id));
        });
    }

    [Fact]
    public void AnUnconditionalNegativeCollectClaimContradictsEveryItemItCovers()
    {
        s_input.Sample(input =>
        {
            var denial = new Claim
            {
                Id = "c-deny", Sentence = "We collect nothing.", Span = new TextSpan(0, 1), Action = "collect", Polarity = Polarity.Negative,
                DataTypes = ["personal-data"], Recipients = ["first-party", "third-party"],
            };
            var findings = Match([.. input.Claims, denial], input.Flows);
            foreach (var flow in input.Flows)
            foreach (var item in flow.Data)
                Assert.Contains(findings, f => f.Kind == FindingKind.Contradicted && f.DataType == item.Type && f.FlowIds.Contains(flow.Id));
        });
    }
}
