using Microsoft.Playwright;

namespace Kompetensbron.E2E;

/// <summary>
/// What every browser test class sets up: its own browser contexts (xUnit makes one instance per test, so no state
/// leaks between tests), each page watched for content the CSP blocked, and everything closed afterwards. A class
/// gets one ready <see cref="Page"/> with <see cref="PageOptions"/>, or opens its own with <see cref="NewPageAsync"/>.
/// </summary>
public abstract class BrowserTest(AppServer app, Chromium chromium) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    /// <summary>A phone: the smallest width every page must be readable at.</summary>
    protected static BrowserNewContextOptions Phone => new() { ViewportSize = new() { Width = 360, Height = 740 } };

    /// <summary>A desktop screen, for the wide pages (dashboards, placement rounds).</summary>
    protected static BrowserNewContextOptions Desktop => new() { ViewportSize = new() { Width = 1280, Height = 1400 } };

    protected AppServer App => app;

    /// <summary>The page made before each test; null-forgiving because the tests are skipped without Chromium.</summary>
    protected IPage Page { get; private set; } = null!;

    /// <summary>The context of <see cref="Page"/>.</summary>
    protected IBrowserContext Context => Page.Context;

    /// <summary>"url: message" for everything the CSP blocked on any page of this test; a test asserts it is empty.</summary>
    protected List<string> Blocked { get; } = [];

    /// <summary>Options for <see cref="Page"/>'s context (the base address is added); null when the class opens its own pages.</summary>
    protected virtual BrowserNewContextOptions? PageOptions => new();

    public async Task InitializeAsync()
    {
        if (chromium.Browser is not null && PageOptions is { } options)
        {
            Page = await NewPageAsync(options);
        }
    }

    /// <summary>A page in a fresh context of its own (its own cookies: another user), watched for CSP blocks.</summary>
    protected async Task<IPage> NewPageAsync(BrowserNewContextOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.BaseURL = app.BaseUrl.ToString();
        var context = await chromium.Browser!.NewContextAsync(options);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                Blocked.Add($"{page.Url}: {message.Text}");
            }
        };
        return page;
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
    }
}
