using Compliance.Engine.Checking;
using Compliance.Engine.Claims;

namespace Compliance.Worker.Cli;

/// <summary>Turns one manifest vendor into a check request, reading its files relative to the manifest.</summary>
internal static class VendorRequest
{
    public static CheckRequest Build(ManifestVendor vendor, string baseDir)
    {
        var policyPaths = (vendor.Policies ?? []).Concat(vendor.Policy is null ? [] : [vendor.Policy]).ToList();
        if (policyPaths.Count == 0)
            throw new CliInputException($"vendor '{vendor.Name}' has no policy");
        if (vendor.Traffic is not { Count: > 0 })
            throw new CliInputException($"vendor '{vendor.Name}' has no traffic");
        var policies = policyPaths.Select(p =>
        {
            var full = Path.Combine(baseDir, p);
            return new PolicyInput(Path.GetFileName(full), CliInput.ReadAllBytes(full)) { Document = DocumentRef.Default };
        }).ToList();
        var captures = vendor.Traffic.Select(t =>
        {
            var file = Path.Combine(baseDir, t.File);
            if (!File.Exists(file))
                throw new CliInputException($"file not found: {file}");
            var context = t.Context is null ? null : ContextFile.Parse(CliInput.ReadAllBytes(Path.Combine(baseDir, t.Context), ContextFile.MaxBytes));
            return new CaptureInput(Path.GetFileName(file), () => File.OpenRead(file)) { Context = context };
        }).ToList();
        return new CheckRequest { Vendor = vendor.Name, VendorDomains = vendor.Domains ?? [], Policies = policies, Captures = captures };
    }
}
