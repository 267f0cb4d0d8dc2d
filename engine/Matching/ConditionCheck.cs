using System.Globalization;
using Compliance.Engine.Claims;
using Compliance.Engine.Traffic;

namespace Compliance.Engine.Matching;

internal enum FactState
{
    True,
    False,
    Unknown,
}

/// <summary>A context fact a condition depends on: its name in the context ("settings.sync") and its state.</summary>
internal sealed record ContextFact(string Name, FactState State, string WhenFalse);

/// <summary>A claim's conditions against one flow's context: false if any condition is shown false.</summary>
internal sealed record ConditionOutcome(FactState State, IReadOnlyList<ContextFact> Facts)
{
    public IEnumerable<ContextFact> FalseFacts => Facts.Where(f => f.State == FactState.False);
    public IEnumerable<ContextFact> UnknownFacts => Facts.Where(f => f.State == FactState.Unknown);
}

/// <summary>Checks ontology conditions against a traffic context; unknown never counts as false.</summary>
internal static class ConditionCheck
{
    public static ConditionOutcome Evaluate(Claim claim, TrafficContext context)
    {
        if (claim.Conditions.Count == 0)
            return new ConditionOutcome(FactState.True, []);
        var facts = claim.Conditions.Select(c => Fact(c, context)).ToList();
        var state = facts.Any(f => f.State == FactState.False) ? FactState.False
            : facts.Any(f => f.State == FactState.Unknown) ? FactState.Unknown
            : FactState.True;
        return new ConditionOutcome(state, facts);
    }

    public static ContextFact Fact(string condition, TrafficContext context)
    {
        var (kind, name) = Split(condition);
        return kind switch
        {
            "consent" => new("consent", ConsentState(context.Consent), "consent had been declined"),
            "signed-in" => new("signedIn", From(context.SignedIn), "the user was signed out"),
            "not-private-mode" => new("privateMode", From(!context.PrivateMode), "the browser was in private mode"),
            "app-in-use" => new("foreground", From(context.Foreground), "the app was in the background"),
            "setting-enabled" or "opt-in" when name.Length > 0 =>
                new($"settings.{name}", From(Setting(context, name)), $"{SettingWords(name)} was off"),
            // Whether the user asked for it (or opted in, unnamed) is never recorded in a capture's context.
            _ => new(condition, FactState.Unknown, condition),
        };
    }

    private static (string Kind, string Name) Split(string condition)
    {
        var colon = condition.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (condition, "") : (condition[..colon], condition[(colon + 1)..].Trim());
    }

    private static FactState From(bool? value) => value switch
    {
        true => FactState.True,
        false => FactState.False,
        null => FactState.Unknown,
    };

    private static FactState ConsentState(string? consent) => consent?.Trim().ToLowerInvariant() switch
    {
        "granted" or "given" or "accepted" or "yes" or "true" => FactState.True,
        "declined" or "denied" or "rejected" or "withdrawn" or "refused" or "no" or "false" => FactState.False,
        _ => FactState.Unknown,
    };

    // Setting names are written freely ("search-suggestions", "search_suggestions", "SearchSuggestions").
    private static bool? Setting(TrafficContext context, string name)
    {
        var exact = context.Setting(name);
        if (exact is not null || context.Settings is null)
            return exact;
        var wanted = Squash(name);
        var key = context.Settings.Keys.Order(StringComparer.Ordinal).FirstOrDefault(k => Squash(k) == wanted);
        return key is null ? null : context.Setting(key);
    }

    private static string Squash(string name) =>
        new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    public static string SettingWords(string name)
    {
        var words = name.Replace('-', ' ').Replace('_', ' ').Trim();
        return words.Length == 0 ? name : char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
    }
}
