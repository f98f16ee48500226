using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Demo;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Kompetensbron.E2E;

[Collection(BrowserTests.Name)]
public sealed class StartPageInBrowserTests(AppServer app, Chromium chromium, ITestOutputHelper output) : IAsyncLifetime
{
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        if (chromium.Browser is null)
        {
            return;
        }

        // A browser that asks for English first: Swedish must still be the default.
        _context = await chromium.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl.ToString(), Locale = "en-US" });
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
    public async Task Start_page_shows_counts_and_the_demo_notice_and_looks_right()
    {
        await _page.GotoAsync("/");
        await _page.ScreenshotAsync("start.png", output);

        Assert.Equal("sv", await _page.GetAttributeAsync("html", "lang"));
        foreach (var count in new[] { "employers", "needs", "profiles", "programmes" })
        {
            var text = await _page.Locator($"[data-count={count}]").InnerTextAsync();
            Assert.True(int.Parse(new string(text.Where(char.IsAsciiDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture) > 0, $"{count} is {text}");
        }

        Assert.True(await _page.GetByTestId("demo-notice").IsVisibleAsync());
        Assert.True(await _page.GetByTestId("demo-banner").IsVisibleAsync());

    }

    [BrowserFact]
    public async Task Switching_to_English_and_back_keeps_the_page()
    {
        await _page.GotoAsync("/om-data");
        await _page.GetByTestId("language-switch").ClickAsync();

        Assert.EndsWith("/om-data", _page.Url, StringComparison.Ordinal);
        Assert.Equal("en", await _page.GetAttributeAsync("html", "lang"));
        Assert.Equal("About the data", await _page.Locator("h1").InnerTextAsync());

        await _page.GetByTestId("language-switch").ClickAsync();

        Assert.Equal("sv", await _page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Om data", await _page.Locator("h1").InnerTextAsync());
    }

    [BrowserFact]
    public async Task The_demo_coordinator_logs_in_and_reaches_the_coordinator_page()
    {
        var coordinator = DemoSeeder.DemoAccounts.First(a => a.Role == Roles.Coordinator);
        await _page.GotoAsync("/");
        await _page.GetByRole(AriaRole.Link, new() { Name = "Logga in", Exact = true }).First.ClickAsync();

        await _page.GetByLabel("E-postadress").FillAsync(coordinator.Email);
        await _page.GetByLabel("Lösenord").FillAsync(coordinator.Password);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();

        await _page.WaitForURLAsync("**/samordnare");
        Assert.Equal("Samordnare", await _page.Locator("h1").InnerTextAsync());
        await _page.ScreenshotAsync("coordinator.png", output);

        // The demo employer's page lists its needs.
        await _page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        var employer = DemoSeeder.DemoAccounts.First(a => a.Role == Roles.Employer);
        await _page.LogInAsync(employer.Email, employer.Password, "/arbetsgivare");
        await _page.ScreenshotAsync("employer.png", output);
    }

    [BrowserFact]
    public async Task Start_page_has_no_serious_or_critical_accessibility_violations()
    {
        foreach (var path in new[] { "/", "/konto/logga-in", "/konto/registrera-organisation" })
        {
            await _page.GotoAsync(path);
            await _page.AssertAccessibleAsync(output);
        }
    }

    [BrowserFact]
    public async Task A_bad_organisation_number_shows_the_error_summary_linking_to_the_field()
    {
        await _page.GotoAsync("/konto/registrera-organisation");
        await _page.GetByLabel("Organisationens namn").FillAsync("Felnummer AB");
        await _page.GetByLabel("Organisationsnummer").FillAsync("556000-0002");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Skicka in" }).ClickAsync();

        var summary = _page.GetByTestId("error-summary");
        Assert.True(await summary.IsVisibleAsync());
        Assert.StartsWith("Fel:", await _page.TitleAsync(), StringComparison.Ordinal);
        await _page.ScreenshotAsync("registration-errors.png", output);

        await summary.GetByRole(AriaRole.Link, new() { Name = "Organisationsnumret är inte rätt" }).ClickAsync();
        Assert.Equal("Input_OrganisationNumber", await _page.EvaluateAsync<string>("document.activeElement.id"));
    }
}
