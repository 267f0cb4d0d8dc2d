using Compliance.Engine.Traffic.Decoding;

namespace Compliance.Engine.Traffic.Detection;

/// <summary>
/// A person's name and postal address, told by explicit field names ("first_name", "street_address");
/// a bare "name" or "address" says too little (event names, IP and e-mail addresses) and is left alone.
/// </summary>
public sealed class PersonalDetailsDetector : ValueDetector
{
    private static readonly Lexicon s_nameFields = Words(
        "firstname", "lastname", "fullname", "givenname", "familyname", "surname", "forename", "middlename", "realname",
        "legalname", "customername", "cardholdername", "holdername", "recipientname", "billingname", "shippingname");
    // A bare "name" is a person's name inside an object about a person, and only with a first and a last name.
    private static readonly Lexicon s_personObjects = Words(
        "requester", "customer", "profile", "author", "sender", "recipient", "owner", "member", "billing", "shipping",
        "cardholder", "patient", "driver", "passenger", "guest", "buyer", "payer", "contactperson", "accountholder", "user");
    private static readonly Lexicon s_addressFields = Words(
        "streetaddress", "street", "address1", "address2", "addressline1", "addressline2", "addressline", "postaladdress",
        "homeaddress", "billingaddress", "shippingaddress", "deliveryaddress", "mailingaddress", "streetname", "housenumber");
    private static readonly Lexicon s_notPostal = Words(
        "ip", "ipv4", "ipv6", "mac", "email", "mail", "bluetooth", "bt", "wifi", "server", "host", "remote", "local", "wallet",
        "url", "web", "memory", "gateway", "router", "contract", "node", "peer", "proxy", "dns", "hardware", "bssid");

    public override DataItem? Inspect(PayloadValue value)
    {
        if (value.IsNumber || value.IsBoolean || value.Origin == ValueOrigin.UrlPath || value.Field.Length == 0)
            return null;
        var v = value.Value.Trim();
        if (v.Length is < 2 or > 120)
            return null;
        var compact = value.Name.Compact;
        if (value.Name.Is(s_nameFields) && LooksLikePersonName(v))
            return Item("name", v, value, "field-name", 0.8);
        if (compact is "name" or "displayname" && value.Trail.Count >= 2 && value.Trail[^2].HasAny(s_personObjects)
            && LooksLikePersonName(v) && v.Trim().Contains(' '))
            return Item("name", v, value, "field-name", 0.7);
        // "address" alone only with the word "postal", "home", "street" … around it (see s_addressFields), or as the whole
        // name with a street-like value: a number, letters and a space.
        var addressField = value.Name.Is(s_addressFields) || (compact == "address" && !value.Name.HasAny(s_notPostal));
        if (addressField && !value.Name.HasAny(s_notPostal) && LooksLikeStreet(v))
            return Item("postal-address", v, value, "field-name", 0.75);
        return null;
    }

    private static bool LooksLikePersonName(string v)
    {
        var letters = 0;
        foreach (var c in v)
        {
            if (char.IsLetter(c))
                letters++;
            else if (c is not (' ' or '-' or '\'' or '.' or '’'))
                return false;
        }
        return letters >= 2;
    }

    private static bool LooksLikeStreet(string v) =>
        HasDigit(v) && Has(v, char.IsLetter) && (v.Contains(' ') || v.Contains(',')) && !v.Contains('@') && !v.Contains("://", StringComparison.Ordinal);
}
