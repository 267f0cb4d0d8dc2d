namespace Compliance.Engine.Claims.Rules;

/// <summary>How a verb behaves: its plain action, or a class whose action depends on recipients and context.</summary>
public enum VerbKind
{
    Collect,
    Use,
    Share,
    Sell,
    Sync,
    Store,
    /// <summary>keep, retain, delete: retention unless the data is kept on the device.</summary>
    Retain,
    /// <summary>send, upload, report: collect when it goes to the vendor, share when to anyone else.</summary>
    Transmit,
    /// <summary>receive, access, see: collect by the vendor, share when a third party receives.</summary>
    Receive,
    /// <summary>transfer: transfer-abroad when a place abroad is named, share otherwise.</summary>
    Transfer,
    /// <summary>contain, include: the data is what follows the verb ("crash reports never contain your notes").</summary>
    Contain,
    /// <summary>A noun that looks like a verb ("app store"): never a practice.</summary>
    NotAVerb,
}

/// <summary>The verb forms that state a data practice, with the action each names.</summary>
public static class ActionLexicon
{
    private static readonly (VerbKind Kind, string[] Forms)[] s_verbs =
    [
        (VerbKind.Collect, ["collect", "collected", "collecting", "gather", "gathered", "gathering", "record", "recorded",
            "records", "obtain", "obtained", "capture", "captured", "track", "tracked", "we log", "logged", "ask for",
            "request", "requested", "learn about", "import", "imported", "need", "needs", "require", "requires", "set cookies", "sets cookies",
            "inspect", "inspects", "inspected", "streamed", "recognise", "recognises", "recognize", "recognizes", "detect", "detects", "assign", "assigns", "assigned",
            "we only know", "we know", "does not log", "do not log", "never log", "not logged", "we log"]),
        (VerbKind.Use, ["use", "used", "using", "process", "processed", "analyse", "analysed", "analyze", "analyzed",
            "derive", "derived", "monitor", "monitored", "scan", "scanned", "estimate", "estimated", "learn", "learns",
            "generated", "based on", "combine", "combined", "infer", "inferred", "match", "matched", "check", "checked",
            "personalise", "personalize", "determine", "determined", "compare", "compared", "verified", "verify", "predict",
            "predicts", "learned", "handled"]),
        (VerbKind.Share, ["share", "shared", "sharing", "disclose", "disclosed", "pass", "passed", "display", "displayed",
            "visible", "seen by", "publish", "published", "posted", "post your", "posts your", "post it", "make available", "made available",
            "provide to", "provided to", "give", "given", "show", "shows", "shown", "edited by", "hand over", "forwarded to your"]),
        (VerbKind.Sell, ["sell", "sold", "selling", "rent", "rented", "trade", "traded"]),
        (VerbKind.Sync, ["sync", "synced", "syncing", "synchronise", "synchronised", "synchronize", "synchronized"]),
        (VerbKind.Store, ["store", "stored", "storing", "save", "saved", "host", "hosted", "back up", "backed up", "at rest", "encrypted", "located", "run on", "runs on", "written to disk", "written to",
            "cache", "cached"]),
        (VerbKind.Retain, ["retain", "retained", "keep", "kept", "delete", "deleted", "erase", "erased", "purge", "purged",
            "remove", "removed", "overwritten", "wait on our servers"]),
        (VerbKind.Transmit, ["send", "sent", "sending", "upload", "uploaded", "transmit", "transmitted", "report", "reported",
            "forward", "forwarded", "submit", "submitted", "delivered", "stream", "streams"]),
        (VerbKind.Receive, ["receive", "received", "access", "accessed", "see", "read", "view", "can view"]),
        (VerbKind.Contain, ["contain", "contains", "contained", "carry", "carries", "include", "includes", "included"]),
        (VerbKind.NotAVerb, ["show you", "shows you", "show them", "location sharing", "data sharing", "screen sharing", "file sharing", "sharing settings",
            "right to access", "right to delete", "right to request", "right to receive", "right to obtain", "app store", "play store", "online store", "store credit", "records of processing", "data use",
            "terms of use", "use of", "access to", "right to access", "record of", "the right to", "in use", "do not use our",
            "do not use the", "not to use", "stop using", "use our services", "use our service", "using our services",
            "use the app", "using the app", "use our app", "you use", "you access", "you view", "you see", "you read", "you share",
            "you send", "you upload", "you save", "you store", "you post", "you record", "you delete", "you receive"]),
        (VerbKind.Transfer, ["transfer", "transferred", "transferring", "move", "moved"]),
    ];

    /// <summary>Every verb form, for clause splitting ("… and share it …" starts a new clause).</summary>
    public static IEnumerable<string> AllForms => s_verbs.Where(v => v.Kind != VerbKind.NotAVerb).SelectMany(v => v.Forms);

    public static PhraseMatcher CreateMatcher() =>
        new(s_verbs.SelectMany(v => v.Forms.Select(f => (f, v.Kind.ToString()))));

    public static string ActionOf(VerbKind kind) => kind switch
    {
        VerbKind.Collect or VerbKind.Transmit or VerbKind.Receive or VerbKind.Contain => "collect",
        VerbKind.Use => "use",
        VerbKind.Share => "share",
        VerbKind.Sell => "sell",
        VerbKind.Sync => "sync",
        VerbKind.Store => "store",
        VerbKind.Retain => "retain",
        VerbKind.Transfer => "share",
        _ => "collect",
    };
}
