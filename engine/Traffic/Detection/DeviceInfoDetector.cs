using System.Text.RegularExpressions;
using Compliance.Engine.Traffic.Decoding;

namespace Compliance.Engine.Traffic.Detection;

/// <summary>OS version and device model, recognised by the field names SDKs report them under.</summary>
public sealed partial class DeviceInfoDetector : ValueDetector
{
    private static readonly Lexicon s_osWords = Words("os", "android", "ios", "system", "platform", "firmware", "rom", "osv", "osver", "osversion");
    private static readonly Lexicon s_versionWords = Words("version", "ver", "v", "release", "vers");
    private static readonly Lexicon s_notOs = Words("app", "sdk", "lib", "library", "api", "client", "bundle", "browser", "webview", "plugin", "config", "schema");
    private static readonly Lexicon s_osNameFields = Words("os", "platform", "system", "osname", "operatingsystem", "devicesystem");
    private static readonly Lexicon s_modelFields = Words("model", "devicemodel", "phonemodel", "hwmodel", "hardwaremodel");
    private static readonly Lexicon s_deviceNameFields = Words("device", "devicename", "hardware", "handset", "phone");

    private static readonly System.Buffers.SearchValues<char> s_hex = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    [GeneratedRegex(@"^[A-Za-z]{1,10}-?[A-Za-z]?\d{2,5}[A-Za-z0-9]{0,6}$")]
    private static partial Regex ModelCode();

    [GeneratedRegex(@"^(android|ios|ipados|windows|macos|mac os x|harmonyos|linux|fire os|tizen|watchos|tvos|chrome os|chromeos)\s+v?\d", RegexOptions.IgnoreCase)]
    private static partial Regex OsWithVersion();

    public override DataItem? Inspect(PayloadValue value)
    {
        var v = value.Value.Trim();
        if (v.Length is 0 or > 80 || value.IsBoolean || value.Field.Length == 0)
            return null;
        var words = value.Name.Words;
        var compact = value.Name.Compact;
        if (IsOsVersionField(value.Name) && HasDigit(v))
            return Item("os-version", v, value, "field-name", 0.85);
        if (value.Name.HasAny(s_osNameFields) && OsWithVersion().IsMatch(v))
            return Item("os-version", v, value, "field-name", 0.85);
        if ((value.Name.Is(s_modelFields) || words.Contains("model")) && !words.Contains("id") && Has(v, char.IsLetterOrDigit) && !value.IsNumber)
            return Item("device-model", v, value, "field-name", 0.85);
        // "Galaxy S21", or a model code such as "SM-A515F"; not an ID (UUID or hex) sent under the same name.
        if (value.Name.Is(s_deviceNameFields) && (v.AsSpan().ContainsAnyInRange('a', 'z') || v.AsSpan().ContainsAnyInRange('A', 'Z')) && HasDigit(v)
            && (v.Contains(' ') || ModelCode().IsMatch(v)) && !IdentifierPatterns.Uuid().IsMatch(v) && v.AsSpan().ContainsAnyExcept(s_hex))
            return Item("device-model", v, value, "field-name", 0.6);
        return null;
    }

    private static bool IsOsVersionField(FieldName name)
    {
        if (name.Compact is "osv" or "osver" or "osversion" or "osvers" or "systemversion" or "platformversion" or "androidversion" or "iosversion" or "firmwareversion" or "romversion")
            return true;
        if (name.HasWord(s_notOs))
            return false;
        return name.HasWord(s_osWords) && name.HasWord(s_versionWords);
    }
}
