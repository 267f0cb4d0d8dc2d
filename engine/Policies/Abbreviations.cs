namespace Compliance.Engine.Policies;

/// <summary>Abbreviations that end in a full stop without ending the sentence, as policies use them.</summary>
internal static class Abbreviations
{
    // Always followed by more of the same sentence ("e.g. your name", "approx. 30 days", "Cal. Civ. Code").
    private static readonly HashSet<string> s_neverFinal = new(StringComparer.Ordinal)
    {
        "e.g", "i.e", "eg", "ie", "cf", "vs", "viz", "approx", "incl", "esp", "resp", "ca", "al",
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "Rev", "Hon", "Gen", "Capt",
        "Tel", "tel", "Ph", "Fax", "fax", "Mob", "Reg", "reg", "Ave", "Rd", "Blvd", "Bldg", "Ste", "Apt", "Dept", "Est",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "min", "max", "avg", "lit", "gem", "bzw", "z.B", "d.h", "u.a",
        "Cal", "Civ", "Stat", "Gov", "Bus", "Ann", "Regs", "Fed", "Pub", "Ct", "Cir", "Supp",
    };

    // Labels that a number follows ("No. 3", "Art. 6", "p. 12"); before anything else the stop is a full stop
    // ("Do we sell your data? No. We never do.").
    private static readonly HashSet<string> s_beforeNumber = new(StringComparer.Ordinal)
    {
        "No", "Nos", "no", "nos", "Art", "Arts", "art", "Sec", "Secs", "sec", "Sect", "Para", "para", "Paras",
        "Ch", "Chap", "ch", "Cl", "cl", "Fig", "fig", "Vol", "vol", "p", "pp", "Pt", "pt", "Nr", "nr", "Ziff", "Abs", "abs",
        "Ref", "ref", "Par", "par",
    };

    // Company forms, "etc." and units close a sentence when a capitalised word follows ("… Acme Inc. Acme
    // provides …") and sit inside one otherwise ("Acme Inc. and its affiliates", "Acme Inc. (the Company)").
    private static readonly HashSet<string> s_finalBeforeCapital = new(StringComparer.Ordinal)
    {
        "etc", "Inc", "Ltd", "Co", "Corp", "Cos", "LLC", "LLP", "Plc", "PLC", "plc", "Pty", "Bros", "Ltda",
        "B.V", "N.V", "S.A", "A.G", "S.p.A", "S.A.S", "S.L", "K.K", "S.r.l", "S.R.L", "Pte", "Pvt",
        "yrs", "hrs", "mins", "mos", "secs", "sq", "ft", "oz", "lb", "lbs", "kg", "km",
    };

    // Initialisms and times are followed by names as often as by new sentences ("U.S. Department of Commerce").
    private static readonly HashSet<string> s_maybeFinal = new(StringComparer.Ordinal)
    {
        "a.m", "p.m", "A.M", "P.M",
    };

    /// <summary>True when the text ends in an abbreviation's full stop ("Acme Inc.", "in the U.S."), which must stay.</summary>
    public static bool EndsWithAbbreviation(string text)
    {
        if (!text.EndsWith('.'))
            return false;
        var start = text.Length - 1;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '.'))
            start--;
        var token = text[start..^1];
        return token.Length > 0 && (IsNeverFinal(token) || IsBeforeNumber(token) || IsMaybeFinal(token) || (token.Length == 1 && char.IsUpper(token[0])));
    }

    public static bool IsNeverFinal(string token) =>
        s_neverFinal.Contains(token) || (token.Length >= 3 && char.IsUpper(token[0]) && s_neverFinal.Contains(token.ToLowerInvariant()));

    public static bool IsFinalBeforeCapital(string token) => s_finalBeforeCapital.Contains(token);

    public static bool IsBeforeNumber(string token) => s_beforeNumber.Contains(token);

    /// <summary>True for listed ones and for dotted initialisms such as U.S., U.K., B.V., S.A.</summary>
    public static bool IsMaybeFinal(string token) =>
        s_maybeFinal.Contains(token) || s_finalBeforeCapital.Contains(token) || IsDottedInitialism(token);

    private static bool IsDottedInitialism(string token)
    {
        if (token.Length < 3 || !token.Contains('.'))
            return false;
        foreach (var part in token.Split('.'))
        {
            if (part.Length is 0 or > 2 || !part.All(char.IsLetter))
                return false;
        }
        return true;
    }

    // Words that start sentences, never names: after an ambiguous abbreviation they tell "sentence ends here".
    private static readonly HashSet<string> s_sentenceStarters = new(StringComparer.Ordinal)
    {
        "A", "An", "The", "This", "That", "These", "Those", "We", "Our", "Us", "You", "Your", "It", "Its", "They",
        "Their", "He", "She", "His", "Her", "I", "My", "If", "When", "Where", "While", "Whether", "In", "On", "At",
        "For", "From", "By", "With", "Without", "To", "As", "Any", "All", "Some", "Each", "Every", "Such", "No", "Not",
        "Please", "There", "Here", "Unless", "Once", "After", "Before", "Also", "However", "Otherwise", "Who", "Which",
        "What", "Why", "How", "Note", "Since", "Because", "Although", "Though", "Even", "Only", "Upon", "Under",
        "Through", "Within", "During", "Both", "Either", "Neither", "Other", "Many", "Most", "Much", "More", "Several",
        "Further", "Finally", "First", "Second", "Third", "Then", "Thus", "Therefore", "Accordingly", "Additionally",
        "Moreover", "Yes", "Depending", "Subject", "So", "But", "And", "Or", "Nor", "Yet", "Do", "Does", "Did", "Is",
        "Are", "Was", "Were", "Can", "Could", "May", "Might", "Will", "Would", "Should", "Must", "Have", "Has",
    };

    public static bool IsSentenceStarter(string word) => s_sentenceStarters.Contains(word);

    // Lower-case words that join a name together ("Department of Commerce", "Marks and Spencer").
    private static readonly HashSet<string> s_nameJoiners = new(StringComparer.Ordinal)
    {
        "of", "and", "for", "de", "du", "der", "la", "le", "von", "van", "y", "&", "on", "in", "at", "the",
    };

    public static bool IsNameJoiner(string word) => s_nameJoiners.Contains(word);
}
