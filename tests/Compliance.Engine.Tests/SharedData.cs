namespace Compliance.Engine.Tests;

/// <summary>Locates the development sets in ../shared/data beside the repository root.</summary>
public static class SharedData
{
    private static readonly Lazy<string> s_root = new(FindRepoRoot);

    public static string RepoRoot => s_root.Value;

    public static string Dir => System.IO.Path.GetFullPath(System.IO.Path.Combine(RepoRoot, "..", "shared", "data"));

    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([Dir, .. parts]);

    public static string Cases => Path("cases");

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Compliance.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Compliance.sln not found above the test binaries.");
    }
}
