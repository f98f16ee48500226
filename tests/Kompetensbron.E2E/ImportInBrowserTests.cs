using System.Text;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Demo;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Kompetensbron.E2E;

/// <summary>The upload page in a real browser: keyboard-reachable form, errors with row and column, a dry run, at 360 px.</summary>
[Collection(BrowserTests.Name)]
public sealed class ImportInBrowserTests(AppServer app, Chromium chromium, ITestOutputHelper output) : IAsyncLifetime
{
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        if (chromium.Browser is null)
        {
            return;
        }

        _context = await chromium.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl.ToString(), ViewportSize = new() { Width = 360, Height = 740 } });
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }

    [BrowserFact]
    public async Task A_coordinator_uploads_a_file_with_errors_then_tries_a_good_one()
    {
        var coordinator = DemoSeeder.DemoAccounts.First(a => a.Role == Roles.Coordinator);
        await _page.LogInAsync(coordinator.Email, coordinator.Password, "/samordnare");
        await _page.GetByTestId("import-link").ClickAsync();
        await _page.WaitForURLAsync("**/importera");
        await _page.AssertAccessibleAsync(output);

        await _page.GetByLabel("Profiler").CheckAsync();
        await _page.GetByLabel("Fil", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "profiler.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("Namn,Kommun\nEva,0617\nOla,9999\n"),
        });
        await _page.GetByTestId("upload").ClickAsync();

        Assert.Contains("9999", await _page.GetByTestId("import-errors").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await _page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await _page.ScreenshotAsync("import-errors-360.png", output);
        await _page.AssertAccessibleAsync(output);

        await _page.GetByLabel("Profiler").CheckAsync();
        await _page.GetByLabel("Fil", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "profiler.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("Namn,Kommun\nEva,0617\n"),
        });
        await _page.GetByTestId("upload").ClickAsync();

        Assert.Contains("Provkörning: 1 skulle skapas", await _page.GetByTestId("dry-run").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await _page.GetByTestId("confirm").IsVisibleAsync());
        await _page.ScreenshotAsync("import-dry-run-360.png", output);
        await _page.AssertAccessibleAsync(output);
    }
}
