using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Demo;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Kompetensbron.E2E;

/// <summary>The person's privacy pages in a real browser, under the real CSP: nothing may be blocked by it.</summary>
[Collection(BrowserTests.Name)]
public sealed class PrivacyInBrowserTests(AppServer app, Chromium chromium, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<string> _blocked = [];
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        if (chromium.Browser is null)
        {
            return;
        }

        _context = await chromium.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl.ToString() });
        _page = await _context.NewPageAsync();
        _page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                _blocked.Add($"{_page.Url}: {message.Text}");
            }
        };
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }

    [BrowserFact]
    public async Task A_person_chooses_visibility_reads_how_matching_works_and_the_pages_are_accessible()
    {
        var person = DemoSeeder.DemoAccounts.First(a => a.Role == Roles.Person);
        await _page.LogInAsync(person.Email, person.Password, "/min-sida");

        await _page.GetByLabel("Godkända arbetsgivare, utan ditt namn").CheckAsync();
        await _page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        Assert.True(await _page.GetByTestId("saved").IsVisibleAsync());
        Assert.Equal("Godkända arbetsgivare, utan ditt namn", await _page.GetByTestId("visibility").InnerTextAsync());
        await _page.ScreenshotAsync("my-page.png", output);
        await _page.AssertAccessibleAsync(output);

        await _page.GetByTestId("delete-account").ClickAsync();
        await _page.WaitForURLAsync("**/min-sida/radera");
        await _page.ScreenshotAsync("delete-account.png", output);
        await _page.AssertAccessibleAsync(output);

        await _page.GetByRole(AriaRole.Link, new() { Name = "Så fungerar matchningen" }).First.ClickAsync();
        await _page.WaitForURLAsync("**/sa-fungerar-matchningen");
        Assert.Contains("kön", await _page.GetByTestId("matching-never").InnerTextAsync(), StringComparison.Ordinal);
        await _page.AssertAccessibleAsync(output);

        // The API reference runs its own script under its hash-based policy.
        await _page.GotoAsync("/scalar/v1");
        await _page.WaitForSelectorAsync("#app *");

        Assert.Empty(_blocked);
    }

    [BrowserFact]
    public async Task A_new_person_deletes_the_account_after_confirming()
    {
        var email = $"radera-{Guid.NewGuid():N}@test.example";
        await _page.GotoAsync("/konto/registrera");
        await _page.GetByLabel("Ditt namn").FillAsync("Radera Mig");
        await _page.GetByLabel("Kommun där du bor").SelectOptionAsync("0662");
        await _page.GetByLabel("E-postadress").FillAsync(email);
        await _page.GetByLabel("Välj ett lösenord").FillAsync("ett långt lösenord 42");
        await _page.GetByLabel("Skriv lösenordet en gång till").FillAsync("ett långt lösenord 42");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Skapa konto" }).ClickAsync();
        await _page.WaitForURLAsync("**/min-sida");

        await _page.GetByTestId("delete-account").ClickAsync();
        await _page.GetByRole(AriaRole.Button, new() { Name = "Radera mitt konto" }).ClickAsync();
        Assert.True(await _page.GetByTestId("error-summary").IsVisibleAsync());

        await _page.GetByLabel("Jag förstår att mitt konto och min profil tas bort för alltid").CheckAsync();
        await _page.GetByRole(AriaRole.Button, new() { Name = "Radera mitt konto" }).ClickAsync();
        await _page.WaitForURLAsync("**/konto/raderat");
        Assert.True(await _page.GetByTestId("account-deleted").IsVisibleAsync());
        Assert.Empty(_blocked);
    }
}
