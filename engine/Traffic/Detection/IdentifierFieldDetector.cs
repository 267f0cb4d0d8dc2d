using Compliance.Engine.Traffic.Decoding;

namespace Compliance.Engine.Traffic.Detection;

/// <summary>
/// Candidates for cookie-id (install, client, device, anonymous and session IDs an app or SDK
/// generates) and account-id (IDs the vendor gives the account). Both must recur across requests to
/// count, which the analyzer checks once the capture is read; per-request nonces never recur.
/// </summary>
public sealed class IdentifierFieldDetector : ValueDetector
{
    public const string CookieId = "cookie-id";
    public const string AccountId = "account-id";
    /// <summary>The detector name of an account ID sent under a field that names one outright: it need not recur.</summary>
    public const string AccountField = "account-field";

    private static readonly Lexicon s_cookieWords = Words(
        "install", "installation", "installid", "instance", "device", "deviceid", "did", "distinct", "distinctid",
        "anonymous", "anon", "anonymousid", "visitor", "visitorid", "session", "sessionid", "sid", "uuid", "guid", "udid",
        "cookie", "fid", "cid", "clientid", "uid", "pseudo", "userpseudoid", "browserid", "machineid");
    private static readonly Lexicon s_accountWords = Words(
        "account", "accountid", "acct", "member", "memberid", "customer", "customerid", "custid", "userid", "user",
        "login", "profileid", "subscriber", "subscriberid");
    // Whole field names that say "the ID of the user's account" (README of the cases: member or athlete ID, account number).
    private static readonly Lexicon s_accountFields = Words(
        "accountid", "acctid", "memberid", "customerid", "custid", "userid", "profileid", "subscriberid", "athleteid",
        "accountnumber", "accountno", "membershipid", "playerid", "useraccountid");
    private static readonly Lexicon s_nonceWords = Words(
        "request", "requestid", "insert", "insertid", "trace", "traceid", "event", "eventid", "nonce", "message", "messageid",
        "correlator", "auction", "span", "transaction", "txn", "idempotency", "batch", "token", "key", "api", "apikey",
        "publisher", "placement", "campaign", "creative", "unit", "secret", "signature", "sig", "hash", "checksum", "crc",
        "page", "cursor", "seq", "timestamp", "time", "ts", "version", "build", "appid", "project", "channel", "oauth");

    public override DataItem? Inspect(PayloadValue value)
    {
        if (value.Field.Length == 0 || value.IsBoolean || value.Origin == ValueOrigin.UrlPath)
            return null;
        var v = value.Value.Trim();
        // Under a name that says "account ID" outright, shorter and all-digit IDs count too ("u_1043", 88231).
        if (value.Name.Is(s_accountFields) && IsAccountNumber(v))
            return Item(AccountId, v, value, AccountField, 0.8);
        if (!IdentifierPatterns.LooksLikeId(v) || value.Name.HasAny(s_nonceWords))
            return null;
        if (value.Name.HasAny(s_accountWords))
            return Item(AccountId, v, value, "recurring-id", 0.75);
        if (value.Name.HasAny(s_cookieWords))
            return Item(CookieId, v, value, "recurring-id", 0.8);
        return null;
    }

    private static bool IsAccountNumber(string v)
    {
        if (v.Length is < 3 or > 128 || !HasDigit(v) || !v.AsSpan().ContainsAnyExcept('0', '-'))
            return false;
        foreach (var c in v)
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.' or ':'))
                return false;
        // Epoch times are not account numbers.
        return !(IdentifierPatterns.AllDigits(v) && v.Length is 10 or 13 && v[0] == '1');
    }
}
