using Microsoft.Playwright;

namespace Kompetensbron.E2E;

/// <summary>
/// Debian's Chromium driven by Playwright (never <c>playwright install</c>). Without /usr/bin/chromium the tests are
/// skipped with the reason, except in CI (CI=true), where a missing browser is a failure.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static bool IsMissing => !File.Exists(ExecutablePath);

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (IsMissing && !InCi)
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>A browser test: skipped (with the reason) when Chromium is missing outside CI.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.IsMissing && !Chromium.InCi)
        {
            Skip = $"{Chromium.ExecutablePath} is missing: apt-get install -y chromium fonts-dejavu-core (in CI this fails instead).";
            Console.WriteLine($"Skipping browser tests: {Skip}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<AppServer>, ICollectionFixture<Chromium>
{
    public const string Name = "App in Chromium";
}
