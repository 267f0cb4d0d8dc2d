namespace Compliance.Integration.Tests.Infrastructure;

/// <summary>Locates the development sets in ../shared/data beside the repository root.</summary>
public static class SharedData
{
    private static readonly Lazy<string> s_root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "Compliance.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Compliance.sln not found above the test binaries.");
    });

    public static string RepoRoot => s_root.Value;

    public static string File(params string[] parts) =>
        Path.Combine([RepoRoot, "..", "shared", "data", .. parts]);
}
