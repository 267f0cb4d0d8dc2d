using System.Text.RegularExpressions;
using Compliance.Engine.Traffic.Decoding;

namespace Compliance.Engine.Traffic.Detection;

/// <summary>
/// The list of apps on the device: package or bundle names ("com.whatsapp", "com.spotify.music") under a
/// field that names a list of installed apps. The app's own package name under "package" or "app_id" is not it.
/// </summary>
public sealed partial class InstalledAppsDetector : ValueDetector
{
    private static readonly Lexicon s_listFields = Words(
        "apps", "installedapps", "installedapplications", "applications", "packages", "installedpackages", "applist", "packagelist",
        "pkgs", "pkglist", "installed", "packagenames", "appnames", "applicationlist", "installedapplist", "appinventory");

    [GeneratedRegex(@"^[a-z][a-z0-9_]*(\.[A-Za-z0-9_]+)+$")]
    private static partial Regex PackageName();

    public override DataItem? Inspect(PayloadValue value)
    {
        if (value.IsNumber || value.IsBoolean || value.Origin is ValueOrigin.UrlPath or ValueOrigin.Header || !TrailHasAny(value, s_listFields))
            return null;
        var v = value.Value.Trim();
        if (v.Length is < 4 or > 150 || !PackageName().IsMatch(v))
            return null;
        return Item("installed-apps", v, value, "field-name", 0.85);
    }
}
