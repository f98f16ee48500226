using System.Globalization;
using Kompetensbron.Core.Profiles;
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
public sealed class PlacementRoundInBrowserTests(AppServer app, Chromium chromium, ITestOutputHelper output) : BrowserTest(app, chromium)
{

    protected override BrowserNewContextOptions? PageOptions => Desktop;

    [BrowserFact]
    public async Task The_coordinator_runs_both_algorithms_compares_and_publishes_and_the_student_sees_the_result()
    {
        // A young person chooses on Min sida to take part (the demo's young people already have).
        await LogInAsync(Roles.Person);
        await Page.GotoAsync("/min-sida");
        await Page.GetByLabel("Jag vill vara med i placering av praktikplatser (APL)").CheckAsync();
        await Page.GetByTestId("placement-save").ClickAsync();
        await Page.GetByTestId("placement-saved").WaitForAsync();
        Assert.True(await Page.GetByTestId("placement-opt-in").IsCheckedAsync());
        await Page.AssertAccessibleAsync(output);
        await Context.ClearCookiesAsync();

        await LogInAsync(Roles.Coordinator);
        await Page.WaitForURLAsync("**/samordnare");
        await Page.GetByTestId("placement-link").ClickAsync();
        await Page.WaitForURLAsync("**/placering");
        await Page.GetByTestId("new-round").ClickAsync();
        await Page.WaitForURLAsync("**/placering/ny");
        await Page.AssertAccessibleAsync(output);

        // Submitting without a name shows the error summary, GOV.UK style.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Skapa omgången" }).ClickAsync();
        Assert.Contains("Skriv ett namn", await Page.GetByTestId("error-summary").InnerTextAsync(), StringComparison.Ordinal);

        await Page.GetByLabel("Namn på omgången").FillAsync("APL vår 2027");
        await Page.GetByLabel("APL-plats").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Skapa omgången" }).ClickAsync();
        await Page.WaitForURLAsync("**/placering/*/platser");
        await Page.AssertAccessibleAsync(output);
        foreach (var box in await Page.Locator("input[name=NeedIds]").AllAsync())
        {
            await box.CheckAsync();
        }

        await Page.GetByTestId("add-places").ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/platser", StringComparison.Ordinal));
        Assert.True(await Page.GetByTestId("places").Locator("tbody tr").CountAsync() > 0);

        // The first place gets a supervisor (and no minimum age); the form saves it for this round.
        await Page.GetByTestId("supervisor").First.FillAsync(Supervisor);
        await Page.GetByTestId("save-place").First.ClickAsync();
        await Page.GetByTestId("places").WaitForAsync();
        Assert.Equal(Supervisor, await Page.GetByTestId("supervisor").First.InputValueAsync());
        await Page.AssertAccessibleAsync(output);

        await Page.GetByTestId("applicants-link").ClickAsync();
        await Page.WaitForURLAsync("**/sokande");
        await Page.AssertAccessibleAsync(output);
        await Page.GetByTestId("add-youth").ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/sokande", StringComparison.Ordinal));

        await Page.GetByTestId("run").ClickAsync();
        await Page.GetByTestId("comparison").WaitForAsync();
        Assert.Equal("0", await Page.GetByTestId("blocking-DeferredAcceptance").InnerTextAsync());
        var placed = int.Parse(await Page.GetByTestId("placed-DeferredAcceptance").InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.True(placed > 0);
        await Page.AssertAccessibleAsync(output);
        await Page.ScreenshotAsync("placement-comparison.png", output);

        await Page.GetByLabel("Uppskjuten antagning", new() { Exact = false }).CheckAsync();
        await Page.GetByTestId("publish").ClickAsync();
        await Page.GetByTestId("published").WaitForAsync();
        Assert.Contains("Publicerad", await Page.GetByTestId("round-status").InnerTextAsync(), StringComparison.Ordinal);
        await Page.AssertAccessibleAsync(output);

        // A placed student logs in: their page names the place, says which wish it was and why, and who supervises.
        var student = await PlacedStudentAsync("APL vår 2027");
        await Context.ClearCookiesAsync();
        await LogInAsync(student.StudentEmail, Password);
        await Page.GotoAsync("/min-sida/placering");
        var mine = Page.GetByTestId("placement-result");
        await mine.WaitForAsync();
        var text = await mine.InnerTextAsync();
        Assert.Contains($"Du har fått platsen {student.PlaceTitle}", text, StringComparison.Ordinal);
        Assert.Contains($"Det var ditt önskemål nummer {student.WishRank}.", text, StringComparison.Ordinal);
        Assert.Contains("Platserna fördelades efter elevernas önskemål och hur bra de matchade platsen.", text, StringComparison.Ordinal);
        if (student.Supervisor is { } supervisor)
        {
            Assert.Contains($"Din handledare på arbetsplatsen: {supervisor}.", text, StringComparison.Ordinal);
        }

        await Page.AssertAccessibleAsync(output);
        await Page.ScreenshotAsync("placement-placed-student.png", output);

        // The employer of that place sees the student coming, with the supervisor column: by name only where the
        // person lets employers see it, otherwise by pseudonym.
        await Context.ClearCookiesAsync();
        await LogInAsync(student.EmployerEmail, student.EmployerPassword);
        await Page.GotoAsync("/placering/kommande");
        var coming = Page.GetByTestId("incoming");
        await coming.WaitForAsync();
        var row = coming.Locator("tbody tr").Filter(new() { Has = Page.GetByRole(AriaRole.Cell, new() { Name = student.StudentName, Exact = true }) });
        Assert.True(await row.CountAsync() == 1, $"No single row for {student.StudentName} in: {await coming.InnerTextAsync()}");
        Assert.Contains(student.PlaceTitle, await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(student.Supervisor ?? "–", await row.InnerTextAsync(), StringComparison.Ordinal);
        await Page.AssertAccessibleAsync(output);

        // The demo person's youth profile took part too: their page shows the published result and why.
        await Context.ClearCookiesAsync();
        await LogInAsync(Roles.Person);
        await Page.GotoAsync("/min-sida/placering");
        var result = Page.GetByTestId("placement-result");
        await result.WaitForAsync();
        Assert.Contains("APL vår 2027", await result.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await result.GetByTestId("placed").CountAsync() + await result.GetByTestId("unplaced").CountAsync() == 1);
        await Page.AssertAccessibleAsync(output);
        await Page.ScreenshotAsync("placement-student.png", output);
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
        await using var scope = App.Services.CreateAsyncScope();
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
        var shownAs = profile.Visibility == ProfileVisibility.Visible ? profile.DisplayName : $"Sökande {applicant.Id}";
        return new PlacedStudent(studentEmail, shownAs, need.Title, outcome.WishRank!.Value, supervisor, employerEmail, employerPassword);
    }

    private async Task LogInAsync(string role)
    {
        var account = DemoSeeder.DemoAccounts.First(a => a.Role == role);
        await LogInAsync(account.Email, account.Password);
    }

    private async Task LogInAsync(string email, string password)
    {
        await Page.GotoAsync("/konto/logga-in");
        await Page.GetByLabel("E-postadress").FillAsync(email);
        await Page.GetByLabel("Lösenord").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/konto/logga-in", StringComparison.Ordinal));
    }
}
