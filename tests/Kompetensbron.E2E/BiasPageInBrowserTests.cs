using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Demo;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Kompetensbron.E2E;

/// <summary>The bias check page in a real browser: reached from the coordinator page with the keyboard, axe-clean at 360 px.</summary>
[Collection(BrowserTests.Name)]
public sealed class BiasPageInBrowserTests(AppServer app, Chromium chromium, ITestOutputHelper output) : IAsyncLifetime
{
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        if (chromium.Browser is null)
        {
            return;
        }

        _context = await chromium.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl.ToString(), ViewportSize = new() { Width = 360, Height = 800 } });
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
    public async Task The_coordinator_opens_the_bias_check_and_it_is_accessible_on_a_phone()
    {
        var coordinator = DemoSeeder.DemoAccounts.First(a => a.Role == Roles.Coordinator);
        await _page.LogInAsync(coordinator.Email, coordinator.Password, "/samordnare");

        await _page.GetByTestId("bias-link").FocusAsync();
        await _page.Keyboard.PressAsync("Enter");
        await _page.WaitForURLAsync("**/samordnare/bias");

        Assert.Equal(4, await _page.GetByTestId("bias-gender").Locator("tbody tr").CountAsync());
        Assert.Equal(5, await _page.GetByTestId("bias-target-group").Locator("tbody tr").CountAsync());
        await _page.ScreenshotAsync("bias-360.png", output);
        await _page.AssertAccessibleAsync(output);
    }
}
