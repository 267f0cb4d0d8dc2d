using System.Text.RegularExpressions;

namespace Compliance.Api.Vendors;

/// <summary>Checks a vendor request and normalises its domains.</summary>
internal static partial class VendorValidation
{
    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$")]
    private static partial Regex DomainPattern();

    public static Dictionary<string, string[]> Validate(VendorRequest? request, out List<string> domains, out List<string> aliases)
    {
        var errors = new Dictionary<string, string[]>();
        domains = [];
        aliases = [];
        if (request is null)
        {
            errors["body"] = ["A JSON body with a name is required."];
            return errors;
        }
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 200)
            errors["name"] = ["The name must have 1 to 200 characters."];
        foreach (var raw in request.Domains ?? [])
        {
            var domain = (raw ?? "").Trim().TrimStart('.').TrimEnd('.').ToLowerInvariant();
            if (!DomainPattern().IsMatch(domain))
                errors["domains"] = [$"'{raw}' is not a domain name."];
            else if (!domains.Contains(domain))
                domains.Add(domain);
        }
        if (domains.Count > 200)
            errors["domains"] = ["At most 200 domains."];
        aliases = (request.Aliases ?? []).Select(a => (a ?? "").Trim()).Where(a => a.Length > 0).Distinct().ToList();
        if (aliases.Count > 50 || aliases.Any(a => a.Length > 200))
            errors["aliases"] = ["At most 50 aliases of up to 200 characters."];
        domains.Sort(StringComparer.Ordinal);
        return errors;
    }
}
