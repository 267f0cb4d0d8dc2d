using Microsoft.Playwright;

namespace Compliance.Browser.Tests;

/// <summary>Debian's headless Chromium driven by Playwright (no browser download).</summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Instance { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
            throw new InvalidOperationException($"Chromium is not installed at {executable}; ./test.sh installs Debian's chromium package.");
        _playwright = await Playwright.CreateAsync();
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // The closed network refuses Chromium's background connections; these flags keep it quiet and fast.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Instance is not null)
            await Instance.DisposeAsync();
        _playwright?.Dispose();
    }
}

/// <summary>One service process and one browser for every test of the collection.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public ServiceProcess Service { get; } = new();
    public Browser Browser { get; } = new();

    public async Task InitializeAsync()
    {
        await Service.InitializeAsync();
        await Browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Service.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
