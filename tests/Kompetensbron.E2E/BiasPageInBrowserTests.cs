using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Demo;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Kompetensbron.E2E;

/// <summary>The bias check page in a real browser: reached from the coordinator page with the keyboard, axe-clean at 360 px.</summary>
[Collection(BrowserTests.Name)]
public sealed class BiasPageInBrowserTests(AppServer app, Chromium chromium, ITestOutputHelper output) : BrowserTest(app, chromium)
{

    protected override BrowserNewContextOptions? PageOptions => Phone;

    [BrowserFact]
    public async Task The_coordinator_opens_the_bias_check_and_it_is_accessible_on_a_phone()
    {
        var coordinator = DemoSeeder.DemoAccounts.First(a => a.Role == Roles.Coordinator);
        await Page.LogInAsync(coordinator.Email, coordinator.Password, "/samordnare");

        await Page.GetByTestId("bias-link").FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync("**/samordnare/bias");

        Assert.Equal(4, await Page.GetByTestId("bias-gender").Locator("tbody tr").CountAsync());
        Assert.Equal(5, await Page.GetByTestId("bias-target-group").Locator("tbody tr").CountAsync());
        await Page.ScreenshotAsync("bias-360.png", output);
        await Page.AssertAccessibleAsync(output);
    }
}
