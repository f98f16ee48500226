using System.Globalization;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Demo;
using Kompetensbron.Data.Placement;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Kompetensbron.E2E;

/// <summary>
/// A coordinator runs a placement round on the demo region and publishes it; a placed student then sees the result
/// with why, and the employer sees who is coming.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class PlacementRoundInBrowserTests(AppServer app, Chromium chromium, ITestOutputHelper output) : IAsyncLifetime
{
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        if (chromium.Browser is null)
        {
            return;
        }

        _context = await chromium.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl.ToString(), ViewportSize = new() { Width = 1280, Height = 1400 } });
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }

    [BrowserFact]
    public async Task The_coordinator_runs_both_algorithms_compares_and_publishes_and_the_student_sees_the_result()
    {
        await LogInAsync(Roles.Coordinator);
        await _page.WaitForURLAsync("**/samordnare");
        await _page.GetByTestId("placement-link").ClickAsync();
        await _page.WaitForURLAsync("**/placering");
        await _page.GetByTestId("new-round").ClickAsync();
        await _page.WaitForURLAsync("**/placering/ny");
        await _page.AssertAccessibleAsync(output);

        // Submitting without a name shows the error summary, GOV.UK style.
        await _page.GetByRole(AriaRole.Button, new() { Name = "Skapa omgången" }).ClickAsync();
        Assert.Contains("Skriv ett namn", await _page.GetByTestId("error-summary").InnerTextAsync(), StringComparison.Ordinal);

        await _page.GetByLabel("Namn på omgången").FillAsync("APL vår 2027");
        await _page.GetByLabel("APL-plats").CheckAsync();
        await _page.GetByRole(AriaRole.Button, new() { Name = "Skapa omgången" }).ClickAsync();
        await _page.WaitForURLAsync("**/placering/*/platser");
        await _page.AssertAccessibleAsync(output);
        foreach (var box in await _page.Locator("input[name=NeedIds]").AllAsync())
        {
            await box.CheckAsync();
        }

        await _page.GetByTestId("add-places").ClickAsync();
        await _page.WaitForURLAsync(url => !url.Contains("/platser", StringComparison.Ordinal));
        Assert.True(await _page.GetByTestId("places").Locator("tbody tr").CountAsync() > 0);

        // The first place gets a supervisor (and no minimum age); the form saves it for this round.
        await _page.GetByTestId("supervisor").First.FillAsync(Supervisor);
        await _page.GetByTestId("save-place").First.ClickAsync();
        await _page.GetByTestId("places").WaitForAsync();
        Assert.Equal(Supervisor, await _page.GetByTestId("supervisor").First.InputValueAsync());
        await _page.AssertAccessibleAsync(output);

        await _page.GetByTestId("applicants-link").ClickAsync();
        await _page.WaitForURLAsync("**/sokande");
        await _page.AssertAccessibleAsync(output);
        await _page.GetByTestId("add-youth").ClickAsync();
        await _page.WaitForURLAsync(url => !url.Contains("/sokande", StringComparison.Ordinal));

        await _page.GetByTestId("run").ClickAsync();
        await _page.GetByTestId("comparison").WaitForAsync();
        Assert.Equal("0", await _page.GetByTestId("blocking-DeferredAcceptance").InnerTextAsync());
        var placed = int.Parse(await _page.GetByTestId("placed-DeferredAcceptance").InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.True(placed > 0);
        await _page.AssertAccessibleAsync(output);
        await _page.ScreenshotAsync("placement-comparison.png", output);

        await _page.GetByLabel("Uppskjuten antagning", new() { Exact = false }).CheckAsync();
        await _page.GetByTestId("publish").ClickAsync();
        await _page.GetByTestId("published").WaitForAsync();
        Assert.Contains("Publicerad", await _page.GetByTestId("round-status").InnerTextAsync(), StringComparison.Ordinal);
        await _page.AssertAccessibleAsync(output);

        // A placed student logs in: their page names the place, says which wish it was and why, and who supervises.
        var student = await PlacedStudentAsync("APL vår 2027");
        await _context.ClearCookiesAsync();
        await LogInAsync(student.StudentEmail, Password);
        await _page.GotoAsync("/min-sida/placering");
        var mine = _page.GetByTestId("placement-result");
        await mine.WaitForAsync();
        var text = await mine.InnerTextAsync();
        Assert.Contains($"Du har fått platsen {student.PlaceTitle}", text, StringComparison.Ordinal);
        Assert.Contains($"Det var ditt önskemål nummer {student.WishRank}.", text, StringComparison.Ordinal);
        Assert.Contains("Platserna fördelades efter elevernas önskemål och hur bra de matchade platsen.", text, StringComparison.Ordinal);
        if (student.Supervisor is { } supervisor)
        {
            Assert.Contains($"Din handledare på arbetsplatsen: {supervisor}.", text, StringComparison.Ordinal);
        }

        await _page.AssertAccessibleAsync(output);
        await _page.ScreenshotAsync("placement-placed-student.png", output);

        // The employer of that place sees the student coming, with the supervisor column.
        await _context.ClearCookiesAsync();
        await LogInAsync(student.EmployerEmail, student.EmployerPassword);
        await _page.GotoAsync("/placering/kommande");
        var coming = _page.GetByTestId("incoming");
        await coming.WaitForAsync();
        var row = coming.Locator("tbody tr").Filter(new() { HasText = student.StudentName });
        Assert.Equal(1, await row.CountAsync());
        Assert.Contains(student.PlaceTitle, await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(student.Supervisor ?? "–", await row.InnerTextAsync(), StringComparison.Ordinal);
        await _page.AssertAccessibleAsync(output);

        // The demo person's youth profile took part too: their page shows the published result and why.
        await _context.ClearCookiesAsync();
        await LogInAsync(Roles.Person);
        await _page.GotoAsync("/min-sida/placering");
        var result = _page.GetByTestId("placement-result");
        await result.WaitForAsync();
        Assert.Contains("APL vår 2027", await result.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await result.GetByTestId("placed").CountAsync() + await result.GetByTestId("unplaced").CountAsync() == 1);
        await _page.AssertAccessibleAsync(output);
        await _page.ScreenshotAsync("placement-student.png", output);
    }

    private const string Supervisor = "Greta Handledare";
    private const string Password = "ett långt lösenord 42";

    private sealed record PlacedStudent(
        string StudentEmail, string StudentName, string PlaceTitle, int WishRank, string? Supervisor, string EmployerEmail, string EmployerPassword);

    /// <summary>
    /// A student the published round placed (one at the supervised place when there is one), given a login as a
    /// person would have after registering, and a login for a member of the place's employer (the demo employer's
    /// own account when it is theirs).
    /// </summary>
    private async Task<PlacedStudent> PlacedStudentAsync(string roundName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KompetensbronUser>>();
        var round = await db.Set<StoredPlacementRound>().Include(r => r.Applicants).Include(r => r.Results).Include(r => r.Places)
            .AsSplitQuery().SingleAsync(r => r.Name == roundName);
        var supervised = round.Places.Single(p => p.Supervisor == Supervisor).NeedId.ToString(CultureInfo.InvariantCulture);
        var applicants = round.Applicants.Where(a => a.ProfileId is not null).ToDictionary(PlacementRounds.ApplicantKey);
        var outcome = PlacementRounds.PublishedResult(round).Applicants
            .Where(o => o.PlaceId is not null && applicants.ContainsKey(o.ApplicantId))
            .OrderByDescending(o => o.PlaceId == supervised)
            .First();
        var applicant = applicants[outcome.ApplicantId];
        var profile = await db.Profiles.SingleAsync(p => p.Id == applicant.ProfileId);
        var need = await db.Needs.SingleAsync(n => n.Id == PlacementRounds.NeedIdOf(outcome.PlaceId!));
        var unique = Guid.NewGuid().ToString("N")[..8];

        var studentEmail = profile.UserId is null ? $"elev-{unique}@test.example" : (await users.FindByIdAsync(profile.UserId))!.Email!;
        if (profile.UserId is null)
        {
            var student = new KompetensbronUser { UserName = studentEmail, Email = studentEmail, DisplayName = profile.DisplayName, IsApproved = true, CreatedAt = DateTimeOffset.UtcNow };
            Assert.True((await users.CreateAsync(student, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(student, Roles.Person)).Succeeded);
            profile.UserId = student.Id;
            await db.SaveChangesAsync();
        }
        else
        {
            var student = (await users.FindByIdAsync(profile.UserId))!;
            await users.RemovePasswordAsync(student);
            Assert.True((await users.AddPasswordAsync(student, Password)).Succeeded);
        }

        var demoEmployer = DemoSeeder.DemoAccounts.First(a => a.Role == Roles.Employer);
        var (employerEmail, employerPassword) = (demoEmployer.Email, demoEmployer.Password);
        if ((await users.FindByEmailAsync(demoEmployer.Email))!.OrganisationId != need.OrganisationId)
        {
            employerEmail = $"handledare-{unique}@test.example";
            employerPassword = Password;
            var member = new KompetensbronUser
            {
                UserName = employerEmail, Email = employerEmail, DisplayName = "Ella Arbetsgivare", OrganisationId = need.OrganisationId, IsApproved = true, CreatedAt = DateTimeOffset.UtcNow,
            };
            Assert.True((await users.CreateAsync(member, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(member, Roles.Employer)).Succeeded);
        }

        var supervisor = outcome.PlaceId == supervised ? Supervisor : null;
        return new PlacedStudent(studentEmail, applicant.Name, need.Title, outcome.WishRank!.Value, supervisor, employerEmail, employerPassword);
    }

    private async Task LogInAsync(string role)
    {
        var account = DemoSeeder.DemoAccounts.First(a => a.Role == role);
        await LogInAsync(account.Email, account.Password);
    }

    private async Task LogInAsync(string email, string password)
    {
        await _page.GotoAsync("/konto/logga-in");
        await _page.GetByLabel("E-postadress").FillAsync(email);
        await _page.GetByLabel("Lösenord").FillAsync(password);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await _page.WaitForURLAsync(url => !url.Contains("/konto/logga-in", StringComparison.Ordinal));
    }
}
