using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Kompetensbron.E2E;

/// <summary>The person's journey on a 360 px phone screen, under the real CSP, with axe on every page.</summary>
[Collection(BrowserTests.Name)]
public sealed class PersonJourneyInBrowserTests(AppServer app, Chromium chromium, ITestOutputHelper output) : IAsyncLifetime
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

        _context = await chromium.Browser.NewContextAsync(new()
        {
            BaseURL = app.BaseUrl.ToString(),
            ViewportSize = new() { Width = 360, Height = 740 },
        });
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

    private async Task CheckAsync(string screenshot)
    {
        await _page.ScreenshotAsync(screenshot, output);
        await _page.AssertAccessibleAsync(output);
        // Readable at 360 px: nothing wider than the screen.
        Assert.True(await _page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{_page.Url} scrolls sideways at 360 px");
    }

    [BrowserFact]
    public async Task A_newcomer_registers_builds_a_profile_from_an_occupation_and_free_text_sees_explained_matches_and_opens_a_learning_path()
    {
        await _page.GotoAsync("/konto/registrera");
        await _page.GetByLabel("Ditt namn").FillAsync("Amina Nyström");
        await _page.GetByLabel("Kommun där du bor").SelectOptionAsync("0662");
        await _page.GetByLabel("E-postadress").FillAsync($"ny-{Guid.NewGuid():N}@test.example");
        await _page.GetByLabel("Välj ett lösenord").FillAsync("ett långt lösenord 42");
        await _page.GetByLabel("Skriv lösenordet en gång till").FillAsync("ett långt lösenord 42");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Skapa konto" }).ClickAsync();
        await _page.WaitForURLAsync("**/min-sida");

        await _page.GetByTestId("edit-profile").ClickAsync();
        await _page.WaitForURLAsync("**/min-sida/profil");
        await CheckAsync("profile-start.png");
        await _page.GetByTestId("resume").ClickAsync();
        await _page.WaitForURLAsync("**/min-sida/profil/yrke");

        // Keyboard only: type in the search field, Enter, Tab to the first hit, Enter.
        await _page.GetByLabel("Vad har du jobbat som?").FocusAsync();
        await _page.Keyboard.TypeAsync("svetsare");
        await _page.Keyboard.PressAsync("Enter");
        await _page.GetByTestId("occupation-hits").WaitForAsync();
        await CheckAsync("profile-occupation-search.png");
        await _page.GetByTestId("occupation-hits").GetByRole(AriaRole.Link).First.FocusAsync();
        await _page.Keyboard.PressAsync("Enter");
        await _page.WaitForURLAsync("**/min-sida/profil/yrke?yrke=*");
        var boxes = _page.Locator("input[name=SkillIds]");
        for (var i = 0; i < 3; i++)
        {
            await boxes.Nth(i).FocusAsync();
            await _page.Keyboard.PressAsync("Space");
        }

        await CheckAsync("profile-occupation-skills.png");
        await _page.GetByTestId("save").ClickAsync();
        await _page.WaitForURLAsync("**/min-sida/profil/beskriv");

        await _page.GetByLabel("Berätta vad du har gjort").FillAsync("Jag har jobbat med tigsvetsning och kört truck på ett lager i två år.");
        await _page.GetByTestId("recognise").ClickAsync();
        await _page.GetByTestId("marked-text").WaitForAsync();
        Assert.True(await _page.Locator("mark").CountAsync() >= 1);
        await CheckAsync("profile-free-text.png");
        await _page.GetByTestId("confirm").ClickAsync();
        await _page.WaitForURLAsync("**/min-sida/profil/kompetenser");
        await CheckAsync("profile-skills.png");
        await _page.GetByTestId("continue").ClickAsync();
        await _page.WaitForURLAsync("**/min-sida/profil/niva");
        await CheckAsync("profile-levels.png");

        await _page.GotoAsync("/min-sida/profil");
        Assert.True(await _page.GetByTestId("check-skills").Locator("li").CountAsync() >= 2);
        await CheckAsync("profile-check-answers.png");

        await _page.GetByTestId("to-matches").ClickAsync();
        await _page.WaitForURLAsync("**/min-sida/matchningar");
        await _page.GetByTestId("matches").Locator(".explanation li").First.WaitForAsync();
        await CheckAsync("matches.png");

        await _page.GetByTestId("path-link").First.ClickAsync();
        await _page.WaitForURLAsync("**/min-sida/vag?behov=*");
        await _page.Locator("h1").WaitForAsync();
        await CheckAsync("learning-path.png");

        Assert.Empty(_blocked);
    }

    [BrowserFact]
    public async Task A_career_changer_explores_occupations()
    {
        await _page.GotoAsync("/yrken");
        await CheckAsync("explore.png");

        await _page.GetByRole(AriaRole.Link, new() { Name = "CNC-operatör" }).ClickAsync();
        await _page.WaitForURLAsync("**/yrken/*");
        Assert.Equal("CNC-operatör", await _page.Locator("h1").InnerTextAsync());
        Assert.True(await _page.GetByTestId("skills").Locator("li").CountAsync() > 0);
        await CheckAsync("explore-occupation.png");

        if (await _page.GetByTestId("moves").GetByRole(AriaRole.Link).CountAsync() > 0)
        {
            await _page.GetByTestId("moves").GetByRole(AriaRole.Link).First.ClickAsync();
            await _page.Locator("h1").WaitForAsync();
            await CheckAsync("explore-move.png");
        }

        Assert.Empty(_blocked);
    }
}
