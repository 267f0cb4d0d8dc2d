using System.Text.Json;
using Compliance.Engine;

namespace Compliance.Worker.Cli;

/// <summary>vendors.json of CONTRACT.md: each vendor's domains, policy and captures, paths relative to the manifest.</summary>
public sealed record Manifest(IReadOnlyList<ManifestVendor> Vendors)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static Manifest Load(string path)
    {
        var bytes = CliInput.ReadAllBytes(path, MaxBytes);
        Manifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<Manifest>(bytes, EngineJson.Compact);
        }
        catch (JsonException e)
        {
            throw new CliInputException($"{path} is not a valid manifest: {e.Message}");
        }
        if (manifest?.Vendors is not { Count: > 0 })
            throw new CliInputException($"{path} lists no vendors");
        if (manifest.Vendors.Any(v => string.IsNullOrWhiteSpace(v.Name)))
            throw new CliInputException($"{path}: every vendor needs a name");
        var duplicate = manifest.Vendors.GroupBy(v => v.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new CliInputException($"{path}: vendor '{duplicate.Key}' is listed twice");
        return manifest;
    }
}

/// <summary>One vendor of a manifest.</summary>
public sealed record ManifestVendor(string Name, IReadOnlyList<string>? Domains, string? Policy, IReadOnlyList<string>? Policies,
    IReadOnlyList<ManifestCapture>? Traffic);

/// <summary>One capture of a vendor, with its context file.</summary>
public sealed record ManifestCapture(string File, string? Context);
