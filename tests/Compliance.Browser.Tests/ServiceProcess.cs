using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Compliance.Browser.Tests;

/// <summary>The real service as a separate process on a free loopback port, on a fresh embedded SQLite file.</summary>
public sealed class ServiceProcess : IAsyncLifetime
{
    private Process? _process;
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"compliance-browser-{Guid.NewGuid():N}");

    public const string AdminKey = "cck_browser-admin-key-0123456789abcdef";

    public Uri BaseUrl { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Compliance.sln")))
                dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Compliance.sln not found.");
        }
    }

    public static string SharedData(params string[] parts) => Path.Combine([RepoRoot, "..", "shared", "data", .. parts]);

    public static string ArtifactsDir
    {
        get
        {
            var dir = Path.Combine(RepoRoot, "artifacts", "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public async Task InitializeAsync()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var dll = Path.Combine(RepoRoot, "api", "bin", configuration, "net10.0", "Compliance.Api.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"Build the API first: {dll} is missing.");
        var port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}");
        Directory.CreateDirectory(_dataDir);
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", BaseUrl.ToString()])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Compliance"] = "";
        start.Environment["Storage__SqlitePath"] = Path.Combine(_dataDir, "compliance.db");
        start.Environment["Jobs__PollInterval"] = "00:00:00.100";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Auth__BootstrapKey"] = AdminKey;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(120) };
        Http.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                if ((await Http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            if (_process.HasExited || DateTime.UtcNow > deadline)
                throw new InvalidOperationException("The service did not become ready.");
            await Task.Delay(250);
        }
    }

    public Task DisposeAsync()
    {
        Http?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process?.Dispose();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
