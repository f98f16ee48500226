using System.Net;
using System.Text.Json;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Privacy;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Privacy;

[Collection(WebApp.Name)]
public sealed class MyDataTests(KompetensbronWebFactory factory)
{
    [Fact]
    public async Task A_person_changes_who_sees_the_profile()
    {
        var person = await TestAccounts.CreatePersonAsync(factory);
        using var client = factory.Browser();
        using var login = await client.LoginAsync(person.Email, TestAccounts.Password);

        var before = Html.Decode(await client.GetStringAsync(new Uri("/min-sida", UriKind.Relative)));
        Assert.Matches("value=\"Hidden\"[^>]*checked", before);
        Assert.DoesNotMatch("value=\"Visible\"[^>]*checked", before);

        using var saved = await client.SubmitFormAsync("/min-sida", [new("Visibility", "PseudonymousToApprovedEmployers")], "/min-sida?handler=Visibility");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = Html.Decode(await client.GetStringAsync(new Uri("/min-sida", UriKind.Relative)));
        Assert.Contains("data-testid=\"saved\"", after, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"visibility\">Godkända arbetsgivare, utan ditt namn<", after, StringComparison.Ordinal);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        Assert.Equal(ProfileVisibility.PseudonymousToApprovedEmployers, (await db.Profiles.SingleAsync(p => p.Id == person.ProfileId)).Visibility);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.SubjectProfileId == person.ProfileId && e.Action == AuditAction.VisibilityChanged));
    }

    [Fact]
    public async Task An_unknown_visibility_is_refused_with_the_error_summary()
    {
        var person = await TestAccounts.CreatePersonAsync(factory);
        using var client = factory.Browser();
        using var login = await client.LoginAsync(person.Email, TestAccounts.Password);

        using var response = await client.SubmitFormAsync("/min-sida", [new("Visibility", "Everyone")], "/min-sida?handler=Visibility");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<a href=\"#Visibility\">Välj vem som får se din profil</a>", Html.Decode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_holds_the_account_the_whole_profile_and_the_audit_entries_and_is_itself_logged()
    {
        var person = await TestAccounts.CreatePersonAsync(factory, "Exportera Mig");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            var profile = await db.Profiles.SingleAsync(p => p.Id == person.ProfileId);
            profile.Skills.Add(new ProfileSkill { SkillId = "WBnc_JXj_MvY", Level = 3, Evidence = SkillEvidence.Work });
            profile.Languages.Add(new ProfileLanguage { LanguageId = "zSLA_vw2_FXN", Level = CefrLevel.B2 });
            profile.Licences.Add("B");
            await db.SaveChangesAsync();
        }

        using var client = factory.Browser();
        using var login = await client.LoginAsync(person.Email, TestAccounts.Password);
        using var response = await client.GetAsync(new Uri("/min-sida?handler=Export", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("kompetensbron-mina-uppgifter-", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(person.Email, root.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal(["Person"], root.GetProperty("account").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var profileJson = root.GetProperty("profile");
        Assert.Equal("Exportera Mig", profileJson.GetProperty("displayName").GetString());
        Assert.Equal("WBnc_JXj_MvY", profileJson.GetProperty("skills")[0].GetProperty("skillId").GetString());
        Assert.Equal("Work", profileJson.GetProperty("skills")[0].GetProperty("evidence").GetString());
        Assert.Equal("B2", profileJson.GetProperty("languages")[0].GetProperty("level").GetString());
        Assert.Equal("B", profileJson.GetProperty("licences")[0].GetString());
        Assert.True(profileJson.TryGetProperty("occupations", out _));
        Assert.Contains(root.GetProperty("auditEntries").EnumerateArray(), e => e.GetProperty("action").GetString() == "ProfileExported" && e.GetProperty("bySelf").GetBoolean());
        Assert.DoesNotContain("passwordHash", json.RootElement.GetRawText(), StringComparison.OrdinalIgnoreCase);

        var page = Html.Decode(await client.GetStringAsync(new Uri("/min-sida", UriKind.Relative)));
        Assert.Contains("<td>Du själv</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Laddade ner uppgifterna</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_sees_which_organisation_looked_at_the_profile_but_not_other_peoples_views()
    {
        var person = await TestAccounts.CreatePersonAsync(factory);
        var other = await TestAccounts.CreatePersonAsync(factory);
        var (employerEmail, organisationId) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        string organisationName;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<KompetensbronUser>>();
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            var employer = await users.FindByEmailAsync(employerEmail);
            await audit.RecordAsync(AuditAction.ProfileViewed, employer, person.UserId, person.ProfileId, CancellationToken.None);
            organisationName = (await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Organisations.FindAsync(organisationId))!.Name;
        }

        using var client = factory.Browser();
        using (await client.LoginAsync(person.Email, TestAccounts.Password))
        {
            var page = Html.Decode(await client.GetStringAsync(new Uri("/min-sida", UriKind.Relative)));
            Assert.Contains($"<td>{organisationName}</td>", page, StringComparison.Ordinal);
            Assert.Contains("<td>Tittade på profilen</td>", page, StringComparison.Ordinal);
        }

        using var otherClient = factory.Browser();
        using (await otherClient.LoginAsync(other.Email, TestAccounts.Password))
        {
            var page = Html.Decode(await otherClient.GetStringAsync(new Uri("/min-sida", UriKind.Relative)));
            Assert.DoesNotContain(organisationName, page, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"no-views\"", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Deleting_needs_the_box_ticked_then_removes_account_and_profile_and_keeps_an_anonymous_audit_line()
    {
        var person = await TestAccounts.CreatePersonAsync(factory);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            var profile = await db.Profiles.SingleAsync(p => p.Id == person.ProfileId);
            profile.Skills.Add(new ProfileSkill { SkillId = "WBnc_JXj_MvY" });
            profile.Occupations.Add(new ProfileOccupation { OccupationId = "fg7B_yov_smw", Years = 2 });
            await db.SaveChangesAsync();
        }

        using var client = factory.Browser();
        using var login = await client.LoginAsync(person.Email, TestAccounts.Password);
        using var export = await client.GetAsync(new Uri("/min-sida?handler=Export", UriKind.Relative));

        using var unticked = await client.SubmitFormAsync("/min-sida/radera", []);
        Assert.Equal(HttpStatusCode.OK, unticked.StatusCode);
        Assert.Contains("Kryssa i rutan", Html.Decode(await unticked.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var deleted = await client.SubmitFormAsync("/min-sida/radera", [new("Confirm", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal("/konto/raderat", deleted.Headers.Location?.OriginalString);
        using var afterwards = await client.GetAsync(new Uri("/min-sida", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            Assert.False(await db.Users.AnyAsync(u => u.Id == person.UserId));
            Assert.False(await db.Profiles.AnyAsync(p => p.Id == person.ProfileId));
            Assert.Equal(0, await db.Set<ProfileSkill>().CountAsync(s => s.ProfileId == person.ProfileId));
            Assert.Equal(0, await db.Set<ProfileOccupation>().CountAsync(o => o.ProfileId == person.ProfileId));
            Assert.False(await db.AuditEntries.AnyAsync(e => e.ActorUserId == person.UserId || e.SubjectUserId == person.UserId || e.SubjectProfileId == person.ProfileId));

            var deletion = await db.AuditEntries.Where(e => e.Action == AuditAction.AccountDeleted).OrderByDescending(e => e.Id).FirstAsync();
            Assert.StartsWith(AuditEntry.ErasedPrefix, deletion.ActorUserId, StringComparison.Ordinal);
            Assert.Equal(deletion.ActorUserId, deletion.SubjectUserId);
            Assert.Null(deletion.SubjectProfileId);
            // The earlier export line is kept too, under the same token.
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditAction.ProfileExported && e.SubjectUserId == deletion.SubjectUserId));
        }

        using var again = await factory.Browser().LoginAsync(person.Email, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }
}
