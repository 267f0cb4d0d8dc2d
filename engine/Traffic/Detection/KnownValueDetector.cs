using System.Security.Cryptography;
using System.Text;
using Compliance.Engine.Traffic.Decoding;

namespace Compliance.Engine.Traffic.Detection;

/// <summary>
/// Finds the tester's own values (context.knownValues) in any form: plain, upper/lower case,
/// URL-encoded, base64/base64url, hex, and MD5/SHA-1/SHA-256 digests (hex or base64).
/// </summary>
public sealed class KnownValueDetector : ValueDetector
{
    private const int MinContainedLength = 6;
    private readonly Dictionary<string, Form> _exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Text, string Type)> _contained = [];

    private sealed record Form(string Type, bool Hashed, string How);

    public KnownValueDetector(TrafficContext context)
    {
        if (context.KnownValues is null)
            return;
        foreach (var (type, values) in context.KnownValues.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            foreach (var raw in values)
            {
                var value = raw?.Trim() ?? "";
                if (value.Length < 2)
                    continue;
                foreach (var variant in Variants(type, value))
                    AddForms(type, variant);
                if (value.Length >= MinContainedLength)
                    _contained.Add((value, type));
            }
    }

    public bool IsEmpty => _exact.Count == 0;

    public override DataItem? Inspect(PayloadValue value)
    {
        if (_exact.Count == 0)
            return null;
        var v = value.Value.Trim();
        if (_exact.TryGetValue(v, out var form))
            return Item(form.Type, v, value, "known-value", form.How == "plain" ? 1.0 : 0.97, form.Hashed);
        foreach (var (text, type) in _contained)
            if (v.Length > text.Length && ContainsWord(v, text))
                return Item(type, v, value, "known-value", 0.9);
        return null;
    }

    /// <summary>True when <paramref name="needle"/> occurs in <paramref name="hay"/> not glued to letters or digits.</summary>
    public static bool ContainsWord(string hay, string needle)
    {
        var at = 0;
        while ((at = hay.IndexOf(needle, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var end = at + needle.Length;
            var leftOk = at == 0 || !char.IsLetterOrDigit(hay[at - 1]);
            var rightOk = end == hay.Length || !char.IsLetterOrDigit(hay[end]);
            if (leftOk && rightOk)
                return true;
            at++;
        }
        return false;
    }

    private static IEnumerable<string> Variants(string type, string value)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal) { value, value.ToLowerInvariant(), value.ToUpperInvariant() };
        if (type == "mac-address" || value.Count(c => c == ':') == 5)
        {
            var bare = value.Replace(":", "").Replace("-", "");
            set.Add(bare.ToLowerInvariant());
            set.Add(bare.ToUpperInvariant());
            set.Add(value.Replace(':', '-').ToLowerInvariant());
            set.Add(value.Replace(':', '-').ToUpperInvariant());
        }
        if (type is "phone-number" or "contacts" && value.StartsWith('+'))
        {
            var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
            set.Add(digits);
            set.Add("+" + digits);
        }
        return set;
    }

    private void AddForms(string type, string v)
    {
        Add(v, type, false, "plain");
        var bytes = Encoding.UTF8.GetBytes(v);
        Add(Uri.EscapeDataString(v), type, false, "url");
        var b64 = Convert.ToBase64String(bytes);
        Add(b64, type, false, "base64");
        Add(b64.TrimEnd('='), type, false, "base64");
        Add(b64.TrimEnd('=').Replace('+', '-').Replace('/', '_'), type, false, "base64url");
        Add(Convert.ToHexString(bytes), type, false, "hex");
        foreach (var digest in new[] { MD5.HashData(bytes), SHA1.HashData(bytes), SHA256.HashData(bytes) })
        {
            Add(Convert.ToHexString(digest), type, true, "hash");
            Add(Convert.ToBase64String(digest), type, true, "hash");
            Add(Convert.ToBase64String(digest).TrimEnd('=').Replace('+', '-').Replace('/', '_'), type, true, "hash");
        }
    }

    private void Add(string key, string type, bool hashed, string how)
    {
        // The first (plain, then encoded) form of a key wins; two types sharing a value keep the first type.
        _exact.TryAdd(key, new Form(type, hashed, how));
    }
}
