namespace Compliance.Engine.Claims.Rules;

/// <summary>
/// Decides a clause's action and recipients from the verb's kind and the recipients named before
/// (the subject) and after the verb: "advertising partners receive …" is a share to advertisers,
/// "our SDK partners collect … directly" a collect by them, "sent to our servers" a collect.
/// </summary>
public static class RecipientRules
{
    public static (string Action, List<string> Recipients) Resolve(
        ClauseVocabulary vocabulary, VerbKind kind, string folded, PhraseMatch verb, List<PhraseMatch> named, bool ownGroup)
    {
        var subject = Distinct(named.Where(r => r.End <= verb.Start).Select(r => r.TermId).Where(r => r != "first-party"));
        var objects = Distinct(named.Where(r => r.Start >= verb.End).Select(r => r.TermId));
        var all = Distinct(named.Select(r => r.TermId));
        var outside = all.Where(r => r != "first-party").ToList();
        var byOthers = folded.Contains(" by ", StringComparison.Ordinal) ? objects.Where(r => r != "first-party").ToList() : [];
        var serviceProvider = all.Contains("service-provider");

        switch (kind)
        {
            case VerbKind.Share:
            case VerbKind.Sell:
                return (ActionLexicon.ActionOf(kind), SharedWith(outside, all, ownGroup));
            case VerbKind.Receive:
                if (subject.Count > 0)
                    return ("share", subject);
                // "Merchants receive your name", "your doctor can see …": a party that is neither the vendor
                // nor its product receiving data is a third party.
                return OtherPartySubject(folded[..verb.Start]) ? ("share", ["third-party"]) : ("collect", ["first-party"]);
            case VerbKind.Collect:
                return subject.Count > 0 ? ("collect", subject) : ("collect", ["first-party"]);
            case VerbKind.Transmit when folded[verb.End..].StartsWith(" you ", StringComparison.Ordinal):
                // "we send you marketing emails" uses the data to reach the user; nothing is collected.
                return ("use", ["first-party"]);
            case VerbKind.Transmit:
                var to = objects.Where(r => r != "first-party").ToList();
                return to.Count > 0 ? ("share", to) : ("collect", ["first-party"]);
            case VerbKind.Transfer:
                var abroad = RegionReader.SpeaksOfAbroad(folded) || RegionReader.NamesPlace(folded);
                if (abroad)
                    return ("transfer-abroad", all.Count > 0 ? all : ["first-party"]);
                return ("share", SharedWith(outside, all, ownGroup));
            case VerbKind.Use when byOthers.Count > 0:
                return ("share", byOthers);
            case VerbKind.Use when named.Any(r => r.TermId != "first-party" && r.Start >= verb.End && r.Start - verb.End <= 6):
                // "relies on Amplitude, a product-analytics firm, …": the vendor hands data to that party.
                return ("share", objects.Where(r => r != "first-party").ToList());
            case VerbKind.Use when subject.Count > 0:
                return ("share", subject);
            default:
                if (serviceProvider)
                    return (ActionLexicon.ActionOf(kind), ["service-provider"]);
                if (subject.Count > 0)
                    return (ActionLexicon.ActionOf(kind), subject);
                var stored = outside.Where(vocabulary.IsThirdPartyFamily).ToList();
                return (ActionLexicon.ActionOf(kind), kind is VerbKind.Store or VerbKind.Sync && stored.Count > 0 ? stored : ["first-party"]);
        }
    }

    private static readonly System.Text.RegularExpressions.Regex s_ownSubject = new(
        @"\b(we|us|our|app|apps|browser|service|services|tv|device|devices|servers?|software|feature|system|phone|watch|camera|speaker|client|platform|website|site|product|products|team|staff|employees|engineers|moderators|reviewers|it|i)\b",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.Compiled);

    private static readonly System.Text.RegularExpressions.Regex s_partyNoun = new(
        @"\b(they|sponsors?|coaches|doctors?|merchants?|businesses|business|recipients|sellers?|buyers?|developers|publishers|employers?|insurers?|partners?|providers?|manufacturers?|members|users|players|people|followers|contacts|friends|family|parents|teachers|caregivers?|recruiters|administrators|admins|anyone|everyone|others|agencies|banks?|retailers|advertisers|authorities)\b",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.Compiled);

    private static bool OtherPartySubject(string prefix) =>
        s_partyNoun.IsMatch(prefix) && !s_ownSubject.IsMatch(prefix.Replace(" with the ", " ", StringComparison.Ordinal));

    private static List<string> SharedWith(List<string> outside, List<string> all, bool ownGroup)
    {
        if (ownGroup || (outside.Count == 0 && all.Contains("first-party")))
            return ["first-party"];
        return outside.Count > 0 ? outside : ["third-party"];
    }

    private static List<string> Distinct(IEnumerable<string> ids) => ids.Distinct(StringComparer.Ordinal).ToList();
}
