using System.Globalization;
using System.Text.RegularExpressions;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Kompetensbron.E2E;

/// <summary>
/// An education provider registers a programme with the skill picker and recognition, sees its demand panel and
/// archives it; on a 360 px screen, under the real CSP, with axe on every page.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed partial class ProviderJourneyInBrowserTests(AppServer app, Chromium chromium, ITestOutputHelper output) : BrowserTest(app, chromium)
{
    private const string Password = "ett långt lösenord 42";
    private const string TigWelding = "WBnc_JXj_MvY";

    protected override BrowserNewContextOptions? PageOptions => Phone;

    [BrowserFact]
    public async Task A_provider_registers_a_programme_and_sees_its_demand_panel()
    {
        var email = await CreateProviderAndDemandAsync();
        await Page.LogInAsync(email, Password, "/utbildningsanordnare");
        await Page.GetByTestId("new-programme").ClickAsync();
        await Page.WaitForURLAsync("**/utbildningsanordnare/utbildningar/redigera");

        await Page.GetByLabel("Namn på utbildningen").FillAsync("Svetsteknik, yrkeshögskola");
        await Page.GetByLabel("Vilken sorts utbildning?").SelectOptionAsync("Yh");
        await Page.GetByLabel("Beskrivning").FillAsync("Du lär dig TIG-svetsning i rostfritt och aluminium.");
        await Page.GetByTestId("recognise").ClickAsync();
        Assert.True(await Page.GetByTestId("recognised").IsVisibleAsync());

        // The same picker as the need editor: search as you type, tick, add.
        await Page.GetByLabel("Sök kompetens").FillAsync("mig-svets");
        await Page.Locator("[data-skill-results] input[type=checkbox]").First.CheckAsync();
        await Page.GetByTestId("skill-add").ClickAsync();
        Assert.True(await Page.GetByTestId("programme-skills").Locator("tbody tr").CountAsync() >= 2);

        await Page.GetByLabel("Längd i veckor").FillAsync("40");
        await Page.GetByLabel("Antal platser").FillAsync("24");
        await Page.GetByLabel("Start 1", new() { Exact = true }).FillAsync("2027-08-16");
        await Page.GetByLabel("Var ges utbildningen?").SelectOptionAsync(new SelectOptionValue { Label = "Skolan i Gislaved" });
        await Page.CheckOnPhoneAsync("programme-edit.png", output);
        await Page.GetByTestId("save-programme").ClickAsync();
        await Page.WaitForURLAsync(ProgrammePage());

        var panel = Page.GetByTestId("demand-panel");
        Assert.True(await panel.IsVisibleAsync());
        var tig = Page.GetByTestId("demand-taught").Locator("tbody tr", new() { HasText = "TIG-svetsning" });
        var requiredNow = await tig.Locator("td").First.InnerTextAsync();
        Assert.True(int.TryParse(requiredNow, NumberStyles.None, CultureInfo.InvariantCulture, out var positions) && positions >= 6, $"TIG-svetsning: {requiredNow}");
        Assert.Contains("kompetenser efterfrågas", await Page.GetByTestId("demand-share").InnerTextAsync(), StringComparison.Ordinal);
        await Page.CheckOnPhoneAsync("programme-demand.png", output);

        await Page.GetByTestId("archive-programme").ClickAsync();
        Assert.True(await Page.GetByTestId("archived").IsVisibleAsync());
        await Page.GotoAsync("/utbildningsanordnare");
        Assert.Contains("arkiverad", await Page.GetByTestId("programmes").InnerTextAsync(), StringComparison.Ordinal);
        await Page.CheckOnPhoneAsync("provider-programmes.png", output);
        Assert.Empty(Blocked);
    }

    /// <summary>An approved provider with a school in Gislaved, and an approved employer there that needs six TIG welders.</summary>
    private async Task<string> CreateProviderAndDemandAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KompetensbronUser>>();
        var unique = Guid.NewGuid().ToString("N")[..8];
        var provider = Organisation(OrganisationKind.EducationProvider, $"Yrkesskolan {unique}", "Skolan i Gislaved");
        var employer = Organisation(OrganisationKind.Employer, $"Svets AB {unique}", "Verkstaden");
        db.Organisations.AddRange(provider, employer);
        await db.SaveChangesAsync();
        db.Needs.Add(new Need
        {
            OrganisationId = employer.Id, Title = "TIG-svetsare", Headcount = 6, Status = NeedStatus.Open,
            OccupationId = scope.ServiceProvider.GetRequiredService<TaxonomyModel>().Occupations.First(o => o.Ssyk4Id.Length > 0).Id,
            Skills = [new NeedSkill { SkillId = TigWelding, IsRequired = true, Importance = 3 }],
        });
        await db.SaveChangesAsync();

        var email = $"utbildning-{unique}@test.example";
        var user = new KompetensbronUser
        {
            UserName = email, Email = email, DisplayName = "Ulla Utbildare", OrganisationId = provider.Id, IsApproved = true, CreatedAt = DateTimeOffset.UtcNow,
        };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.EducationProvider)).Succeeded);
        return email;
    }

    private static Organisation Organisation(OrganisationKind kind, string name, string site) => new()
    {
        Kind = kind, Name = name, OrganisationNumber = EmployerJourneyInBrowserTests.UniqueOrganisationNumber(), IsApproved = true, CreatedAt = DateTimeOffset.UtcNow,
        Sites = [new Site { Name = site, MunicipalityCode = "0662", Latitude = 57.3046, Longitude = 13.5386 }],
    };

    [GeneratedRegex(@"/utbildningsanordnare/utbildningar/\d+$")]
    private static partial Regex ProgrammePage();
}
