using System.Text.RegularExpressions;
using Compliance.Engine.Traffic.Decoding;

namespace Compliance.Engine.Traffic.Detection;

/// <summary>
/// In-app activity in analytics payloads: screen, button, folder, file and level fields, and event
/// names that describe a user interaction (taps, screens, settings, launches).
/// </summary>
public sealed partial class AppActivityDetector : ValueDetector
{
    private static readonly Lexicon s_activityFields = Words(
        "screen", "screenname", "screenclass", "button", "buttonname", "tap", "click", "menu", "folder",
        "foldername", "file", "filename", "level", "levelname", "activityname", "viewname");
    private static readonly Lexicon s_eventFields = Words("event", "eventname", "evt", "ev", "en", "ea", "action", "eventtype", "eventaction");
    private static readonly Lexicon s_interactionWords = Words(
        "screen", "tap", "tapped", "click", "clicked", "button", "menu", "settings", "setting", "open", "opened", "launch",
        "launched", "swipe", "swiped", "scroll", "press", "pressed", "select", "selected", "level", "folder", "file",
        "toggle", "toggled", "start", "started", "close", "closed", "share", "shared", "dismiss", "dismissed");
    private static readonly Lexicon s_notActivity = Words("level", "loglevel", "zoom", "battery", "api", "sdk");

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9 _.:/-]{1,79}$")]
    private static partial Regex Label();

    public override DataItem? Inspect(PayloadValue value)
    {
        var v = value.Value.Trim();
        if (value.IsNumber || value.IsBoolean || value.Origin is ValueOrigin.UrlPath or ValueOrigin.Header || !Label().IsMatch(v))
            return null;
        if (v.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            return null;
        var compact = value.Name.Compact;
        if (value.Name.HasAny(s_activityFields) && !IsLogLevel(compact, v))
            return Item("app-activity", v, value, "app-activity", 0.8);
        var eventField = value.Name.HasAny(s_eventFields)
            || (compact is "n" or "name" or "en" or "t" && InEventObject(value));
        if (eventField && DescribesInteraction(v))
            return Item("app-activity", v, value, "app-activity", 0.75);
        return null;
    }

    private static bool InEventObject(PayloadValue value)
    {
        foreach (var t in value.Trail)
            if (t.Text.StartsWith("ev", StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

    /// <summary>Event names repeat in every batch an SDK sends: each is split into words once.</summary>
    private readonly Dictionary<string, bool> _interactions = new(StringComparer.Ordinal);

    private bool DescribesInteraction(string label)
    {
        if (_interactions.TryGetValue(label, out var known))
            return known;
        var result = false;
        foreach (var word in FieldWords.Split(label))
            result |= s_interactionWords.Contains(word);
        if (_interactions.Count < 10_000)
            _interactions[label] = result;
        return result;
    }

    private static bool IsLogLevel(string compact, string v) =>
        s_notActivity.Contains(compact) && v.ToLowerInvariant() is "debug" or "info" or "warn" or "warning" or "error" or "verbose" or "trace";
}
