using System.Text.RegularExpressions;

namespace Compliance.Engine.Claims.Rules;

/// <summary>
/// Reads the conditions a clause puts on a practice (ONTOLOGY.md "Conditions"). Works on the original text
/// because setting names are read from capitalisation and quotes.
/// </summary>
public static partial class ConditionReader
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\b(incognito|private (mode|browsing|window|tab)s?|in private)\b", Options)]
    private static partial Regex PrivateMode();

    [GeneratedRegex(@"(?<!keep you |keeps you |stay |remain )\b(signed|logged) (in|into)\b|\b(if|when|while|once|after|unless|only if|as long as) you(?: are| re|'re)? (sign|log)(ged)? (in|into)\b(?! with (facebook|google|apple|twitter|steam|microsoft|a social))|\bwithout (an |a |your )?(\w+ )?(account|log-?in|signing in|logging in)\b|\bwhile (you are |you're )?(signed|logged) out\b", Options)]
    private static partial Regex SignedIn();

    [GeneratedRegex(@"\b(opt(ed|s)?[- ]in|if you (join|sign up for|subscribe|enrol|enroll|participate)|agree to (join|participate|take part)|you (can )?choose to (upload|link|connect|enable|join|participate)|if you (link|connect) |unless you subscribe|until you subscribe|when you subscribe|if you subscribe)", Options)]
    private static partial Regex OptIn();

    [GeneratedRegex(@"\b(with your (prior |explicit )?(consent|permission|agreement|authori[sz]ation)|without your (prior |explicit )?(consent|permission|agreement)|if you (allow|consent|agree|grant|give (us )?(your )?(permission|consent)|accept)|unless you (consent|agree|allow|accept)|until you (agree|consent|accept|allow)|you (have )?(consented|allowed|granted)|(ask|asks|asking) for your (permission|consent)|subject to your consent|once you (agree|consent|accept|allow)|when you (agree|consent|accept|allow)|only if you (agree|consent|allow|accept)|(unless|until|if|once|when|after) you (give|grant|provide) (us )?(your )?(explicit |prior )?(consent|permission))", Options)]
    private static partial Regex Consent();

    [GeneratedRegex(@"\b(while|when|whenever|as long as|only if|only while) (the |our |this )?(\w+ )?app is (open|in use|running|active|in the foreground)|\bin the foreground\b|\bwhile (you are|you re|you're) using (the|our|this) (\w+ )?app|\bwhile you use (the|our|this) (\w+ )?app", Options)]
    private static partial Regex AppInUse();

    [GeneratedRegex(@"\b(when|if|after|once|whenever) you (tap|click|press|type|enter|search|choose to|decide to|contact|report|submit|ask|request|share|send|start|call|chat|use voice|use the voice|give feedback|record|take)\b|\b(people|person|contacts|friends|those) you (choose|select)\b|\b(requests?|request) it\b|\bthat you (start|started|initiate|initiated)\b|\bunless you choose to\b|\bat your request\b|\byou (explicitly )?(ask|request)\b", Options)]
    private static partial Regex UserInitiated();

    /// <summary>The conditions a clause states; <paramref name="text"/> is the clause in its original case.</summary>
    public static SortedSet<string> Read(string text)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        if (PrivateMode().IsMatch(text))
            found.Add("not-private-mode");
        if (SignedIn().IsMatch(text))
            found.Add("signed-in");
        var optIn = OptIn().IsMatch(text);
        if (optIn)
            found.Add("opt-in");
        if (!optIn && Consent().IsMatch(text))
            found.Add("consent");
        if (AppInUse().IsMatch(text))
            found.Add("app-in-use");
        if (!optIn && UserInitiated().IsMatch(text))
            found.Add("user-initiated");
        foreach (var setting in SettingReader.Read(text))
            found.Add("setting-enabled:" + setting);
        return found;
    }
}
