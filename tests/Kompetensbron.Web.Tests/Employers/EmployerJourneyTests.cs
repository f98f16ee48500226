using System.Net;
using System.Text.RegularExpressions;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
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
        var protector = CandidateTokens.ForNeed(factory.Services.GetRequiredService<IDataProtectionProvider>(), needId);
        var token = CandidateToken().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Single(t => protector.ProfileId(t) == welder.ProfileId);

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
