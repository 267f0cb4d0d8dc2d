using System.Globalization;
using System.Text.RegularExpressions;
using Compliance.Engine.Traffic.Decoding;

namespace Compliance.Engine.Traffic.Detection;

/// <summary>
/// Latitude/longitude pairs (named sibling fields, [lat, lon] arrays under a location-named field, or
/// "lat,lon" strings): 3 or more decimals is precise-location, fewer is coarse-location. City and
/// postcode fields are coarse-location.
/// </summary>
public sealed partial class LocationDetector : IDataDetector
{
    private static readonly Lexicon s_lat = new(["lat", "latitude"]);
    private static readonly Lexicon s_lon = new(["lng", "lon", "long", "longitude"]);
    private static readonly Lexicon s_pairFields = new(
        ["latlng", "latlon", "lnglat", "coordinates", "coords", "coord", "location", "loc", "gps", "geo", "geolocation",
         "position", "point", "points", "ll", "route", "track", "waypoints", "path"]);
    private static readonly Lexicon s_coarse = new(
        ["city", "postcode", "postal", "postalcode", "zip", "zipcode", "town", "district", "cityname"]);

    [GeneratedRegex(@"^\s*(-?\d{1,2}\.\d+)\s*[,;]\s*(-?\d{1,3}\.\d+)\s*$")]
    private static partial Regex LatLonText();

    public void Detect(EntryScan scan, ICollection<DataItem> found)
    {
        // Most values cannot be part of a coordinate: group only the few that can, by container.
        Dictionary<ValuePath, List<PayloadValue>>? groups = null;
        var ordered = new List<List<PayloadValue>>();
        foreach (var v in scan.Values)
        {
            if (v.IsBoolean)
                continue;
            if (v.Name.HasAny(s_coarse) && v.Value.Trim().Length >= 2)
                found.Add(Item("coarse-location", v.Value, v, 0.75));
            if (!v.IsNumber && v.Value.Contains(',') && v.Name.HasAny(s_pairFields) && LatLonText().Match(v.Value) is { Success: true } text)
                AddPair(found, v, text.Groups[1].Value, text.Groups[2].Value, 0.8);
            if (IsLat(v) || IsLon(v) || ((v.IsNumber || (v.Value.Length < 24 && IsDecimal(v.Value))) && TrailHasPairField(v)))
            {
                groups ??= new Dictionary<ValuePath, List<PayloadValue>>(ReferenceEqualityComparer.Instance);
                if (!groups.TryGetValue(v.Container, out var list))
                {
                    groups[v.Container] = list = [];
                    ordered.Add(list);
                }
                list.Add(v);
            }
        }
        if (groups is null)
            return;
        // A [lat, lon] array has exactly two members: count every container's members in one pass.
        var members = new Dictionary<ValuePath, int>(ReferenceEqualityComparer.Instance);
        foreach (var v in scan.Values)
            if (groups.ContainsKey(v.Container))
                members[v.Container] = members.GetValueOrDefault(v.Container) + 1;
        foreach (var group in ordered)
        {
            var lat = group.FirstOrDefault(IsLat);
            var lon = group.FirstOrDefault(IsLon);
            if (lat is not null && lon is not null)
                AddPair(found, lat, lat.Value, lon.Value, 0.9);
            else if (group.Count == 2 && members[group[0].Container] == 2)
                AddPair(found, group[0], group[0].Value, group[1].Value, 0.8);
        }
    }

    private static bool TrailHasPairField(PayloadValue v)
    {
        foreach (var n in v.Trail)
            if (n.HasAny(s_pairFields))
                return true;
        return false;
    }

    private static bool IsLat(PayloadValue v) => v.Name.Is(s_lat) || v.Name.Words is [.., "lat" or "latitude"];

    private static bool IsLon(PayloadValue v) => v.Name.Is(s_lon) || v.Name.Words is [.., "lng" or "lon" or "longitude"];

    private static void AddPair(ICollection<DataItem> found, PayloadValue at, string latText, string lonText, double confidence)
    {
        if (!TryCoordinate(latText, 90, out var la) || !TryCoordinate(lonText, 180, out var lo) || (la == 0 && lo == 0))
            return;
        var decimals = Math.Min(Decimals(latText), Decimals(lonText));
        var type = decimals >= 3 ? "precise-location" : "coarse-location";
        found.Add(Item(type, $"{latText.Trim()},{lonText.Trim()}", at, confidence));
    }

    private static bool TryCoordinate(string text, double bound, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && Math.Abs(value) <= bound;

    private static bool IsDecimal(string s) =>
        s.Contains('.') && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static int Decimals(string text)
    {
        var t = text.Trim();
        var dot = t.IndexOf('.');
        return dot < 0 ? 0 : t.Length - dot - 1;
    }

    private static DataItem Item(string type, string value, PayloadValue at, double confidence) => Detected.Item(type, value, at, "pattern", confidence);
}
