using System.Globalization;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Demo;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Kompetensbron.E2E;

/// <summary>A coordinator runs a placement round on the demo region and publishes it; a student then sees the result.</summary>
[Collection(BrowserTests.Name)]
public sealed class PlacementRoundInBrowserTests(AppServer app, Chromium chromium, ITestOutputHelper output) : IAsyncLifetime
{
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        if (chromium.Browser is null)
        {
            return;
        }

        _context = await chromium.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl.ToString(), ViewportSize = new() { Width = 1280, Height = 1400 } });
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
    public async Task The_coordinator_runs_both_algorithms_compares_and_publishes_and_the_student_sees_the_result()
    {
        await LogInAsync(Roles.Coordinator);
        await _page.WaitForURLAsync("**/samordnare");
        await _page.GetByTestId("placement-link").ClickAsync();
        await _page.WaitForURLAsync("**/placering");
        await _page.GetByTestId("new-round").ClickAsync();
        await _page.WaitForURLAsync("**/placering/ny");
        await _page.AssertAccessibleAsync(output);

        // Submitting without a name shows the error summary, GOV.UK style.
        await _page.GetByRole(AriaRole.Button, new() { Name = "Skapa omgången" }).ClickAsync();
        Assert.Contains("Skriv ett namn", await _page.GetByTestId("error-summary").InnerTextAsync(), StringComparison.Ordinal);

        await _page.GetByLabel("Namn på omgången").FillAsync("APL vår 2027");
        await _page.GetByLabel("APL-plats").CheckAsync();
        await _page.GetByRole(AriaRole.Button, new() { Name = "Skapa omgången" }).ClickAsync();
        await _page.WaitForURLAsync("**/placering/*/platser");
        await _page.AssertAccessibleAsync(output);
        foreach (var box in await _page.Locator("input[name=NeedIds]").AllAsync())
        {
            await box.CheckAsync();
        }

        await _page.GetByTestId("add-places").ClickAsync();
        await _page.WaitForURLAsync(url => !url.Contains("/platser", StringComparison.Ordinal));
        Assert.True(await _page.GetByTestId("places").Locator("tbody tr").CountAsync() > 0);

        await _page.GetByTestId("applicants-link").ClickAsync();
        await _page.WaitForURLAsync("**/sokande");
        await _page.AssertAccessibleAsync(output);
        await _page.GetByTestId("add-youth").ClickAsync();
        await _page.WaitForURLAsync(url => !url.Contains("/sokande", StringComparison.Ordinal));

        await _page.GetByTestId("run").ClickAsync();
        await _page.GetByTestId("comparison").WaitForAsync();
        Assert.Equal("0", await _page.GetByTestId("blocking-DeferredAcceptance").InnerTextAsync());
        var placed = int.Parse(await _page.GetByTestId("placed-DeferredAcceptance").InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.True(placed > 0);
        await _page.AssertAccessibleAsync(output);
        await _page.ScreenshotAsync("placement-comparison.png", output);

        await _page.GetByLabel("Uppskjuten antagning", new() { Exact = false }).CheckAsync();
        await _page.GetByTestId("publish").ClickAsync();
        await _page.GetByTestId("published").WaitForAsync();
        Assert.Contains("Publicerad", await _page.GetByTestId("round-status").InnerTextAsync(), StringComparison.Ordinal);
        await _page.AssertAccessibleAsync(output);

        // The demo person's youth profile took part: their page shows the published result and why.
        await _context.ClearCookiesAsync();
        await LogInAsync(Roles.Person);
        await _page.GotoAsync("/min-sida/placering");
        var result = _page.GetByTestId("placement-result");
        await result.WaitForAsync();
        Assert.Contains("APL vår 2027", await result.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await result.GetByTestId("placed").CountAsync() + await result.GetByTestId("unplaced").CountAsync() == 1);
        await _page.AssertAccessibleAsync(output);
        await _page.ScreenshotAsync("placement-student.png", output);
    }

    private async Task LogInAsync(string role)
    {
        var account = DemoSeeder.DemoAccounts.First(a => a.Role == role);
        await _page.GotoAsync("/konto/logga-in");
        await _page.GetByLabel("E-postadress").FillAsync(account.Email);
        await _page.GetByLabel("Lösenord").FillAsync(account.Password);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await _page.WaitForURLAsync(url => !url.Contains("/konto/logga-in", StringComparison.Ordinal));
    }
}
