using Compliance.Engine.Claims;
using Compliance.Engine.Ontology;
using Compliance.Engine.Traffic;

namespace Compliance.Engine.Matching;

/// <summary>
/// Applies the labelling rules of the dev cases (shared/data/cases/README.md) to one observed item and returns
/// every kind whose definition holds.
/// </summary>
internal sealed class ItemJudge(OntologyModel ontology, MatcherOptions options, IdentifierLinks links)
{
    // Flows of one capture share one context object, so each claim's conditions are evaluated once per capture.
    private readonly Dictionary<TrafficContext, Dictionary<Claim, ConditionOutcome>> _outcomes = new(ReferenceEqualityComparer.Instance);

    public IEnumerable<Verdict> Judge(ObservedItem item, Coverage coverage)
    {
        var context = item.Flow.Context ?? TrafficContext.Unknown;
        var negatives = coverage.Negatives.Where(c => Evaluate(c, context).State == FactState.True).Concat(coverage.OnDevice).ToList();
        var violated = false;
        if (negatives.Count > 0)
        {
            // A negative claim outranks a vague affirmative one; the finding then quotes both (the surest broad one).
            // Ties go to the claim first in the document, then by id: the verdict must not depend on the order claims arrive in.
            var broad = coverage.Broad.OrderByDescending(ClaimRules.ConfidenceOf).ThenBy(c => c.Span.Start).ThenBy(c => c.Id, StringComparer.Ordinal).Take(1);
            var quoted = coverage.Specific.Count == 0 ? negatives.Concat(broad).ToList() : negatives;
            violated = true;
            yield return new Verdict(FindingKind.Contradicted, item, quoted, Score(item, negatives.Max(ClaimRules.ConfidenceOf)));
        }

        if (coverage.Specific.Count == 0)
        {
            if (coverage.Broad.Count > 0)
            {
                if (negatives.Count == 0)
                    yield return new Verdict(FindingKind.Vague, item, coverage.Broad, Score(item, coverage.Broad.Max(ClaimRules.ConfidenceOf)));
            }
            else if (coverage.NamedElsewhere.Count > 0)
                yield return new Verdict(FindingKind.RecipientMismatch, item, coverage.NamedElsewhere,
                    Score(item, coverage.NamedElsewhere.Max(ClaimRules.ConfidenceOf)));
            // A negative that does not apply here (its condition is not shown) discloses nothing either.
            else if (negatives.Count == 0)
                yield return new Verdict(FindingKind.Undisclosed, item, [], item.Confidence);
            yield break;
        }

        var outcomes = coverage.Decisive.Select(c => (Claim: c, Outcome: Evaluate(c, context))).ToList();
        if (outcomes.All(o => o.Outcome.State == FactState.False))
        {
            violated = true;
            yield return new Verdict(FindingKind.ConditionViolated, item, coverage.Decisive,
                Score(item, coverage.Decisive.Min(ClaimRules.ConfidenceOf)))
            {
                FalseFacts = outcomes.SelectMany(o => o.Outcome.FalseFacts).DistinctBy(f => f.Name).ToList(),
            };
        }

        // The claims that would allow the item are those whose conditions are not shown false.
        var allowing = outcomes.Where(o => o.Outcome.State != FactState.False).ToList();
        if (allowing.Count > 0 && allowing.All(o => ClaimRules.PromisesUnidentifiable(o.Claim)))
        {
            var claims = allowing.Select(o => o.Claim).ToList();
            var identifiers = links.For(item.FlowIndex, item.Type);
            var raw = !item.Hashed && (IsPersistent(item.Type) || claims.Any(ClaimRules.PromisesOnlyHashing));
            if (identifiers.Count > 0 || raw)
            {
                violated = true;
                yield return new Verdict(FindingKind.IdentifiabilityViolated, item, claims, Score(item, claims.Min(ClaimRules.ConfidenceOf)))
                {
                    // No identifiers means the item's own value was sent in the clear (the explanation says so).
                    Identifiers = identifiers,
                };
            }
        }

        if (violated || allowing.Count == 0)
            yield break;
        var decided = allowing.Any(o => o.Outcome.State == FactState.True);
        yield return new Verdict(FindingKind.Consistent, item, allowing.Select(o => o.Claim).ToList(),
            Score(item, allowing.Max(o => ClaimRules.ConfidenceOf(o.Claim))))
        {
            MissingContext = decided ? [] : allowing.SelectMany(o => o.Outcome.UnknownFacts).Select(f => f.Name).Distinct().ToList(),
        };
    }

    private bool IsPersistent(string type) => options.PersistentIdentifierTypes.Any(t => ontology.IsDataTypeUnder(type, t));

    // For negatives: one limited to a state ("we do not X while signed out") refutes a flow only when that state is shown.
    private ConditionOutcome Evaluate(Claim claim, TrafficContext context)
    {
        if (!_outcomes.TryGetValue(context, out var byClaim))
            _outcomes[context] = byClaim = new Dictionary<Claim, ConditionOutcome>(ReferenceEqualityComparer.Instance);
        if (!byClaim.TryGetValue(claim, out var outcome))
            byClaim[claim] = outcome = ConditionCheck.Evaluate(claim, context);
        return outcome;
    }

    private static double Score(ObservedItem item, double claimConfidence) =>
        Math.Round(Math.Min(item.Confidence, claimConfidence), 3);
}
