using Compliance.Engine.Traffic.Decoding;

namespace Compliance.Engine.Traffic.Detection;

/// <summary>
/// Address-book entries that are not a phone number or an e-mail address in clear (those are found by their
/// own detectors and regrouped by item selection): the names of the entries and their hashes (MD5, SHA-1,
/// SHA-256 in hex) inside a list named for contacts, and a list of three or more distinct hashes under a
/// field named for numbers, phones or e-mails (one person's own hashed address is one value, not a list).
/// </summary>
public sealed class ContactsDetector : IDataDetector
{
    internal static readonly Lexicon ContactWords = new(
        ["contact", "contacts", "addressbook", "phonebook", "friends", "friend", "invite", "invites", "invitees", "people", "buddies"]);
    private static readonly Lexicon s_nameFields = new(
        ["name", "displayname", "fullname", "firstname", "lastname", "givenname", "familyname", "nickname", "contactname"]);
    private static readonly Lexicon s_hashFields = new(
        ["hash", "hashes", "hashed", "sha256", "sha1", "md5", "digest", "phonehash", "emailhash", "hashedphone", "hashedemail", "numberhash"]);
    private static readonly Lexicon s_listFields = new(
        ["numbers", "phones", "phonenumbers", "emails", "mails", "msisdns", "hashes", "hashednumbers", "hashedphones", "hashedemails",
         "phonehashes", "emailhashes", "numberhashes", "identifiers", "lookups"]);
    private static readonly Lexicon s_notContact = new(["version", "count", "total", "sync", "synced", "updated", "timestamp", "etag", "cursor", "token"]);
    private static readonly System.Buffers.SearchValues<char> s_hex = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    public void Detect(EntryScan scan, ICollection<DataItem> found)
    {
        Dictionary<ValuePath, (PayloadValue First, HashSet<string> Digests)>? lists = null;
        foreach (var value in scan.DistinctValues)
        {
            if (value.IsNumber || value.IsBoolean || value.Origin is ValueOrigin.UrlPath or ValueOrigin.Header)
                continue;
            var v = value.Value.Trim();
            var digest = IsHexDigest(v);
            if (InContactList(value))
            {
                if (digest && (value.Name.HasAny(s_hashFields) || value.Name.HasAny(ContactWords)))
                    found.Add(Item(v, value, 0.8, hashed: true));
                else if (value.Name.Is(s_nameFields) && v.Length is >= 2 and <= 80 && Detected.Has(v, char.IsLetter) && !Detected.HasDigit(v) && !v.Contains('@'))
                    found.Add(Item(v, value, 0.75, hashed: false));
            }
            else if (digest && value.Name.HasAny(s_listFields))
            {
                lists ??= new(ReferenceEqualityComparer.Instance);
                if (!lists.TryGetValue(value.Container, out var list))
                    lists[value.Container] = list = (value, new HashSet<string>(StringComparer.OrdinalIgnoreCase));
                list.Digests.Add(v);
            }
        }
        if (lists is null)
            return;
        foreach (var (first, digests) in lists.Values)
            if (digests.Count >= 3)
                found.Add(Item(first.Value.Trim(), first, 0.8, hashed: true));
    }

    /// <summary>A field around the value (its own included) names contacts, and is not a count or version of them.</summary>
    private static bool InContactList(PayloadValue value)
    {
        var trail = value.Trail;
        for (var i = 0; i < trail.Count; i++)
            if (trail[i].HasAny(ContactWords) && !trail[i].HasAny(s_notContact))
                return true;
        return false;
    }

    private static bool IsHexDigest(string v) => v.Length is 32 or 40 or 64 && !v.AsSpan().ContainsAnyExcept(s_hex);

    private static DataItem Item(string value, PayloadValue at, double confidence, bool hashed) =>
        Detected.Item("contacts", value, at, "field-name", confidence, hashed);
}
