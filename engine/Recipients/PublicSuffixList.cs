using System.Collections.Frozen;
using System.Reflection;

namespace Compliance.Engine.Recipients;

/// <summary>
/// Public Suffix List rules (publicsuffix.org/list): exact, wildcard ("*.ck") and exception ("!www.ck")
/// rules, longest match wins, an exception beats a wildcard, and an unlisted TLD is its own suffix.
/// The shipped file holds the suffixes the project needs; a full public_suffix_list.dat text can replace it.
/// </summary>
public sealed class PublicSuffixList
{
    private const int MaxTextLength = 16 * 1024 * 1024;
    private readonly FrozenSet<string> _rules;
    private readonly FrozenSet<string> _wildcards;
    private readonly FrozenSet<string> _exceptions;
    private readonly FrozenSet<string> _icann;

    private static readonly Lazy<PublicSuffixList> s_shipped = new(() => Parse(ReadEmbedded()));

    /// <summary>The project's own suffix file, embedded in the engine.</summary>
    public static PublicSuffixList Shipped => s_shipped.Value;

    public int RuleCount => _rules.Count + _wildcards.Count + _exceptions.Count;

    private PublicSuffixList(HashSet<string> rules, HashSet<string> wildcards, HashSet<string> exceptions, HashSet<string> icann)
    {
        _rules = rules.ToFrozenSet(StringComparer.Ordinal);
        _wildcards = wildcards.ToFrozenSet(StringComparer.Ordinal);
        _exceptions = exceptions.ToFrozenSet(StringComparer.Ordinal);
        _icann = icann.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Parses the text of a suffix list in the publicsuffix.org format.</summary>
    public static PublicSuffixList Parse(string text)
    {
        if (text.Length > MaxTextLength)
            throw new FormatException($"The public suffix list is larger than {MaxTextLength / (1024 * 1024)} MB.");
        HashSet<string> rules = new(StringComparer.Ordinal), wildcards = new(StringComparer.Ordinal);
        HashSet<string> exceptions = new(StringComparer.Ordinal), icann = new(StringComparer.Ordinal);
        var privateSection = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("// ===BEGIN PRIVATE DOMAINS===", StringComparison.Ordinal))
                privateSection = true;
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal))
                continue;
            // A rule ends at the first whitespace (the format allows trailing comments).
            var rule = line.Split([' ', '\t'], 2)[0].ToLowerInvariant();
            if (rule.StartsWith('!'))
                exceptions.Add(rule[1..]);
            else if (rule.StartsWith("*.", StringComparison.Ordinal))
                wildcards.Add(rule[2..]);
            else
                rules.Add(rule);
            if (!privateSection && !rule.StartsWith('!'))
                icann.Add(rule.StartsWith("*.", StringComparison.Ordinal) ? rule[2..] : rule);
        }
        return new PublicSuffixList(rules, wildcards, exceptions, icann);
    }

    /// <summary>The public suffix of a host ("co.uk" for www.bbc.co.uk); null for an IP literal or empty host.</summary>
    public string? PublicSuffix(string host)
    {
        var h = HostName.Normalize(host);
        if (h.Length == 0 || HostName.IsIpLiteral(h))
            return null;
        string? longest = null;
        foreach (var candidate in HostName.SelfAndParents(h))
        {
            if (_exceptions.Contains(candidate))
                return candidate[(candidate.IndexOf('.') + 1)..];
            var dot = candidate.IndexOf('.');
            var matches = _rules.Contains(candidate) || (dot > 0 && _wildcards.Contains(candidate[(dot + 1)..]));
            // Parents come shorter each step, so the first match is the longest; keep scanning only for exceptions.
            if (matches && longest is null)
                longest = candidate;
        }
        return longest ?? h[(h.LastIndexOf('.') + 1)..];
    }

    /// <summary>The registrable domain (suffix plus one label: "bbc.co.uk"); null when the host is itself a suffix.</summary>
    public string? RegistrableDomain(string host)
    {
        var h = HostName.Normalize(host);
        var suffix = PublicSuffix(h);
        if (suffix is null || h.Length <= suffix.Length)
            return null;
        var rest = h[..(h.Length - suffix.Length - 1)];
        return rest[(rest.LastIndexOf('.') + 1)..] + "." + suffix;
    }

    /// <summary>
    /// True when the name is a suffix under the ICANN section (co.uk) or a bare TLD (com, by the default rule),
    /// not a private one (cloudfront.net).
    /// </summary>
    public bool IsIcannSuffix(string name) => !name.Contains('.') || _icann.Contains(name);

    private static string ReadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Compliance.Engine.Recipients.public-suffixes.dat")
            ?? throw new InvalidOperationException("The embedded public suffix file is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
