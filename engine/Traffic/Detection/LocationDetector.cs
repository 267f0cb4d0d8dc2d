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
    private static readonly HashSet<string> s_lat = new(["lat", "latitude"], StringComparer.Ordinal);
    private static readonly HashSet<string> s_lon = new(["lng", "lon", "long", "longitude"], StringComparer.Ordinal);
    private static readonly HashSet<string> s_pairFields = new(
        ["latlng", "latlon", "lnglat", "coordinates", "coords", "coord", "location", "loc", "gps", "geo", "geolocation",
         "position", "point", "points", "ll", "route", "track", "waypoints", "path"], StringComparer.Ordinal);
    private static readonly HashSet<string> s_coarse = new(
        ["city", "postcode", "postal", "postalcode", "zip", "zipcode", "town", "district", "cityname"], StringComparer.Ordinal);

    [GeneratedRegex(@"^\s*(-?\d{1,2}\.\d+)\s*[,;]\s*(-?\d{1,3}\.\d+)\s*$")]
    private static partial Regex LatLonText();

    public void Detect(EntryScan scan, ICollection<DataItem> found)
    {
        foreach (var group in scan.Values.GroupBy(v => v.Container))
        {
            PayloadValue? lat = null, lon = null;
            var numbers = new List<PayloadValue>();
            foreach (var v in group)
            {
                var compact = v.Name.Compact;
                if (s_lat.Contains(compact) || (v.Name.Words is [.., "lat" or "latitude"]))
                    lat ??= v;
                else if (s_lon.Contains(compact) || (v.Name.Words is [.., "lng" or "lon" or "longitude"]))
                    lon ??= v;
                if (v.IsNumber || (v.Value.Length < 24 && IsDecimal(v.Value)))
                    numbers.Add(v);
                if (v.Name.HasAny(s_coarse) && v.Value.Trim().Length >= 2 && !v.IsBoolean)
                    found.Add(Item("coarse-location", v.Value, v, 0.75));
                if (!v.IsNumber && v.Value.Contains(',') && v.Name.HasAny(s_pairFields) && LatLonText().Match(v.Value) is { Success: true } text)
                    AddPair(found, v, text.Groups[1].Value, text.Groups[2].Value, 0.8);
            }
            if (lat is not null && lon is not null)
                AddPair(found, lat, lat.Value, lon.Value, 0.9);
            else if (numbers.Count == 2 && group.Count() == 2 && numbers[0].Trail.Any(n => n.HasAny(s_pairFields)))
                AddPair(found, numbers[0], numbers[0].Value, numbers[1].Value, 0.8);
        }
    }

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

    private static DataItem Item(string type, string value, PayloadValue at, double confidence) => new()
    {
        Type = type,
        Value = value,
        Location = at.Location,
        Detector = "pattern",
        Confidence = confidence,
    };
}
