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
public sealed partial class ProviderJourneyInBrowserTests(AppServer app, Chromium chromium, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Password = "ett långt lösenord 42";
    private const string TigWelding = "WBnc_JXj_MvY";
    private readonly List<string> _blocked = [];
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        if (chromium.Browser is null)
        {
            return;
        }

        _context = await chromium.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl.ToString(), ViewportSize = new() { Width = 360, Height = 740 } });
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
    public async Task A_provider_registers_a_programme_and_sees_its_demand_panel()
    {
        var email = await CreateProviderAndDemandAsync();
        await _page.LogInAsync(email, Password, "/utbildningsanordnare");
        await _page.GetByTestId("new-programme").ClickAsync();
        await _page.WaitForURLAsync("**/utbildningsanordnare/utbildningar/redigera");

        await _page.GetByLabel("Namn på utbildningen").FillAsync("Svetsteknik, yrkeshögskola");
        await _page.GetByLabel("Vilken sorts utbildning?").SelectOptionAsync("Yh");
        await _page.GetByLabel("Beskrivning").FillAsync("Du lär dig TIG-svetsning i rostfritt och aluminium.");
        await _page.GetByTestId("recognise").ClickAsync();
        Assert.True(await _page.GetByTestId("recognised").IsVisibleAsync());

        // The same picker as the need editor: search as you type, tick, add.
        await _page.GetByLabel("Sök kompetens").FillAsync("mig-svets");
        await _page.Locator("[data-skill-results] input[type=checkbox]").First.CheckAsync();
        await _page.GetByTestId("skill-add").ClickAsync();
        Assert.True(await _page.GetByTestId("programme-skills").Locator("tbody tr").CountAsync() >= 2);

        await _page.GetByLabel("Längd i veckor").FillAsync("40");
        await _page.GetByLabel("Antal platser").FillAsync("24");
        await _page.GetByLabel("Start 1", new() { Exact = true }).FillAsync("2027-08-16");
        await _page.GetByLabel("Var ges utbildningen?").SelectOptionAsync(new SelectOptionValue { Label = "Skolan i Gislaved" });
        await CheckAsync("programme-edit.png");
        await _page.GetByTestId("save-programme").ClickAsync();
        await _page.WaitForURLAsync(ProgrammePage());

        var panel = _page.GetByTestId("demand-panel");
        Assert.True(await panel.IsVisibleAsync());
        var tig = _page.GetByTestId("demand-taught").Locator("tbody tr", new() { HasText = "TIG-svetsning" });
        var requiredNow = await tig.Locator("td").First.InnerTextAsync();
        Assert.True(int.TryParse(requiredNow, NumberStyles.None, CultureInfo.InvariantCulture, out var positions) && positions >= 6, $"TIG-svetsning: {requiredNow}");
        Assert.Contains("kompetenser efterfrågas", await _page.GetByTestId("demand-share").InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync("programme-demand.png");

        await _page.GetByTestId("archive-programme").ClickAsync();
        Assert.True(await _page.GetByTestId("archived").IsVisibleAsync());
        await _page.GotoAsync("/utbildningsanordnare");
        Assert.Contains("arkiverad", await _page.GetByTestId("programmes").InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync("provider-programmes.png");
        Assert.Empty(_blocked);
    }

    private async Task CheckAsync(string screenshot)
    {
        await _page.ScreenshotAsync(screenshot, output);
        await _page.AssertAccessibleAsync(output);
        var wide = await _page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrap')).slice(0, 5).map(e => e.tagName + '.' + e.className)");
        Assert.True(await _page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{_page.Url} scrolls sideways at 360 px: {string.Join(", ", wide)}");
    }

    /// <summary>An approved provider with a school in Gislaved, and an approved employer there that needs six TIG welders.</summary>
    private async Task<string> CreateProviderAndDemandAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
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
