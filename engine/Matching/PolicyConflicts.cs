using Compliance.Engine.Claims;
using Compliance.Engine.Ontology;

namespace Compliance.Engine.Matching;

/// <summary>A pair of claims of the documents that cannot both be true, for one data type and recipient.</summary>
internal sealed record Conflict(string DataType, string Recipient, Claim Affirmative, Claim Negative);

/// <summary>
/// PolicyLint-style contradictions: an unconditional, unqualified affirmative and a negative whose data type,
/// recipient and action reach it (the negative equal to or broader than the affirmative). A broader affirmative
/// and a narrower negative ("we collect identifiers" / "we do not collect the IMEI") is an exception, not a conflict.
/// </summary>
internal static class PolicyConflicts
{
    public static IReadOnlyList<Conflict> Find(OntologyModel ontology, IReadOnlyList<Claim> claims)
    {
        var affirmatives = claims.Where(c => c.Polarity == Polarity.Affirmative && c.Conditions.Count == 0 && c.Qualifiers.Count == 0).ToList();
        var negatives = claims.Where(c => c.Polarity == Polarity.Negative && c.Conditions.Count == 0).ToList();
        var result = new List<Conflict>();
        foreach (var affirmative in affirmatives)
        foreach (var negative in negatives)
        {
            if (!ClaimRules.Implies(affirmative.Action, negative.Action))
                continue;
            var types = affirmative.DataTypes.Where(t => negative.DataTypes.Any(n => ontology.IsDataTypeUnder(t, n))).ToList();
            var recipients = ClaimRules.Recipients(affirmative)
                .Where(r => ClaimRules.Recipients(negative).Any(n => ontology.IsRecipientUnder(r, n))).ToList();
            foreach (var type in types)
            foreach (var recipient in recipients)
                result.Add(new Conflict(type, recipient, affirmative, negative));
        }
        return result;
    }
}
