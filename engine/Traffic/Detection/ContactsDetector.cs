using Compliance.Engine.Traffic.Decoding;

namespace Compliance.Engine.Traffic.Detection;

/// <summary>
/// Address-book entries that are not a phone number or an e-mail address in clear (those are found by their
/// own detectors and regrouped by item selection): the names of the entries, and their hashes (MD5, SHA-1,
/// SHA-256 in hex), inside a list named for contacts.
/// </summary>
public sealed class ContactsDetector : ValueDetector
{
    internal static readonly Lexicon ContactWords = Words(
        "contact", "contacts", "addressbook", "phonebook", "friends", "friend", "invite", "invites", "invitees", "people", "buddies");
    private static readonly Lexicon s_nameFields = Words(
        "name", "displayname", "fullname", "firstname", "lastname", "givenname", "familyname", "nickname", "contactname");
    private static readonly Lexicon s_hashFields = Words(
        "hash", "hashes", "hashed", "sha256", "sha1", "md5", "digest", "phonehash", "emailhash", "hashedphone", "hashedemail", "numberhash");
    private static readonly Lexicon s_notContact = Words("version", "count", "total", "sync", "synced", "updated", "timestamp", "etag", "cursor", "token");

    public override DataItem? Inspect(PayloadValue value)
    {
        if (value.IsNumber || value.IsBoolean || value.Origin is ValueOrigin.UrlPath or ValueOrigin.Header || !InContactList(value))
            return null;
        var v = value.Value.Trim();
        var compact = value.Name.Compact;
        if (IsHexDigest(v) && (value.Name.HasAny(s_hashFields) || value.Name.HasAny(ContactWords)))
            return Item("contacts", v, value, "field-name", 0.8, hashed: true);
        if (s_nameFields.Contains(compact) && v.Length is >= 2 and <= 80 && Has(v, char.IsLetter) && !HasDigit(v) && !v.Contains('@'))
            return Item("contacts", v, value, "field-name", 0.75);
        return null;
    }

    /// <summary>A field around the value (not the value's own, unless it is the list itself) names contacts.</summary>
    private static bool InContactList(PayloadValue value)
    {
        var trail = value.Trail;
        for (var i = 0; i < trail.Count; i++)
            if (trail[i].HasAny(ContactWords) && !trail[i].HasAny(s_notContact))
                return true;
        return false;
    }

    private static bool IsHexDigest(string v) =>
        v.Length is 32 or 40 or 64 && !v.AsSpan().ContainsAnyExcept(s_hex);

    private static readonly System.Buffers.SearchValues<char> s_hex = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");
}
