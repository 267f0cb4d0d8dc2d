using System.Globalization;
using Compliance.Engine.Claims;
using Compliance.Engine.Ontology;

namespace Compliance.Engine.Matching;

/// <summary>Plain-language pieces of explanations: data types and recipients in words, quotes, masked values.</summary>
internal static class Wording
{
    private static readonly Dictionary<string, string> s_dataTypes = new(StringComparer.Ordinal)
    {
        ["personal-data"] = "personal information", ["identifiers"] = "identifiers", ["device-id"] = "device identifiers",
        ["imei"] = "the IMEI", ["android-id"] = "the Android ID", ["serial-number"] = "the serial number",
        ["mac-address"] = "the MAC address", ["advertising-id"] = "the advertising ID", ["account-id"] = "the account ID",
        ["ip-address"] = "the IP address", ["cookie-id"] = "an install or cookie ID", ["contact-info"] = "contact details",
        ["email-address"] = "the email address", ["phone-number"] = "the phone number", ["name"] = "the user's name",
        ["postal-address"] = "the postal address", ["location"] = "location", ["precise-location"] = "the precise GPS location",
        ["coarse-location"] = "the approximate location", ["browsing-data"] = "browsing data", ["browsing-history"] = "browsing history",
        ["search-query"] = "search queries", ["viewed-content"] = "viewed content", ["app-usage"] = "app usage",
        ["app-activity"] = "app activity", ["installed-apps"] = "the list of installed apps", ["media-usage"] = "what was watched or played",
        ["device-info"] = "device information", ["os-version"] = "the OS version", ["device-model"] = "the device model",
        ["network-info"] = "network details", ["usage-statistics"] = "usage statistics", ["user-content"] = "user content",
        ["contacts"] = "address-book contacts", ["messages"] = "messages", ["photos"] = "photos and recordings",
        ["health-data"] = "health data", ["financial-data"] = "financial data",
    };

    private static readonly Dictionary<string, string> s_recipients = new(StringComparer.Ordinal)
    {
        ["first-party"] = "the vendor itself", ["service-provider"] = "a service provider", ["third-party"] = "a third party",
        ["advertiser"] = "an advertiser", ["analytics-provider"] = "an analytics provider", ["social-network"] = "a social network",
        ["data-broker"] = "a data broker", ["government"] = "a public authority",
    };

    public static string DataType(OntologyModel ontology, string type) =>
        s_dataTypes.TryGetValue(type, out var words) ? words
        : ontology.DataType(type)?.Synonyms.FirstOrDefault() ?? type.Replace('-', ' ');

    private static readonly HashSet<string> s_plural = new(StringComparer.Ordinal)
    {
        "identifiers", "device-id", "contact-info", "search-query", "network-info", "usage-statistics", "contacts",
        "messages", "photos",
    };

    /// <summary>"was" or "were", to agree with <see cref="DataType"/>'s words.</summary>
    public static string Was(string type) => s_plural.Contains(type) ? "were" : "was";

    public static string Recipient(string recipient) =>
        s_recipients.TryGetValue(recipient, out var words) ? words : recipient.Replace('-', ' ');

    public static string Document(DocumentRef document) =>
        !string.IsNullOrWhiteSpace(document.Title) ? document.Title.Trim()
        : document.Kind switch
        {
            DocumentKind.PrivacyPolicy => "privacy policy",
            DocumentKind.PublicStatement => "public statement",
            DocumentKind.HelpPage => "help page",
            _ => "other document",
        };

    public static string Capitalised(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    public static string Country(string code)
    {
        var upper = code.Trim().ToUpperInvariant();
        if (upper is "EU" or "EEA")
            return upper == "EU" ? "the EU" : "the EEA";
        try
        {
            return new RegionInfo(upper).EnglishName;
        }
        catch (ArgumentException)
        {
            return upper;
        }
    }

    public static string Quote(Claim claim, int max = 220)
    {
        // The sentence's own full stop goes: the explanation closes its sentence after the quote.
        var text = claim.Sentence.Trim().TrimEnd('.');
        if (text.Length > max)
            text = text[..max].TrimEnd() + "…";
        return $"“{text}”";
    }

    public static string Requests(int count) => count == 1 ? "in 1 request" : $"in {count} requests";

    public static string JoinAnd(IReadOnlyList<string> parts) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        _ => string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1],
    };

    /// <summary>Keeps the first and last few characters of an identifier: 535690849e7a6ded → 5356••••6ded.</summary>
    public static string Mask(string value)
    {
        var v = value.Trim();
        var keep = Math.Min(4, v.Length / 4);
        return keep == 0 ? "••••" : v[..keep] + "••••" + v[^keep..];
    }

    public static string Cut(string value, int max) => value.Length <= max ? value : value[..max] + "…";
}
