using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Demo;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Kompetensbron.E2E;

[Collection(BrowserTests.Name)]
public sealed class StartPageInBrowserTests(AppServer app, Chromium chromium, ITestOutputHelper output) : BrowserTest(app, chromium)
{

    // A browser that asks for English first: Swedish must still be the default.
    protected override BrowserNewContextOptions? PageOptions => new() { Locale = "en-US" };

    [BrowserFact]
    public async Task Start_page_shows_counts_and_the_demo_notice_and_looks_right()
    {
        await Page.GotoAsync("/");
        await Page.ScreenshotAsync("start.png", output);

        Assert.Equal("sv", await Page.GetAttributeAsync("html", "lang"));
        foreach (var count in new[] { "employers", "needs", "profiles", "programmes" })
        {
            var text = await Page.Locator($"[data-count={count}]").InnerTextAsync();
            Assert.True(int.Parse(new string(text.Where(char.IsAsciiDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture) > 0, $"{count} is {text}");
        }

        Assert.True(await Page.GetByTestId("demo-notice").IsVisibleAsync());
        Assert.True(await Page.GetByTestId("demo-banner").IsVisibleAsync());

    }

    [BrowserFact]
    public async Task Switching_to_English_and_back_keeps_the_page()
    {
        await Page.GotoAsync("/om-data");
        await Page.GetByTestId("language-switch").ClickAsync();

        Assert.EndsWith("/om-data", Page.Url, StringComparison.Ordinal);
        Assert.Equal("en", await Page.GetAttributeAsync("html", "lang"));
        Assert.Equal("About the data", await Page.Locator("h1").InnerTextAsync());

        await Page.GetByTestId("language-switch").ClickAsync();

        Assert.Equal("sv", await Page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Om data", await Page.Locator("h1").InnerTextAsync());
    }

    [BrowserFact]
    public async Task The_demo_coordinator_logs_in_and_reaches_the_coordinator_page()
    {
        var coordinator = DemoSeeder.DemoAccounts.First(a => a.Role == Roles.Coordinator);
        await Page.GotoAsync("/");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Logga in", Exact = true }).First.ClickAsync();

        await Page.GetByLabel("E-postadress").FillAsync(coordinator.Email);
        await Page.GetByLabel("Lösenord").FillAsync(coordinator.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();

        await Page.WaitForURLAsync("**/samordnare");
        Assert.Equal("Samordnare", await Page.Locator("h1").InnerTextAsync());
        await Page.ScreenshotAsync("coordinator.png", output);

        // The demo employer's page lists its needs.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        var employer = DemoSeeder.DemoAccounts.First(a => a.Role == Roles.Employer);
        await Page.LogInAsync(employer.Email, employer.Password, "/arbetsgivare");
        await Page.ScreenshotAsync("employer.png", output);
    }

    [BrowserFact]
    public async Task Start_page_has_no_serious_or_critical_accessibility_violations()
    {
        foreach (var path in new[] { "/", "/konto/logga-in", "/konto/registrera-organisation" })
        {
            await Page.GotoAsync(path);
            await Page.AssertAccessibleAsync(output);
        }
    }

    [BrowserFact]
    public async Task A_bad_organisation_number_shows_the_error_summary_linking_to_the_field()
    {
        await Page.GotoAsync("/konto/registrera-organisation");
        await Page.GetByLabel("Organisationens namn").FillAsync("Felnummer AB");
        await Page.GetByLabel("Organisationsnummer").FillAsync("556000-0002");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Skicka in" }).ClickAsync();

        var summary = Page.GetByTestId("error-summary");
        Assert.True(await summary.IsVisibleAsync());
        Assert.StartsWith("Fel:", await Page.TitleAsync(), StringComparison.Ordinal);
        await Page.ScreenshotAsync("registration-errors.png", output);

        await summary.GetByRole(AriaRole.Link, new() { Name = "Organisationsnumret är inte rätt" }).ClickAsync();
        Assert.Equal("Input_OrganisationNumber", await Page.EvaluateAsync<string>("document.activeElement.id"));
    }
}
