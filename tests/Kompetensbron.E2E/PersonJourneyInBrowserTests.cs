using System.Globalization;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Kompetensbron.E2E;

/// <summary>The person's journey on a 360 px phone screen, under the real CSP, with axe on every page.</summary>
[Collection(BrowserTests.Name)]
public sealed class PersonJourneyInBrowserTests(AppServer app, Chromium chromium, ITestOutputHelper output) : BrowserTest(app, chromium)
{

    protected override BrowserNewContextOptions? PageOptions => Phone;

    [BrowserFact]
    public async Task A_newcomer_registers_builds_a_profile_from_an_occupation_and_free_text_sees_explained_matches_and_opens_a_learning_path()
    {
        var email = $"ny-{Guid.NewGuid():N}@test.example";
        await Page.GotoAsync("/konto/registrera");
        await Page.GetByLabel("Ditt namn").FillAsync("Amina Nyström");
        await Page.GetByLabel("Kommun där du bor").SelectOptionAsync("0662");
        await Page.GetByLabel("E-postadress").FillAsync(email);
        await Page.GetByLabel("Välj ett lösenord").FillAsync("ett långt lösenord 42");
        await Page.GetByLabel("Skriv lösenordet en gång till").FillAsync("ett långt lösenord 42");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Skapa konto" }).ClickAsync();
        await Page.WaitForURLAsync("**/konto/kolla-e-posten");
        await Page.CheckOnPhoneAsync("sign-up-check-email.png", output);

        // The link in the e-mail creates the account and logs in.
        await Page.GotoAsync(App.SignUpLink(email));
        await Page.CheckOnPhoneAsync("sign-up-confirm.png", output);
        await Page.GetByTestId("confirm-sign-up").ClickAsync();
        await Page.WaitForURLAsync("**/min-sida");

        await Page.GetByTestId("edit-profile").ClickAsync();
        await Page.WaitForURLAsync("**/min-sida/profil");
        await Page.CheckOnPhoneAsync("profile-start.png", output);
        await Page.GetByTestId("resume").ClickAsync();
        await Page.WaitForURLAsync("**/min-sida/profil/yrke");

        // Keyboard only: type in the search field, Enter, Tab to the first hit, Enter.
        await Page.GetByLabel("Vad har du jobbat som?").FocusAsync();
        await Page.Keyboard.TypeAsync("svetsare");
        await Page.Keyboard.PressAsync("Enter");
        await Page.GetByTestId("occupation-hits").WaitForAsync();
        await Page.CheckOnPhoneAsync("profile-occupation-search.png", output);
        await Page.GetByTestId("occupation-hits").GetByRole(AriaRole.Link).First.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync("**/min-sida/profil/yrke?yrke=*");
        var boxes = Page.Locator("input[name=SkillIds]");
        for (var i = 0; i < 3; i++)
        {
            await boxes.Nth(i).FocusAsync();
            await Page.Keyboard.PressAsync("Space");
        }

        await Page.CheckOnPhoneAsync("profile-occupation-skills.png", output);
        await Page.GetByTestId("save").ClickAsync();
        await Page.WaitForURLAsync("**/min-sida/profil/beskriv");

        await Page.GetByLabel("Berätta vad du har gjort").FillAsync("Jag har jobbat med tigsvetsning och kört truck på ett lager i två år.");
        await Page.GetByTestId("recognise").ClickAsync();
        await Page.GetByTestId("marked-text").WaitForAsync();
        Assert.True(await Page.Locator("mark").CountAsync() >= 1);
        await Page.CheckOnPhoneAsync("profile-free-text.png", output);
        await Page.GetByTestId("confirm").ClickAsync();
        await Page.WaitForURLAsync("**/min-sida/profil/kompetenser");
        await Page.CheckOnPhoneAsync("profile-skills.png", output);
        await Page.GetByTestId("continue").ClickAsync();
        await Page.WaitForURLAsync("**/min-sida/profil/niva");
        await Page.CheckOnPhoneAsync("profile-levels.png", output);

        // Places ask for some Swedish: the matches need the person's languages.
        await Page.GetByTestId("save").ClickAsync();
        await Page.WaitForURLAsync("**/min-sida/profil/sprak");
        await Page.GetByLabel("Språk", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Svenska" });
        await Page.GetByLabel("Nivå", new() { Exact = true }).SelectOptionAsync("B1");
        await Page.GetByTestId("save").ClickAsync();
        await Page.WaitForURLAsync("**/min-sida/profil/korkort");

        await Page.GotoAsync("/min-sida/profil");
        Assert.True(await Page.GetByTestId("check-skills").Locator("li").CountAsync() >= 2);
        await Page.CheckOnPhoneAsync("profile-check-answers.png", output);

        await Page.GetByTestId("to-matches").ClickAsync();
        await Page.WaitForURLAsync("**/min-sida/matchningar");
        await Page.GetByTestId("matches").Locator(".explanation li").First.WaitForAsync();
        await Page.CheckOnPhoneAsync("matches.png", output);

        await Page.GetByTestId("path-link").First.ClickAsync();
        await Page.WaitForURLAsync("**/min-sida/vag?behov=*");
        await Page.Locator("h1").WaitForAsync();
        await Page.CheckOnPhoneAsync("learning-path.png", output);

        Assert.Empty(Blocked);
    }

    [BrowserFact]
    public async Task Every_profile_step_works_with_the_keyboard_alone_on_a_phone()
    {
        var page = Page;
        var email = $"tangent-{Guid.NewGuid():N}@test.example";

        // Register: Tab between the fields, type, choose the municipality by typing its name.
        await page.GotoAsync("/konto/registrera");
        await page.TabToAsync(page.GetByLabel("Ditt namn"));
        await page.Keyboard.TypeAsync("Sam Tangent");
        await page.TabToAsync(page.GetByLabel("Kommun där du bor"));
        await page.Keyboard.TypeAsync("Gislaved");
        await page.TabToAsync(page.GetByLabel("E-postadress"));
        await page.Keyboard.TypeAsync(email);
        await page.TabToAsync(page.GetByLabel("Välj ett lösenord"));
        await page.Keyboard.TypeAsync("ett långt lösenord 42");
        await page.TabToAsync(page.GetByLabel("Skriv lösenordet en gång till"));
        await page.Keyboard.TypeAsync("ett långt lösenord 42");
        await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Skapa konto" }));
        await page.EnterAndWaitAsync("**/konto/kolla-e-posten");
        await page.GotoAsync(App.SignUpLink(email));
        await page.TabToAsync(page.GetByTestId("confirm-sign-up"));
        await page.EnterAndWaitAsync("**/min-sida");
        await Page.CheckOnPhoneAsync("keyboard-my-page.png", output);

        await page.TabToAsync(page.GetByTestId("edit-profile"));
        await page.EnterAndWaitAsync("**/min-sida/profil");
        await page.TabToAsync(page.GetByTestId("resume"));
        await page.EnterAndWaitAsync("**/min-sida/profil/yrke");

        // 1. What have you worked as: search, open a hit, give years, tick two skills.
        await page.TabToAsync(page.GetByLabel("Vad har du jobbat som?"));
        await page.Keyboard.TypeAsync("svetsare");
        await page.EnterAndWaitAsync("**/min-sida/profil/yrke?q=*");
        await page.TabToAsync(page.GetByTestId("occupation-hits").GetByRole(AriaRole.Link).First);
        await page.EnterAndWaitAsync("**/min-sida/profil/yrke?yrke=*");
        await page.TabToAsync(page.Locator("#Years"));
        await page.Keyboard.TypeAsync("3");
        var suggested = page.Locator("input[name=SkillIds]");
        var ticked = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            await page.TabToAsync(suggested.Nth(i));
            await page.PressAsync("Space");
            Assert.True(await suggested.Nth(i).IsCheckedAsync());
            ticked.Add((await suggested.Nth(i).GetAttributeAsync("value"))!);
        }

        await Page.CheckOnPhoneAsync("keyboard-occupation.png", output);
        await page.TabToAsync(page.GetByTestId("save"));
        await page.EnterAndWaitAsync("**/min-sida/profil/beskriv");

        // 2. Tell us what you have done: free text, then confirm what was recognised.
        await page.TabToAsync(page.GetByLabel("Berätta vad du har gjort"));
        await page.Keyboard.TypeAsync("Jag har kört truck på ett lager och gjort tigsvetsning.");
        await page.TabToAsync(page.GetByTestId("recognise"));
        await page.Keyboard.PressAsync("Enter");
        await page.GetByTestId("marked-text").WaitForAsync();
        var found = page.Locator("input[name=SkillIds]");
        Assert.True(await found.CountAsync() >= 1);
        var recognised = (await found.EvaluateAllAsync<string[]>("es => es.map(e => e.value)")).ToList();
        await page.TabToAsync(page.GetByTestId("confirm"));
        await page.EnterAndWaitAsync("**/min-sida/profil/kompetenser");

        // 3. Search and add a skill.
        await page.TabToAsync(page.GetByLabel("Sök kompetens"));
        await page.Keyboard.TypeAsync("CNC");
        await page.EnterAndWaitAsync("**/min-sida/profil/kompetenser?q=*");
        var add = page.GetByTestId("skill-hits").GetByRole(AriaRole.Button).First;
        await page.TabToAsync(add);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await page.GetByTestId("skill-hits").Locator(".muted").First.WaitForAsync();
        await Page.CheckOnPhoneAsync("keyboard-skills.png", output);
        await page.TabToAsync(page.GetByTestId("continue"));
        await page.EnterAndWaitAsync("**/min-sida/profil/niva");

        // 4. Level and evidence: arrow keys move within the level radios, a letter picks the evidence.
        await page.TabToAsync(page.Locator("#level-0-2"));
        await page.PressAsync("ArrowDown");
        Assert.True(await page.Locator("#level-0-3").IsCheckedAsync());
        await page.TabToAsync(page.Locator("#evidence-0"));
        await page.PressAsync("ArrowDown");
        Assert.Equal("Education", await page.Locator("#evidence-0").InputValueAsync());
        var levelled = (await page.Locator("input[name='Skills[0].SkillId']").GetAttributeAsync("value"))!;
        await Page.CheckOnPhoneAsync("keyboard-levels.png", output);
        await page.TabToAsync(page.GetByTestId("save"));
        await page.EnterAndWaitAsync("**/min-sida/profil/sprak");

        // 5. Languages: type to choose in the lists, then add.
        await page.TabToAsync(page.Locator("#NewLanguageId"));
        await page.Keyboard.TypeAsync("Svenska");
        await page.TabToAsync(page.Locator("#NewLevel"));
        await page.Keyboard.TypeAsync("B1");
        Assert.Equal("B1", await page.Locator("#NewLevel").InputValueAsync());
        await page.TabToAsync(page.GetByTestId("add-language"));
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("select[name^='Levels[']").WaitForAsync();
        await Page.CheckOnPhoneAsync("keyboard-languages.png", output);
        await page.TabToAsync(page.GetByTestId("save"));
        await page.EnterAndWaitAsync("**/min-sida/profil/korkort");

        // 6. Licences: Space ticks.
        await page.TabToAsync(page.Locator("#licence-B"));
        await page.PressAsync("Space");
        await page.TabToAsync(page.Locator("#licence-TRUCK_A"));
        await page.PressAsync("Space");
        await Page.CheckOnPhoneAsync("keyboard-licences.png", output);
        await page.TabToAsync(page.GetByTestId("save"));
        await page.EnterAndWaitAsync("**/min-sida/profil/hem");

        // 7. Home by postal code; Enter in the field sends the form.
        await page.TabToAsync(page.Locator("#Where"));
        await page.Keyboard.TypeAsync("33530");
        await Page.CheckOnPhoneAsync("keyboard-home.png", output);
        await page.EnterAndWaitAsync("**/min-sida/profil/pendling");

        // 8. Commute: arrows within each radio group.
        await page.TabToAsync(page.Locator("input[name=Minutes]:checked"));
        await page.PressAsync("ArrowDown");
        Assert.True(await page.Locator("input[name=Minutes][value='60']").IsCheckedAsync());
        await page.TabToAsync(page.Locator("input[name=Mode]:checked"));
        await page.PressAsync("ArrowDown");
        Assert.True(await page.Locator("input[name=Mode][value='PublicTransport']").IsCheckedAsync());
        await Page.CheckOnPhoneAsync("keyboard-commute.png", output);
        await page.TabToAsync(page.GetByTestId("save"));
        await page.EnterAndWaitAsync("**/min-sida/profil/start");

        // 9. From when: day and year first, Shift+Tab back to the month, which is first left empty to see its error.
        var from = DateOnly.FromDateTime(DateTime.Today).AddMonths(3);
        await page.TabToAsync(page.Locator("#Day"));
        await page.Keyboard.TypeAsync(from.Day.ToString(CultureInfo.InvariantCulture));
        await page.TabToAsync(page.Locator("#Year"));
        await page.Keyboard.TypeAsync(from.Year.ToString(CultureInfo.InvariantCulture));
        await page.Keyboard.PressAsync("Enter");
        await page.GetByTestId("error-summary").WaitForAsync();
        Assert.Equal("true", await page.Locator("#Month").GetAttributeAsync("aria-invalid"));
        await Page.CheckOnPhoneAsync("keyboard-start-error.png", output);
        await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Spara och fortsätt" }));
        await page.TabToAsync(page.Locator("#Month"), backwards: true);
        await page.Keyboard.TypeAsync(from.Month.ToString(CultureInfo.InvariantCulture));
        await page.EnterAndWaitAsync("**/min-sida/profil");

        // 10. Who may see the profile, on "check your answers".
        // Tab lands on the current answer; the arrows move down to "with your name".
        await page.TabToAsync(page.Locator("input[name=Visibility]:checked"));
        for (var i = 0; i < 2 && !await page.Locator("#Visibility_Visible").IsCheckedAsync(); i++)
        {
            await page.PressAsync("ArrowDown");
        }

        Assert.True(await page.Locator("#Visibility_Visible").IsCheckedAsync());
        await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }));
        await page.EnterAndWaitAsync("**/min-sida/profil");
        await Page.CheckOnPhoneAsync("keyboard-check-answers.png", output);

        // Removing an occupation asks first; "keep" goes back with nothing removed.
        await page.TabToAsync(page.GetByTestId("remove-occupation").First);
        await page.EnterAndWaitAsync("**/min-sida/profil/yrke?ta-bort=*");
        await Page.CheckOnPhoneAsync("keyboard-remove-occupation.png", output);
        await page.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = "Nej, behåll yrket" }));
        await page.EnterAndWaitAsync("**/min-sida/profil");

        // The saved profile has every answer.
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var profile = await db.Profiles.AsNoTracking().SingleAsync(p => p.UserId == userId);
        Assert.Equal(3m, Assert.Single(profile.Occupations).Years);
        var skills = profile.Skills.Select(s => s.SkillId).ToHashSet();
        Assert.Superset(ticked.Concat(recognised).ToHashSet(), skills);
        Assert.True(skills.Count > ticked.Concat(recognised).Distinct().Count(), "the searched skill was added");
        Assert.Equal((3, SkillEvidence.Education), profile.Skills.Where(s => s.SkillId == levelled).Select(s => (s.Level, s.Evidence)).Single());
        Assert.Equal(CefrLevel.B1, Assert.Single(profile.Languages).Level);
        Assert.Equal(["B", "TRUCK_A"], profile.Licences);
        Assert.Equal("33530", profile.PostalCode);
        Assert.Equal((60, CommuteMode.PublicTransport), (profile.MaxCommuteMinutes, profile.CommuteMode));
        Assert.Equal(from, profile.AvailableFrom);
        Assert.Equal(ProfileVisibility.Visible, profile.Visibility);
        Assert.Empty(Blocked);
    }

    [BrowserFact]
    public async Task A_career_changer_explores_occupations()
    {
        await Page.GotoAsync("/yrken");
        await Page.CheckOnPhoneAsync("explore.png", output);

        await Page.GetByRole(AriaRole.Link, new() { Name = "CNC-operatör" }).ClickAsync();
        await Page.WaitForURLAsync("**/yrken/*");
        Assert.Equal("CNC-operatör", await Page.Locator("h1").InnerTextAsync());
        Assert.True(await Page.GetByTestId("skills").Locator("li").CountAsync() > 0);
        await Page.CheckOnPhoneAsync("explore-occupation.png", output);

        if (await Page.GetByTestId("moves").GetByRole(AriaRole.Link).CountAsync() > 0)
        {
            await Page.GetByTestId("moves").GetByRole(AriaRole.Link).First.ClickAsync();
            await Page.Locator("h1").WaitForAsync();
            await Page.CheckOnPhoneAsync("explore-move.png", output);
        }

        Assert.Empty(Blocked);
    }
}
