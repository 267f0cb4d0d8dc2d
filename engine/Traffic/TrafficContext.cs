namespace Compliance.Engine.Traffic;

/// <summary>
/// The state of the device while a capture was taken. Every field is optional:
/// null means "not known", never "false".
/// </summary>
public sealed record TrafficContext
{
    public string? App { get; init; }
    public bool? PrivateMode { get; init; }
    public bool? SignedIn { get; init; }
    /// <summary>granted, declined or null.</summary>
    public string? Consent { get; init; }
    public bool? Foreground { get; init; }
    /// <summary>Setting name to "on"/"off".</summary>
    public IReadOnlyDictionary<string, string>? Settings { get; init; }
    /// <summary>Ontology data type to the tester's own values of it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? KnownValues { get; init; }

    public static TrafficContext Unknown { get; } = new();

    /// <summary>Returns the setting's state: true for on, false for off, null when not recorded.</summary>
    public bool? Setting(string name)
    {
        if (Settings is null || !Settings.TryGetValue(name, out var value))
            return null;
        return value.Trim().ToLowerInvariant() switch
        {
            "on" or "true" or "enabled" or "yes" or "1" => true,
            "off" or "false" or "disabled" or "no" or "0" => false,
            _ => null,
        };
    }

    /// <summary>Fields of <paramref name="overlay"/> that are known win over this context's.</summary>
    public TrafficContext MergedWith(TrafficContext? overlay)
    {
        if (overlay is null)
            return this;
        return new TrafficContext
        {
            App = overlay.App ?? App,
            PrivateMode = overlay.PrivateMode ?? PrivateMode,
            SignedIn = overlay.SignedIn ?? SignedIn,
            Consent = overlay.Consent ?? Consent,
            Foreground = overlay.Foreground ?? Foreground,
            Settings = overlay.Settings ?? Settings,
            KnownValues = overlay.KnownValues ?? KnownValues,
        };
    }
}
