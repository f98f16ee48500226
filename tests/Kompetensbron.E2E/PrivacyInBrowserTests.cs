using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Demo;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Kompetensbron.E2E;

/// <summary>The person's privacy pages in a real browser, under the real CSP: nothing may be blocked by it.</summary>
[Collection(BrowserTests.Name)]
public sealed class PrivacyInBrowserTests(AppServer app, Chromium chromium, ITestOutputHelper output) : BrowserTest(app, chromium)
{

    protected override BrowserNewContextOptions? PageOptions => new();

    [BrowserFact]
    public async Task A_person_chooses_visibility_reads_how_matching_works_and_the_pages_are_accessible()
    {
        var person = DemoSeeder.DemoAccounts.First(a => a.Role == Roles.Person);
        await Page.LogInAsync(person.Email, person.Password, "/min-sida");

        await Page.GetByLabel("Godkända arbetsgivare, utan ditt namn").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }).ClickAsync();
        Assert.True(await Page.GetByTestId("saved").IsVisibleAsync());
        Assert.Equal("Godkända arbetsgivare, utan ditt namn", await Page.GetByTestId("visibility").InnerTextAsync());
        await Page.ScreenshotAsync("my-page.png", output);
        await Page.AssertAccessibleAsync(output);

        await Page.GetByTestId("delete-account").ClickAsync();
        await Page.WaitForURLAsync("**/min-sida/radera");
        await Page.ScreenshotAsync("delete-account.png", output);
        await Page.AssertAccessibleAsync(output);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Så fungerar matchningen" }).First.ClickAsync();
        await Page.WaitForURLAsync("**/sa-fungerar-matchningen");
        Assert.Contains("kön", await Page.GetByTestId("matching-never").InnerTextAsync(), StringComparison.Ordinal);
        await Page.AssertAccessibleAsync(output);

        // The API reference runs its own script under its hash-based policy.
        await Page.GotoAsync("/scalar/v1");
        await Page.WaitForSelectorAsync("#app *");

        Assert.Empty(Blocked);
    }

    [BrowserFact]
    public async Task A_new_person_deletes_the_account_after_confirming()
    {
        var email = $"radera-{Guid.NewGuid():N}@test.example";
        await Page.GotoAsync("/konto/registrera");
        await Page.GetByLabel("Ditt namn").FillAsync("Radera Mig");
        await Page.GetByLabel("Kommun där du bor").SelectOptionAsync("0662");
        await Page.GetByLabel("E-postadress").FillAsync(email);
        await Page.GetByLabel("Välj ett lösenord").FillAsync("ett långt lösenord 42");
        await Page.GetByLabel("Skriv lösenordet en gång till").FillAsync("ett långt lösenord 42");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Skapa konto" }).ClickAsync();
        await Page.WaitForURLAsync("**/konto/kolla-e-posten");
        await Page.GotoAsync(App.SignUpLink(email));
        await Page.GetByTestId("confirm-sign-up").ClickAsync();
        await Page.WaitForURLAsync("**/min-sida");

        await Page.GetByTestId("delete-account").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Radera mitt konto" }).ClickAsync();
        Assert.True(await Page.GetByTestId("error-summary").IsVisibleAsync());

        await Page.GetByLabel("Jag förstår att mitt konto och min profil tas bort för alltid").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Radera mitt konto" }).ClickAsync();
        await Page.WaitForURLAsync("**/konto/raderat");
        Assert.True(await Page.GetByTestId("account-deleted").IsVisibleAsync());
        Assert.Empty(Blocked);
    }
}
