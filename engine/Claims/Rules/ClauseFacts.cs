namespace Compliance.Engine.Claims.Rules;

/// <summary>The cues of one clause: conditions, qualifiers and purposes it states, and whether it overrides a negation.</summary>
public sealed record ClauseFacts(
    SortedSet<string> Conditions,
    SortedSet<string> Qualifiers,
    SortedSet<string> Purposes,
    bool Exception)
{
    public static ClauseFacts Read(string clause) => new(
        ConditionReader.Read(clause),
        QualifierReader.Read(clause),
        PurposeReader.Read(clause),
        ExceptionCue.IsMatch(clause));

    // "We will not X unless Y", "never … without your consent", "only when": a conditional affirmative.
    private static readonly System.Text.RegularExpressions.Regex ExceptionCue = new(
        @"\b(unless|until|without|except (when|if|with|where|as)|only (when|if|while|after|once|with|for as long)|other than (when|with))\b",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant
        | System.Text.RegularExpressions.RegexOptions.Compiled);

    public void AddTo(ClaimDraft draft)
    {
        draft.Conditions.UnionWith(Conditions);
        draft.Qualifiers.UnionWith(Qualifiers);
        draft.Purposes.UnionWith(Purposes);
    }
}
