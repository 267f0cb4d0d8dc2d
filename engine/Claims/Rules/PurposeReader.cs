using System.Text.RegularExpressions;

namespace Compliance.Engine.Claims.Rules;

/// <summary>Reads the purposes a clause gives for a practice (ONTOLOGY.md "Purposes") from keyword cues.</summary>
public static partial class PurposeReader
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly (string Id, Regex Cue)[] s_cues =
    [
        ("analytics", new Regex(@"\b(analytics|understand how|measure (the )?(audience|how|usage|performance|their performance)|audience measurement|plan (our )?inventory|statistics about|usage trends|analy[sz]e (how|usage|trends)|improve (the|our) (\w+ )?(store|products?|services?))\b", Options)),
        ("advertising", new Regex(@"\b(ads|ad|advertising(?! id)(?! identifier)|advertisements?|marketing|targeted|offers|campaigns|ad targeting|promotions?|newsletters?)\b", Options)),
        ("personalization", new Regex(@"\b(recommend\w*|personali[sz]\w*|tailor\w*|customi[sz]e\w*|local news|similar content|relevant to you|your interests|improve suggestions)\b", Options)),
        ("functionality", new Regex(@"\b(to provide|provide (the|our|you)|to deliver|deliver (updates|compatible|your)|to run|to operate|so that you can|so you can|so they can|to sync|to save|to show (the|nearby|local|you the)|sign you in|recover your|to calculate|to convert|to process your|to help you|to enable|to keep you signed in|remember|to ship|ship your|to verify warranty|to apply|to find|to connect|necessary|to restore|to reinstall|to send you|to display|to make (the|our) \w+ work|to complete|to fulfil|to fulfill|to support|backup|to back up|to improve search)\b", Options)),
        ("security", new Regex(@"\b(secur\w*|fraud|abuse|malware|cheat\w*|harass\w*|verify (your|the) (identity|account)|verify your|prevent\w*|protect\w*|banned|investigat\w*|spam|safety|dangerous)\b", Options)),
        ("performance", new Regex(@"\b(performance(?! of (our )?(ads|campaigns))(?! diagnostics)|to diagnose|diagnose|fix crashes|improve the (\w+ )?(browser|app|service|software)|speed up|connectivity|reliab\w*|troubleshoot\w*|bugs?|stability)\b", Options)),
        ("research", new Regex(@"\b(research|stud(y|ies)|scientific)\b", Options)),
        ("legal", new Regex(@"\b(law|laws|legal(ly)?|tax|regulat\w*|court|comply|compliance|obligations?|legitimate request|required by)\b", Options)),
    ];

    public static SortedSet<string> Read(string text)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (id, cue) in s_cues)
        {
            if (cue.IsMatch(text))
                found.Add(id);
        }
        return found;
    }
}
