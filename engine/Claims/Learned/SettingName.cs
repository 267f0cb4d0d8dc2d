using System.Text;

namespace Compliance.Engine.Claims.Learned;

/// <summary>
/// The name of the setting a condition phrase depends on, read from how settings are written: the last step of
/// a menu path ("Settings &gt; Privacy &gt; Share Usage Data"), a quoted label, a run of capitalised words, or
/// the words after a switching verb; then in the lower-case hyphenated form of ONTOLOGY.md, with the common
/// kinds (sync, backup, diagnostics, personalized-ads, location-history, search-suggestions) under one name.
/// </summary>
public static class SettingName
{
    private const int MaxWords = 5;

    // Capitalised words that open a sentence or name where a switch lives, not the switch itself.
    private static readonly HashSet<string> s_notNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "if", "when", "whenever", "unless", "until", "only", "while", "once", "after", "with", "your", "the", "our", "you", "we",
        "settings", "setting", "preferences", "privacy", "account", "menu", "app", "options", "profile", "control", "center",
        "centre", "dashboard", "i", "a", "an", "by", "in", "under", "this", "that", "as", "long",
    };

    private static readonly HashSet<string> s_joiners = new(StringComparer.OrdinalIgnoreCase) { "of", "and", "&", "for", "to", "-", "my" };

    private static readonly string[] s_switchVerbs =
    [
        "turn on", "turn off", "turns on", "turns off", "turned on", "turned off", "switch on", "switch off", "switched on",
        "switched off", "enable", "enables", "enabled", "disable", "disables", "disabled", "opt out of", "opt in to",
        "opt into", "activate", "activated", "deactivate", "deactivated", "toggle on", "toggle off", "allow", "uncheck",
        "untick", "check", "tick",
    ];

    private static readonly HashSet<string> s_stopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "at", "from", "on", "for", "under", "and", "or", "so", "to", "if", "when", "which", "that", "by", "we", "you",
        "is", "are", "it", "this", "then", "via", "through", "within", "of", "us", "them", "these", "those", "any",
    };

    private static readonly HashSet<string> s_determiners = new(StringComparer.OrdinalIgnoreCase) { "the", "your", "our", "this", "a", "an", "its", "their" };

    private static readonly string[] s_genericTail = ["setting", "settings", "option", "options", "toggle", "switch", "feature", "features", "preference", "preferences"];

    /// <summary>The setting's name, or null when the phrase names none.</summary>
    public static string? Of(string phrase)
    {
        // The label a switching verb names comes first ("switch off Tailored Offers under Settings > Account": the menu
        // path there only says where the switch lives); then a quoted label, a menu path's last step, capitals.
        var raw = Quoted(phrase) ?? AfterSwitch(phrase) ?? MenuPath(phrase) ?? Capitalised(phrase);
        if (raw is null)
            return null;
        var id = Kebab(raw);
        return id.Length < 2 ? null : Common(id);
    }

    private static string? MenuPath(string phrase)
    {
        foreach (var separator in new[] { '>', '→', '›' })
        {
            var parts = phrase.Split(separator);
            if (parts.Length < 2)
                continue;
            var last = parts[^1].Trim();
            var words = last.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // The last step runs until the first word that is not part of a label.
            var kept = words.TakeWhile((w, i) => i == 0 || char.IsUpper(w[0]) || char.IsDigit(w[0]) || s_joiners.Contains(w)).Take(MaxWords);
            var name = string.Join(' ', kept).Trim(' ', '.', ',', ';', ':', '\'', '"', '‘', '’', '“', '”', ')');
            if (name.Length > 1)
                return name;
        }
        return null;
    }

    private static string? Quoted(string phrase)
    {
        foreach (var (open, close) in new[] { ('\'', '\''), ('"', '"'), ('‘', '’'), ('“', '”') })
        {
            var start = phrase.IndexOf(open);
            while (start >= 0)
            {
                // An apostrophe inside a word ("don't") does not open a quote.
                if (open == '\'' && start > 0 && char.IsLetter(phrase[start - 1]))
                {
                    start = phrase.IndexOf(open, start + 1);
                    continue;
                }
                var end = phrase.IndexOf(close, start + 1);
                if (end > start + 1 && end - start <= 60)
                    return phrase[(start + 1)..end];
                break;
            }
        }
        return null;
    }

    private static string? Capitalised(string phrase)
    {
        var words = phrase.Split([' ', ',', ';', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
        var run = new List<string>();
        for (var i = 0; i <= words.Length; i++)
        {
            var word = i < words.Length ? words[i].Trim('.', ':', '\'', '"') : "";
            var capital = word.Length > 0 && (char.IsUpper(word[0]) || char.IsDigit(word[0])) && !s_notNames.Contains(word);
            if (capital || (run.Count > 0 && s_joiners.Contains(word) && i + 1 < words.Length && char.IsUpper(words[i + 1][0])))
            {
                run.Add(word);
                continue;
            }
            if (run.Count > 0)
                return string.Join(' ', run.Take(MaxWords));
        }
        return null;
    }

    private static string? AfterSwitch(string phrase)
    {
        var lower = " " + phrase.ToLowerInvariant() + " ";
        foreach (var verb in s_switchVerbs)
        {
            var at = lower.IndexOf(" " + verb + " ", StringComparison.Ordinal);
            if (at < 0)
                continue;
            var rest = lower[(at + verb.Length + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => w.Trim('.', ',', ';', ':', '\'', '"'))
                .SkipWhile(s_determiners.Contains)
                .TakeWhile(w => w.Length > 0 && !s_stopWords.Contains(w) && w is not (">" or "→" or "›"))
                .Take(MaxWords)
                .ToList();
            // "turn on the setting in Settings > Sync": words that only say "a setting" name none.
            // "switch off Settings > Privacy > X": the switched words are a menu path, read as one.
            if (rest.Count > 0 && s_notNames.Contains(rest[0]))
                return null;
            if (rest.Count > 0 && !rest.All(w => s_genericTail.Contains(w) || s_notNames.Contains(w)))
                return string.Join(' ', rest);
        }
        return null;
    }

    private static string Kebab(string raw)
    {
        var builder = new StringBuilder();
        foreach (var c in raw.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
                builder.Append(c);
            else if (c != '\'' && c != '’' && builder.Length > 0 && builder[^1] != '-')
                builder.Append('-');
        }
        var parts = builder.ToString().Trim('-').Split('-', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (parts.Count > 1 && s_genericTail.Contains(parts[^1]))
            parts.RemoveAt(parts.Count - 1);
        return string.Join('-', parts);
    }

    // The common kinds keep one name whatever a product calls them (ONTOLOGY.md, reading conventions).
    private static string Common(string id)
    {
        bool Has(string part) => id.Contains(part, StringComparison.Ordinal);
        if (Has("sync"))
            return "sync";
        if (Has("backup") || Has("back-up"))
            return "backup";
        if (Has("location-history"))
            return "location-history";
        if ((Has("ads") || Has("advertising") || id.StartsWith("ad-", StringComparison.Ordinal)) &&
            (Has("personali") || Has("interest") || Has("targeted") || Has("tailored") || Has("relevant")))
            return "personalized-ads";
        if (Has("search") && Has("suggest"))
            return "search-suggestions";
        if (Has("diagnos") || Has("telemetry") || Has("usage-stat") || Has("usage-data") || Has("crash-report") || Has("help-improve")
            || Has("usage-report") || Has("analytics-sharing") || Has("share-analytics") || Has("improvement-program"))
            return "diagnostics";
        return id;
    }
}
