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

    private static readonly Lexicon s_cookieWords = Words(
        "install", "installation", "installid", "instance", "device", "deviceid", "did", "distinct", "distinctid",
        "anonymous", "anon", "anonymousid", "visitor", "visitorid", "session", "sessionid", "sid", "uuid", "guid", "udid",
        "cookie", "fid", "cid", "clientid", "uid", "pseudo", "userpseudoid", "browserid", "machineid");
    private static readonly Lexicon s_accountWords = Words(
        "account", "accountid", "acct", "member", "memberid", "customer", "customerid", "custid", "userid", "user",
        "login", "profileid", "subscriber", "subscriberid");
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
        if (!IdentifierPatterns.LooksLikeId(v) || value.Name.HasAny(s_nonceWords))
            return null;
        if (value.Name.HasAny(s_accountWords))
            return Item(AccountId, v, value, "recurring-id", 0.75);
        if (value.Name.HasAny(s_cookieWords))
            return Item(CookieId, v, value, "recurring-id", 0.8);
        return null;
    }
}
