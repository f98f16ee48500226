using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Invitations;
using Kompetensbron.Data.Matching;
using Kompetensbron.Web.Employers;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Employers;

/// <summary>
/// The employer's journey without JavaScript: create a need with the form, see pseudonymous candidates, invite,
/// the person accepts, the contact appears; another employer never reaches any of it.
/// </summary>
[Collection(WebApp.Name)]
public sealed partial class EmployerJourneyTests(KompetensbronWebFactory factory)
{
    private const string TigWelding = "WBnc_JXj_MvY";
    private static readonly (double Lat, double Lon) Gislaved = (57.3046, 13.5386);

    [Fact]
    public async Task An_employer_creates_a_need_invites_a_candidate_and_sees_the_contact_only_after_acceptance()
    {
        var (employerA, organisationId) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var (employerB, _) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var welder = await WelderAsync();
        await PlaceSiteAsync(organisationId!.Value);
        using var a = await As(employerA);
        using var b = await As(employerB);
        using var person = await As(welder.Email);

        var title = "TIG-svetsare " + Guid.NewGuid().ToString("N")[..6];
        using var saved = await a.SubmitFormAsync("/arbetsgivare/behov/redigera", NeedForm(title, publish: true));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var needPage = saved.Headers.Location!.OriginalString;
        var needId = int.Parse(needPage.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var need = await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Needs.SingleAsync(n => n.Id == needId);
            Assert.Equal((organisationId.Value, NeedStatus.Open, 2, CefrLevel.B1), (need.OrganisationId, need.Status, need.Headcount, need.MinimumSwedishLevel!.Value));
            Assert.Equal(["TRUCK_A"], need.Licences);
            Assert.Contains(need.Skills, s => s.SkillId == TigWelding && s.IsRequired && s.Importance == 3);
        }

        var html = await a.GetStringAsync(new Uri(needPage, UriKind.Relative));
        Assert.DoesNotContain(welder.Email, html, StringComparison.Ordinal);
        // The page never names the profile; the test finds its welder's token the way the server reads it.
        var token = TokenFor(html, needPage, welder.ProfileId);

        // Employer B reaches neither the need, its candidates nor an invitation by the stolen token.
        await AssertDeniedAsync(b, needPage, $"/arbetsgivare/behov/redigera/{needId}", $"/api/v1/needs/{needId}/candidates");
        using (var stolen = await b.SubmitFormAsync("/arbetsgivare", [new("candidate", token)], $"{needPage}?handler=Invite"))
        {
            Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
        }

        using (var invite = await a.SubmitFormAsync(needPage, [new("candidate", token)], $"{needPage}?handler=Invite"))
        {
            Assert.Equal(HttpStatusCode.Redirect, invite.StatusCode);
        }

        // The person is told by e-mail that there is an invitation, and nothing more; inviting again sends nothing.
        using (var again = await a.SubmitFormAsync(needPage, [new("candidate", token)], $"{needPage}?handler=Invite"))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        var mail = Assert.Single(MailTo(welder.Email));
        Assert.Contains("Logga in", mail, StringComparison.Ordinal);
        Assert.Contains("Inbjudningar på Min sida", mail, StringComparison.Ordinal);
        Assert.DoesNotContain(title, mail, StringComparison.Ordinal);
        Assert.DoesNotContain(await OrganisationNameAsync(organisationId.Value), mail, StringComparison.Ordinal);

        var inbox = await person.GetStringAsync(new Uri("/min-sida/inbjudningar", UriKind.Relative));
        Assert.Contains(title, inbox, StringComparison.Ordinal);
        var invitationId = InvitationId().Match(inbox).Groups[1].Value;
        Assert.DoesNotContain(welder.Email, await a.GetStringAsync(new Uri(needPage, UriKind.Relative)), StringComparison.Ordinal);

        using (var accept = await person.SubmitFormAsync("/min-sida/inbjudningar", [new("invitationId", invitationId)], "/min-sida/inbjudningar?handler=Accept"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        }

        Assert.Contains(welder.Email, await a.GetStringAsync(new Uri(needPage, UriKind.Relative)), StringComparison.Ordinal);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var audit = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().AuditEntries;
            Assert.True(await audit.AnyAsync(e => e.SubjectProfileId == welder.ProfileId && e.ActorOrganisationId == organisationId));
        }

        await AssertDeniedAsync(b, needPage);
        Assert.DoesNotContain(welder.Email, await b.GetStringAsync(new Uri("/arbetsgivare", UriKind.Relative)), StringComparison.Ordinal);

        // The person's data export lists the invitation with its answer.
        using var export = JsonDocument.Parse(await person.GetStringAsync(new Uri("/min-sida?handler=Export", UriKind.Relative)));
        var invitation = Assert.Single(export.RootElement.GetProperty("invitations").EnumerateArray());
        Assert.Equal((title, "Accepted"), (invitation.GetProperty("need").GetString(), invitation.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Employer_B_never_sees_the_contact_a_person_gave_A_not_even_for_its_own_need()
    {
        var (employerA, organisationA) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var (employerB, organisationB) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var welder = await WelderAsync();
        await PlaceSiteAsync(organisationA!.Value);
        await PlaceSiteAsync(organisationB!.Value);
        using var a = await As(employerA);
        using var b = await As(employerB);
        using var person = await As(welder.Email);

        var pageA = (await a.SubmitFormAsync("/arbetsgivare/behov/redigera", NeedForm("A " + Guid.NewGuid().ToString("N")[..6], publish: true))).Headers.Location!.OriginalString;
        var pageB = (await b.SubmitFormAsync("/arbetsgivare/behov/redigera", NeedForm("B " + Guid.NewGuid().ToString("N")[..6], publish: true))).Headers.Location!.OriginalString;
        var tokenA = TokenFor(await a.GetStringAsync(new Uri(pageA, UriKind.Relative)), pageA, welder.ProfileId);
        (await a.SubmitFormAsync(pageA, [new("candidate", tokenA)], $"{pageA}?handler=Invite")).Dispose();
        var invitationId = InvitationId().Match(await person.GetStringAsync(new Uri("/min-sida/inbjudningar", UriKind.Relative))).Groups[1].Value;
        (await person.SubmitFormAsync("/min-sida/inbjudningar", [new("invitationId", invitationId)], "/min-sida/inbjudningar?handler=Accept")).Dispose();
        Assert.Contains(welder.Email, await a.GetStringAsync(new Uri(pageA, UriKind.Relative)), StringComparison.Ordinal);

        // B's own need ranks the same person, pseudonymously: no name, e-mail or profile id on the page or in the API.
        var htmlB = await b.GetStringAsync(new Uri(pageB, UriKind.Relative));
        var tokenB = TokenFor(htmlB, pageB, welder.ProfileId);
        Assert.NotEqual(tokenA, tokenB);
        Assert.DoesNotContain(welder.Email, htmlB, StringComparison.Ordinal);
        Assert.DoesNotContain("Svea Svetsare", htmlB, StringComparison.Ordinal);
        var idB = pageB.Split('/')[^1];
        var api = await b.GetStringAsync(new Uri($"/api/v1/needs/{idB}/candidates", UriKind.Relative));
        Assert.DoesNotContain(welder.Email, api, StringComparison.Ordinal);
        Assert.DoesNotMatch("\"profileId\":\\s*\\d", api);
        Assert.Contains("\"candidate\"", api, StringComparison.Ordinal);

        // A's token is useless on B's need, and B cannot move A's invitation on by its id.
        (await b.SubmitFormAsync(pageB, [new("candidate", tokenA)], $"{pageB}?handler=Invite")).Dispose();
        (await b.SubmitFormAsync(pageB, [new("invitationId", invitationId), new("outcome", "Hired")], $"{pageB}?handler=Outcome")).Dispose();
        await using var scope = factory.Services.CreateAsyncScope();
        var invitations = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Invitations;
        Assert.Equal(InvitationStatus.Accepted, (await invitations.SingleAsync(i => i.Id == int.Parse(invitationId, System.Globalization.CultureInfo.InvariantCulture))).Status);
        Assert.False(await invitations.AnyAsync(i => i.OrganisationId == organisationB));
        Assert.DoesNotContain(welder.Email, await b.GetStringAsync(new Uri(pageB, UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_candidate_token_does_not_invite_a_profile_that_has_been_hidden_since()
    {
        var (employer, organisationId) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var welder = await WelderAsync();
        await PlaceSiteAsync(organisationId!.Value);
        using var a = await As(employer);
        using var person = await As(welder.Email);
        var needPage = (await a.SubmitFormAsync("/arbetsgivare/behov/redigera", NeedForm("Svetsare " + Guid.NewGuid().ToString("N")[..6], publish: true))).Headers.Location!.OriginalString;
        var token = TokenFor(await a.GetStringAsync(new Uri(needPage, UriKind.Relative)), needPage, welder.ProfileId);

        // The person hides the profile after the employer loaded the candidate list.
        using (var hidden = await person.SubmitFormAsync("/min-sida", [new("Visibility", nameof(ProfileVisibility.Hidden))], "/min-sida?handler=Visibility"))
        {
            Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);
        }

        using var invite = await a.SubmitFormAsync(needPage, [new("candidate", token)], $"{needPage}?handler=Invite");
        Assert.Equal(HttpStatusCode.OK, invite.StatusCode);
        Assert.Contains("Kandidaten visar inte längre sin profil", Html.Decode(await invite.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Invitations.AnyAsync(i => i.ProfileId == welder.ProfileId));
        Assert.Empty(MailTo(welder.Email));
    }

    /// <summary>The candidate token on a need page that stands for the profile (read the way the server reads it).</summary>
    private string TokenFor(string html, string needPage, int profileId)
    {
        var protector = CandidateTokens.ForNeed(factory.Services.GetRequiredService<IDataProtectionProvider>(), int.Parse(needPage.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture));
        return CandidateToken().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Single(t => protector.ProfileId(t) == profileId);
    }

    /// <summary>The e-mail messages in the outbox addressed to <paramref name="email"/>.</summary>
    private List<string> MailTo(string email) =>
        Directory.Exists(factory.OutboxFolder)
            ? Directory.EnumerateFiles(factory.OutboxFolder, "*.eml").Select(File.ReadAllText).Where(m => m.Contains($"To: {email}", StringComparison.Ordinal)).ToList()
            : [];

    private async Task<string> OrganisationNameAsync(int organisationId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Organisations.SingleAsync(o => o.Id == organisationId)).Name;
    }

    [Fact]
    public async Task Another_employer_never_sees_a_draft()
    {
        var (employerA, _) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var (employerB, _) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        using var a = await As(employerA);
        using var b = await As(employerB);

        var title = "Utkast " + Guid.NewGuid().ToString("N")[..6];
        using var saved = await a.SubmitFormAsync("/arbetsgivare/behov/redigera", NeedForm(title, publish: false));
        var needPage = saved.Headers.Location!.OriginalString;

        Assert.Contains(title, await a.GetStringAsync(new Uri("/arbetsgivare", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await b.GetStringAsync(new Uri("/arbetsgivare", UriKind.Relative)), StringComparison.Ordinal);
        await AssertDeniedAsync(b, needPage, needPage.Replace("/behov/", "/behov/redigera/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_coordinator_sees_every_organisations_needs_drafts_included()
    {
        var (employer, _) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var (coordinator, _) = await TestAccounts.CreateAsync(factory, Roles.Coordinator);
        using var a = await As(employer);
        using var c = await As(coordinator);
        var title = "Utkast " + Guid.NewGuid().ToString("N")[..6];
        (await a.SubmitFormAsync("/arbetsgivare/behov/redigera", NeedForm(title, publish: false))).Dispose();

        var html = await c.GetStringAsync(new Uri("/samordnare/behov-och-utbildningar", UriKind.Relative));

        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"all-programmes\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_need_without_title_occupation_or_skills_shows_the_error_summary()
    {
        var (employer, _) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        using var client = await As(employer);

        using var response = await client.SubmitFormAsync("/arbetsgivare/behov/redigera", [new("Input.Headcount", "0")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Occupation\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_SkillQuery\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skills_are_found_in_the_description_and_by_search_without_javascript()
    {
        var (employer, _) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        using var client = await As(employer);

        using var recognised = await client.SubmitFormAsync("/arbetsgivare/behov/redigera",
            [new("Input.Description", "Vi söker en driven lagerman som kan TIG-svetsning och MIG-svetsning.")], "/arbetsgivare/behov/redigera?handler=Recognise");
        var html = await recognised.Content.ReadAsStringAsync();
        Assert.Contains($"value=\"{TigWelding}\"", html, StringComparison.Ordinal);
        Assert.Contains("lagerarbetare", Html.Decode(html), StringComparison.Ordinal);

        using var searched = await client.SubmitFormAsync("/arbetsgivare/behov/redigera",
            [new("Input.SkillQuery", "tig-svets")], "/arbetsgivare/behov/redigera?handler=Search");
        Assert.Contains($"name=\"Input.AddSkillIds\" value=\"{TigWelding}\"", await searched.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static List<KeyValuePair<string, string>> NeedForm(string title, bool publish) =>
    [
        new("Input.Title", title), new("Input.Kind", nameof(NeedKind.Job)), new("Input.Occupation", "svetsare"),
        new("Input.Description", "Svetsning i rostfritt."), new("Input.Headcount", "2"), new("Input.SwedishLevel", "B1"),
        new("Input.Licences", "TRUCK_A"), new("Input.Skills[0].SkillId", TigWelding), new("Input.Skills[0].Required", "true"),
        new("Input.Skills[0].Importance", "3"), new("Input.Publish", publish ? "true" : "false"),
    ];

    private static async Task AssertDeniedAsync(HttpClient client, params string[] paths)
    {
        foreach (var path in paths)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{path}: {(int)response.StatusCode}");
        }
    }

    private async Task<TestPerson> WelderAsync()
    {
        var person = await TestAccounts.CreatePersonAsync(factory, "Svea Svetsare");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var profile = await db.Profiles.SingleAsync(p => p.Id == person.ProfileId);
        (profile.Latitude, profile.Longitude) = Gislaved;
        profile.Licences = ["TRUCK_A"];
        profile.Visibility = ProfileVisibility.PseudonymousToApprovedEmployers;
        profile.Skills = [new ProfileSkill { SkillId = TigWelding, Level = 3, Evidence = SkillEvidence.Work }];
        var swedish = factory.Services.GetRequiredService<MatchService>().Model.SwedishLanguageId;
        profile.Languages = [new ProfileLanguage { LanguageId = swedish, Level = CefrLevel.C2 }];
        await db.SaveChangesAsync();
        await factory.Services.GetRequiredService<MatchService>().RefreshProfileAsync(profile.Id);
        return person;
    }

    private async Task PlaceSiteAsync(int organisationId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var site = await db.Sites.SingleAsync(s => s.OrganisationId == organisationId);
        (site.Latitude, site.Longitude) = Gislaved;
        await db.SaveChangesAsync();
    }

    private Task<HttpClient> As(string email) => factory.SignedInAsync(email);

    [GeneratedRegex("name=\"candidate\" value=\"([^\"]+)\"")]
    private static partial Regex CandidateToken();

    [GeneratedRegex("name=\"invitationId\" value=\"(\\d+)\"")]
    private static partial Regex InvitationId();
}
