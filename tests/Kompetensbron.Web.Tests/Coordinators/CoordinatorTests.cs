using System.Globalization;
using System.Net;
using Kompetensbron.Core.Matching;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Gaps;
using Kompetensbron.Data.Matching;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Coordinators;

/// <summary>The coordinator approves organisations and manages users: roles, membership, lock and unlock.</summary>
[Collection(WebApp.Name)]
public sealed class CoordinatorTests(KompetensbronWebFactory factory)
{
    private const string TigWelding = "WBnc_JXj_MvY";

    [Fact]
    public async Task A_new_employers_needs_are_invisible_until_a_coordinator_approves_it()
    {
        var (coordinator, _) = await TestAccounts.CreateAsync(factory, Roles.Coordinator);
        using var c = await factory.SignedInAsync(coordinator);
        using var employer = factory.Browser();
        var email = $"ny-{Guid.NewGuid():N}@test.example";
        using (var registered = await employer.SubmitFormAsync("/konto/registrera-organisation",
        [
            new("Input.OrganisationName", "Nya Svets AB"), new("Input.OrganisationNumber", TestAccounts.UniqueOrganisationNumber()),
            new("Input.Kind", "Employer"), new("Input.MunicipalityCode", "0662"), new("Input.DisplayName", "Nina Ny"),
            new("Input.Email", email), new("Input.Password", TestAccounts.Password), new("Input.ConfirmPassword", TestAccounts.Password),
        ]))
        {
            Assert.Equal("/konto/kolla-e-posten", registered.Headers.Location?.OriginalString);
        }

        using (var confirmed = await employer.ConfirmSignUpAsync(factory, email))
        {
            Assert.Equal("/konto/vantar-pa-godkannande", confirmed.Headers.Location?.OriginalString);
        }

        using (var waiting = await employer.GetAsync(new Uri("/arbetsgivare/behov/redigera", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, waiting.StatusCode);
        }

        // A need of the waiting employer (as an import could make it) stays out of matching.
        var (organisationId, needId) = await WaitingNeedAsync(email);
        var profileId = await WelderAsync();
        var matching = factory.Services.GetRequiredService<MatchService>();
        await matching.RefreshNeedAsync(needId);
        Assert.Null(await matching.ExplainAsync(needId, profileId, MatchPerspective.Person));
        Assert.Null(await PathAsync(profileId, needId));
        Assert.Contains("Nya Svets AB", await c.GetStringAsync(new Uri("/samordnare", UriKind.Relative)), StringComparison.Ordinal);

        using (var approved = await c.SubmitFormAsync("/samordnare", [new("organisationId", organisationId.ToString(CultureInfo.InvariantCulture))], "/samordnare?handler=ApproveOrganisation"))
        {
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }

        Assert.NotNull(await matching.ExplainAsync(needId, profileId, MatchPerspective.Person));
        Assert.NotNull(await PathAsync(profileId, needId));
        Assert.Equal(HttpStatusCode.OK, (await employer.GetAsync(new Uri("/arbetsgivare/behov/redigera", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_coordinator_finds_a_user_changes_the_role_removes_the_membership_and_locks_the_account()
    {
        var (coordinator, _) = await TestAccounts.CreateAsync(factory, Roles.Coordinator);
        var (employer, _) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var person = await TestAccounts.CreatePersonAsync(factory, "Pelle Sökbar");
        using var c = await factory.SignedInAsync(coordinator);
        var employerId = await UserIdAsync(employer);

        var found = await c.GetStringAsync(new Uri($"/samordnare/anvandare?q={Uri.EscapeDataString(employer[..20].ToUpperInvariant())}", UriKind.Relative));
        Assert.Contains(employer, found, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Email, found, StringComparison.Ordinal);
        var byName = await c.GetStringAsync(new Uri("/samordnare/anvandare?q=pelle+s%C3%B6kbar&roll=Person", UriKind.Relative));
        Assert.Contains(person.Email, byName, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Email, await c.GetStringAsync(new Uri("/samordnare/anvandare?q=pelle+s%C3%B6kbar&roll=Employer", UriKind.Relative)), StringComparison.Ordinal);

        var page = $"/samordnare/anvandare/{person.UserId}";
        Assert.Equal(HttpStatusCode.Redirect, (await c.SubmitFormAsync(page, [new("role", Roles.EducationProvider)], page + "?handler=Role")).StatusCode);
        Assert.Equal([Roles.EducationProvider], await RolesAsync(person.UserId));
        Assert.Equal(HttpStatusCode.OK, (await c.SubmitFormAsync(page, [new("role", "Admin")], page + "?handler=Role")).StatusCode);
        Assert.Equal([Roles.EducationProvider], await RolesAsync(person.UserId));

        // Without membership the employer no longer acts for the organisation.
        using var e = await factory.SignedInAsync(employer);
        var employerPage = $"/samordnare/anvandare/{employerId}";
        Assert.Equal(HttpStatusCode.Redirect, (await c.SubmitFormAsync(employerPage, [], employerPage + "?handler=RemoveMembership")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await e.GetAsync(new Uri("/arbetsgivare/behov/redigera", UriKind.Relative))).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await c.SubmitFormAsync(employerPage, [], employerPage + "?handler=Lock")).StatusCode);
        using (var locked = await factory.Browser().LoginAsync(employer, TestAccounts.Password))
        {
            Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
            // The same answer as any failed login (docs/decisions/0023): no hint that the account exists.
            Assert.Contains("eller så är kontot låst", Html.Decode(await locked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            Assert.Null(locked.Headers.Location);
        }

        Assert.Contains("låst", Html.Decode(await c.GetStringAsync(new Uri(employerPage, UriKind.Relative))), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await c.SubmitFormAsync(employerPage, [], employerPage + "?handler=Unlock")).StatusCode);
        using (var again = await factory.Browser().LoginAsync(employer, TestAccounts.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }
    }

    [Fact]
    public async Task A_coordinator_cannot_lock_themself_or_change_their_own_role()
    {
        var (coordinator, _) = await TestAccounts.CreateAsync(factory, Roles.Coordinator);
        using var c = await factory.SignedInAsync(coordinator);
        var page = $"/samordnare/anvandare/{await UserIdAsync(coordinator)}";

        using var lockSelf = await c.SubmitFormAsync(page, [], page + "?handler=Lock");
        using var demoteSelf = await c.SubmitFormAsync(page, [new("role", Roles.Person)], page + "?handler=Role");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (lockSelf.StatusCode, demoteSelf.StatusCode));
        Assert.Equal([Roles.Coordinator], await RolesAsync(await UserIdAsync(coordinator)));
        using var login = await factory.Browser().LoginAsync(coordinator, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    private async Task<PlannedPath?> PathAsync(int profileId, int needId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LearningPathFinder>().ForNeedAsync(profileId, needId, CancellationToken.None);
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<KompetensbronUser>>().FindByEmailAsync(email))!.Id;
    }

    private async Task<IReadOnlyList<string>> RolesAsync(string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KompetensbronUser>>();
        return (await users.GetRolesAsync((await users.FindByIdAsync(userId))!)).ToList();
    }

    private async Task<(int OrganisationId, int NeedId)> WaitingNeedAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var organisationId = (await db.Users.SingleAsync(u => u.Email == email)).OrganisationId!.Value;
        var site = await db.Sites.SingleAsync(s => s.OrganisationId == organisationId);
        (site.Latitude, site.Longitude) = (57.3046, 13.5386);
        var need = new Need
        {
            OrganisationId = organisationId, Title = "TIG-svetsare", OccupationId = "9haD_NB6_ULH", Status = NeedStatus.Open,
            Skills = [new NeedSkill { SkillId = TigWelding, IsRequired = true, Importance = 3 }],
        };
        db.Needs.Add(need);
        await db.SaveChangesAsync();
        return (organisationId, need.Id);
    }

    private async Task<int> WelderAsync()
    {
        var person = await TestAccounts.CreatePersonAsync(factory, "Vera Svetsare");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var profile = await db.Profiles.SingleAsync(p => p.Id == person.ProfileId);
        (profile.Latitude, profile.Longitude) = (57.3046, 13.5386);
        profile.Visibility = ProfileVisibility.PseudonymousToApprovedEmployers;
        profile.Skills = [new ProfileSkill { SkillId = TigWelding, Level = 3, Evidence = SkillEvidence.Work }];
        await db.SaveChangesAsync();
        await factory.Services.GetRequiredService<MatchService>().RefreshProfileAsync(profile.Id);
        return profile.Id;
    }
}
