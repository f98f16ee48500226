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
public sealed class CoordinatorApprovalInBrowserTests(AppServer app, Chromium chromium, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Password = "ett långt lösenord 42";
    private readonly List<string> _blocked = [];
    private readonly List<IBrowserContext> _contexts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
    }

    [BrowserFact]
    public async Task A_coordinator_approves_a_new_employer_who_then_logs_in_and_creates_a_need()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var organisation = $"Gjuteriet {unique} AB";
        var employerEmail = $"gjuteriet-{unique}@test.example";

        var registering = await NewPageAsync();
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
        await registering.WaitForURLAsync("**/konto/vantar-pa-godkannande");
        await CheckAsync(registering, "employer-waiting.png");

        var coordinator = await NewPageAsync();
        await coordinator.LogInAsync(await CreateCoordinatorAsync(), Password, "/samordnare");
        var row = coordinator.GetByTestId("pending-organisations").Locator("tr", new() { HasText = organisation });
        await CheckAsync(coordinator, "coordinator-pending.png");
        await row.GetByRole(AriaRole.Button).ClickAsync();
        Assert.Contains(organisation, await coordinator.GetByTestId("approved").InnerTextAsync(), StringComparison.Ordinal);

        // The new member shows among the users, approved.
        await coordinator.GetByTestId("users-link").ClickAsync();
        await coordinator.GetByLabel("Sök", new() { Exact = true }).FillAsync(employerEmail);
        await coordinator.GetByTestId("search-users").ClickAsync();
        await CheckAsync(coordinator, "coordinator-users.png");
        await coordinator.GetByTestId("users").GetByRole(AriaRole.Link, new() { Name = "Greta Gjutare" }).ClickAsync();
        Assert.Equal("aktiv", await coordinator.GetByTestId("user-status").InnerTextAsync());
        await CheckAsync(coordinator, "coordinator-user.png");

        var employer = await NewPageAsync();
        await employer.LogInAsync(employerEmail, Password, "/arbetsgivare");

        // A second site, found by its postal code; the need is placed there.
        await employer.GetByTestId("organisation-link").ClickAsync();
        await employer.GetByTestId("add-site").ClickAsync();
        await employer.GetByLabel("Namn på arbetsplatsen").FillAsync("Gjuteriet i Värnamo");
        await employer.GetByLabel("Postnummer (om du vet det)").FillAsync("331 20");
        await CheckAsync(employer, "site-edit.png");
        await employer.GetByTestId("save-site").ClickAsync();
        Assert.Contains("Gjuteriet i Värnamo", await employer.GetByTestId("sites").InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(employer, "organisation-sites.png");

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
        await CheckAsync(employer, "approved-employer-need.png");
        Assert.Empty(_blocked);
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await chromium.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl.ToString(), ViewportSize = new() { Width = 360, Height = 740 } });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                _blocked.Add($"{page.Url}: {message.Text}");
            }
        };
        return page;
    }

    private async Task CheckAsync(IPage page, string screenshot)
    {
        await page.ScreenshotAsync(screenshot, output);
        await page.AssertAccessibleAsync(output);
        var wide = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrap')).slice(0, 5).map(e => e.tagName + '.' + e.className)");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{page.Url} scrolls sideways at 360 px: {string.Join(", ", wide)}");
    }

    private async Task<string> CreateCoordinatorAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var email = $"samordnare-{Guid.NewGuid():N}@test.example";
        var created = await scope.ServiceProvider.GetRequiredService<Registration>()
            .CreateApprovedAccountAsync(email, "Sam Samordnare", Password, Roles.Coordinator, organisationId: null);
        Assert.True(created.Succeeded);
        return email;
    }
}
