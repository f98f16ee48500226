using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Matching;
using Kompetensbron.Web.Employers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Kompetensbron.E2E;

/// <summary>
/// An employer describes a need, finds explained pseudonymous candidates and invites one; the person accepts in
/// their inbox; the employer then sees the contact. Under the real CSP, with axe on every page.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class EmployerJourneyInBrowserTests(AppServer app, Chromium chromium, ITestOutputHelper output) : BrowserTest(app, chromium)
{
    private const string Password = "ett långt lösenord 42";
    private const string TigWelding = "WBnc_JXj_MvY";
    private static readonly (double Lat, double Lon) Gislaved = (57.3046, 13.5386);

    protected override BrowserNewContextOptions? PageOptions => null;

    [BrowserFact]
    public async Task An_employer_invites_a_pseudonymous_candidate_who_accepts_and_then_sees_the_contact()
    {
        var (employerEmail, personEmail, profileId) = await CreateEmployerAndWelderAsync();
        var page = await NewPageAsync(new());
        await LoginAsync(page, employerEmail, "**/arbetsgivare");

        await page.GetByTestId("new-need").ClickAsync();
        await page.GetByLabel("Rubrik").FillAsync("TIG-svetsare till rostfritt");
        await page.GetByLabel("Vad gäller det?").SelectOptionAsync("Job");
        await page.GetByLabel("Yrke").FillAsync("svetsare");
        await page.GetByLabel("Beskrivning").FillAsync("Du svetsar rostfria detaljer med TIG-svetsning.");
        await page.GetByTestId("recognise").ClickAsync();
        Assert.True(await page.GetByTestId("recognised").IsVisibleAsync());

        // The picker searches as you type (skill-picker.js) and adds the ticked skill.
        await page.GetByLabel("Sök kompetens").FillAsync("mig-svets");
        await page.Locator("[data-skill-results] input[type=checkbox]").First.CheckAsync();
        await page.GetByTestId("skill-add").ClickAsync();
        Assert.Equal(2, await page.GetByTestId("need-skills").Locator("tbody tr").CountAsync());

        await page.GetByLabel("Krav eller meriterande: TIG-svetsning").SelectOptionAsync("true");
        await page.GetByLabel("Vikt: TIG-svetsning").SelectOptionAsync("3");
        await page.GetByLabel("Lägsta nivå i svenska").SelectOptionAsync("B1");
        await page.GetByLabel("Truckkort A (lättare truck)").CheckAsync();
        await page.ScreenshotAsync("need-edit.png", output);
        await page.AssertAccessibleAsync(output);
        await page.GetByTestId("save-need").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/arbetsgivare/behov/\d+$"));

        // Candidates are pseudonymous and explained; the test finds its welder's card the way the server reads tokens.
        var needId = int.Parse(page.Url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var protector = CandidateTokens.ForNeed(App.Services.GetRequiredService<IDataProtectionProvider>(), needId);
        var cards = page.GetByTestId("candidates").Locator("li.panel");
        Assert.True(await cards.CountAsync() > 0);
        Assert.DoesNotContain(personEmail, await page.ContentAsync(), StringComparison.Ordinal);
        ILocator? card = null;
        for (var i = 0; i < await cards.CountAsync() && card is null; i++)
        {
            var token = await cards.Nth(i).Locator("input[name=candidate]").GetAttributeAsync("value");
            card = protector.ProfileId(token) == profileId ? cards.Nth(i) : null;
        }

        Assert.NotNull(card);
        Assert.Contains("1 av 1 krav", await card.InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("need-candidates.png", output);
        await page.AssertAccessibleAsync(output);
        await card.GetByTestId("invite").ClickAsync();
        Assert.Equal(1, await page.GetByTestId("pipeline").Locator("tbody tr").CountAsync());

        var inbox = await NewPageAsync(new());
        await LoginAsync(inbox, personEmail, "**/min-sida");
        await inbox.GotoAsync("/min-sida/inbjudningar");
        Assert.Contains("TIG-svetsare till rostfritt", await inbox.GetByTestId("inbox").InnerTextAsync(), StringComparison.Ordinal);
        await inbox.ScreenshotAsync("inbox.png", output);
        await inbox.AssertAccessibleAsync(output);
        await inbox.GetByRole(AriaRole.Button, new() { Name = "Tacka ja" }).ClickAsync();
        Assert.Equal("Har tackat ja", await inbox.GetByTestId("invitation-status").InnerTextAsync());

        await page.ReloadAsync();
        Assert.Contains(personEmail, await page.GetByTestId("contact").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Intervjuad" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Anställd" }).ClickAsync();
        Assert.Contains("Anställd", await page.GetByTestId("pipeline").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("need-pipeline.png", output);
        await page.AssertAccessibleAsync(output);
        Assert.Empty(Blocked);
    }


    private static async Task LoginAsync(IPage page, string email, string landing)
    {
        await page.GotoAsync("/konto/logga-in");
        await page.GetByLabel("E-postadress").FillAsync(email);
        await page.GetByLabel("Lösenord").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.WaitForURLAsync(landing);
    }

    /// <summary>A valid organisation number nobody else in the run uses (the other browser tests use it too).</summary>
    internal static string UniqueOrganisationNumber()
    {
        var nine = "55" + Random.Shared.Next(0, 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        return $"{nine[..6]}-{nine[6..]}{OrganisationNumber.CheckDigit(nine)}";
    }

    /// <summary>A new approved employer with a site in Gislaved, and a person there who welds TIG and shows the profile pseudonymously.</summary>
    private async Task<(string EmployerEmail, string PersonEmail, int ProfileId)> CreateEmployerAndWelderAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KompetensbronUser>>();
        var unique = Guid.NewGuid().ToString("N")[..8];
        var organisation = new Organisation
        {
            Kind = OrganisationKind.Employer, Name = $"Svets AB {unique}", OrganisationNumber = UniqueOrganisationNumber(),
            IsApproved = true, CreatedAt = DateTimeOffset.UtcNow,
            Sites = [new Site { Name = "Verkstaden", MunicipalityCode = "0662", Latitude = Gislaved.Lat, Longitude = Gislaved.Lon }],
        };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();

        var employerEmail = $"arbetsgivare-{unique}@test.example";
        var employer = new KompetensbronUser
        {
            UserName = employerEmail, Email = employerEmail, DisplayName = "Eva Arbetsgivare", OrganisationId = organisation.Id,
            IsApproved = true, CreatedAt = DateTimeOffset.UtcNow,
        };
        Assert.True((await users.CreateAsync(employer, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(employer, Roles.Employer)).Succeeded);

        var personEmail = $"svetsare-{unique}@test.example";
        var registered = await scope.ServiceProvider.GetRequiredService<Registration>().RegisterPersonAsync(
            new PersonRegistration("Svea Svetsare", scope.ServiceProvider.GetRequiredService<GeographyModel>().FindMunicipality("0662")!, personEmail, Password),
            CancellationToken.None);
        Assert.True(registered.Succeeded);
        var matching = App.Services.GetRequiredService<MatchService>();
        var profile = await db.Profiles.SingleAsync(p => p.UserId == registered.User!.Id);
        (profile.Latitude, profile.Longitude) = Gislaved;
        profile.Visibility = ProfileVisibility.PseudonymousToApprovedEmployers;
        profile.Licences = ["TRUCK_A"];
        profile.Skills = [new ProfileSkill { SkillId = TigWelding, Level = 3, Evidence = SkillEvidence.Work }];
        profile.Languages = [new ProfileLanguage { LanguageId = matching.Model.SwedishLanguageId, Level = CefrLevel.C2 }];
        await db.SaveChangesAsync();
        await matching.RefreshProfileAsync(profile.Id);
        return (employerEmail, personEmail, profile.Id);
    }
}
