using Compliance.Engine.Traffic.Decoding;

namespace Compliance.Engine.Traffic.Detection;

/// <summary>
/// Data types told by the meaning of the field names around a value: usage statistics (crash,
/// memory, performance figures), network info, health data and media usage.
/// </summary>
public sealed class FieldSemanticsDetector : ValueDetector
{
    private static readonly Lexicon s_usage = Words(
        "crash", "crashes", "anr", "exception", "stacktrace", "backtrace", "heap", "mem", "memory", "cpu", "fps", "jank",
        "latency", "perf", "performance", "metrics", "oom", "uptime", "pss", "p50", "p90", "p95", "p99", "paint", "ttfb", "frames");
    // "network" and "connection" alone are too generic (ad networks, keep-alive): only their compound names count.
    private static readonly Lexicon s_network = Words(
        "carrier", "carriername", "wifi", "radio", "ssid", "bssid", "cellular", "mcc", "mnc", "networktype", "connectiontype",
        "nettype", "conntype", "celltype", "networkoperator", "networkoperatorname", "simoperator", "operatorname", "isp", "networkclass");
    private static readonly Lexicon s_health = Words(
        "heartrate", "heart", "hr", "bpm", "stepcount", "dailysteps", "calories", "kcal", "sleep", "spo2", "glucose", "bloodpressure",
        "cadence", "vo2max", "pulse", "menstrual", "bmi", "hrv");
    // Ambiguous words ("onboarding_steps") count only as the whole field name.
    private static readonly Lexicon s_healthExact = Words("steps", "weight", "bodyweight", "bodyfat");
    private static readonly Lexicon s_media = Words(
        "programme", "song", "artist", "album", "episode", "playlist", "playback", "watched", "nowplaying", "video",
        "videotitle", "mediatitle", "tvshow", "movie", "programtitle", "programmetitle", "channelname", "tvchannel",
        "channeltitle", "currentchannel", "showtitle", "seriestitle", "episodetitle", "contenttitle",
        "trackname", "tracktitle", "songtitle", "moviename", "stationname", "nowwatching");
    // Words too generic among others ("loyalty_program", "time_series"), clear as the whole name.
    private static readonly Lexicon s_mediaExact = Words("program", "series", "broadcaster", "watching", "station");
    // Words too generic among others ("operator_id"), clear as the whole name.
    private static readonly Lexicon s_networkExact = Words("operator", "mobileoperator", "networkname", "simoperatorname", "networkprovider", "telco");
    private static readonly Lexicon s_notNetwork = Words("version", "ver", "sdk", "lib", "timeout", "retries", "url", "host");

    public override DataItem? Inspect(PayloadValue value)
    {
        var v = value.Value.Trim();
        if (v.Length == 0 || value.Origin == ValueOrigin.UrlPath)
            return null;
        if ((value.Name.HasAny(s_network) || value.Name.Is(s_networkExact)) && !value.Name.HasAny(s_notNetwork))
            return Item("network-info", v, value, "field-name", 0.75);
        if ((TrailHasAny(value, s_health) || TrailHasExact(value)) && (value.IsNumber || HasDigit(v)))
            return Item("health-data", v, value, "field-name", 0.75);
        if (TrailHasAny(value, s_usage) && !value.IsBoolean)
            return Item("usage-statistics", v, value, "field-name", 0.7);
        if ((value.Name.HasAny(s_media) || value.Name.Is(s_mediaExact)) && !value.IsNumber && !value.IsBoolean && Has(v, char.IsLetter))
            return Item("media-usage", v, value, "field-name", 0.7);
        return null;
    }

    private static bool TrailHasExact(PayloadValue value)
    {
        foreach (var n in value.Trail)
            if (n.Is(s_healthExact))
                return true;
        return false;
    }
}
