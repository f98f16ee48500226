using Kompetensbron.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Kompetensbron.E2E;

/// <summary>
/// A new employer registers in the browser and waits; a coordinator approves it (and finds it among the users);
/// the employer then logs in and creates a need. Under the real CSP, with axe on every page.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class CoordinatorApprovalInBrowserTests(AppServer app, Chromium chromium, ITestOutputHelper output) : BrowserTest(app, chromium)
{
    private const string Password = "ett långt lösenord 42";

    protected override BrowserNewContextOptions? PageOptions => null;

    [BrowserFact]
    public async Task A_coordinator_approves_a_new_employer_who_then_logs_in_and_creates_a_need()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var organisation = $"Gjuteriet {unique} AB";
        var employerEmail = $"gjuteriet-{unique}@test.example";

        var registering = await NewPageAsync(Phone);
        await registering.GotoAsync("/konto/registrera-organisation");
        await registering.GetByLabel("Organisationens namn").FillAsync(organisation);
        await registering.GetByLabel("Organisationsnummer").FillAsync(EmployerJourneyInBrowserTests.UniqueOrganisationNumber());
        await registering.GetByLabel("Arbetsgivare", new() { Exact = true }).CheckAsync();
        await registering.GetByLabel("Kommun där organisationen finns").SelectOptionAsync("0683");
        await registering.GetByLabel("Ditt namn").FillAsync("Greta Gjutare");
        await registering.GetByLabel("Din e-postadress på jobbet").FillAsync(employerEmail);
        await registering.GetByLabel("Välj ett lösenord").FillAsync(Password);
        await registering.GetByLabel("Skriv lösenordet en gång till").FillAsync(Password);
        await registering.GetByRole(AriaRole.Button, new() { Name = "Skicka in" }).ClickAsync();
        await registering.WaitForURLAsync("**/konto/kolla-e-posten");
        await registering.GotoAsync(App.SignUpLink(employerEmail));
        await registering.GetByTestId("confirm-sign-up").ClickAsync();
        await registering.WaitForURLAsync("**/konto/vantar-pa-godkannande");
        await registering.CheckOnPhoneAsync("employer-waiting.png", output);

        var coordinator = await NewPageAsync(Phone);
        await coordinator.LogInAsync(await CreateCoordinatorAsync(), Password, "/samordnare");
        var row = coordinator.GetByTestId("pending-organisations").Locator("tr", new() { HasText = organisation });
        await coordinator.CheckOnPhoneAsync("coordinator-pending.png", output);
        await row.GetByRole(AriaRole.Button).ClickAsync();
        Assert.Contains(organisation, await coordinator.GetByTestId("approved").InnerTextAsync(), StringComparison.Ordinal);

        // The new member shows among the users, approved.
        await coordinator.GetByTestId("users-link").ClickAsync();
        await coordinator.GetByLabel("Sök", new() { Exact = true }).FillAsync(employerEmail);
        await coordinator.GetByTestId("search-users").ClickAsync();
        await coordinator.CheckOnPhoneAsync("coordinator-users.png", output);
        await coordinator.GetByTestId("users").GetByRole(AriaRole.Link, new() { Name = "Greta Gjutare" }).ClickAsync();
        Assert.Equal("aktiv", await coordinator.GetByTestId("user-status").InnerTextAsync());
        await coordinator.CheckOnPhoneAsync("coordinator-user.png", output);

        var employer = await NewPageAsync(Phone);
        await employer.LogInAsync(employerEmail, Password, "/arbetsgivare");

        // A second site, found by its postal code; the need is placed there.
        await employer.GetByTestId("organisation-link").ClickAsync();
        await employer.GetByTestId("add-site").ClickAsync();
        await employer.GetByLabel("Namn på arbetsplatsen").FillAsync("Gjuteriet i Värnamo");
        await employer.GetByLabel("Postnummer (om du vet det)").FillAsync("331 20");
        await employer.CheckOnPhoneAsync("site-edit.png", output);
        await employer.GetByTestId("save-site").ClickAsync();
        Assert.Contains("Gjuteriet i Värnamo", await employer.GetByTestId("sites").InnerTextAsync(), StringComparison.Ordinal);
        await employer.CheckOnPhoneAsync("organisation-sites.png", output);

        await employer.GotoAsync("/arbetsgivare");
        await employer.GetByTestId("new-need").ClickAsync();
        await employer.GetByLabel("Arbetsplats").SelectOptionAsync(new SelectOptionValue { Label = "Gjuteriet i Värnamo" });
        await employer.GetByLabel("Rubrik").FillAsync("Gjutare till kärnmakeriet");
        await employer.GetByLabel("Vad gäller det?").SelectOptionAsync("Job");
        await employer.GetByLabel("Yrke").FillAsync("svetsare");
        await employer.GetByLabel("Beskrivning").FillAsync("Du svetsar med TIG-svetsning.");
        await employer.GetByTestId("recognise").ClickAsync();
        await employer.GetByTestId("save-need").ClickAsync();
        await employer.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/arbetsgivare/behov/\d+$"));
        Assert.Equal("Öppet", await employer.GetByTestId("need-status").InnerTextAsync());
        await employer.CheckOnPhoneAsync("approved-employer-need.png", output);
        Assert.Empty(Blocked);
    }


    private async Task<string> CreateCoordinatorAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var email = $"samordnare-{Guid.NewGuid():N}@test.example";
        var created = await scope.ServiceProvider.GetRequiredService<Registration>()
            .CreateApprovedAccountAsync(email, "Sam Samordnare", Password, Roles.Coordinator, organisationId: null);
        Assert.True(created.Succeeded);
        return email;
    }
}
