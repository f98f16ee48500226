using System.Globalization;
using System.Net;
using System.Text;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Placement;
using Kompetensbron.Data.Privacy;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Security;

/// <summary>
/// Issue 13, item 2: a person enters a placement round only by their own choice (Min sida) or as a pupil on the
/// school's own list; their name is shown only where their visibility allows it, and every look is in their log.
/// </summary>
public sealed class PlacementPrivacyTests(EmptyWebFactory factory) : IClassFixture<EmptyWebFactory>
{
    [Fact]
    public async Task Only_people_who_opted_in_on_their_page_are_added_from_profiles()
    {
        var (provider, _) = await TestAccounts.CreateAsync(factory, Roles.EducationProvider);
        var optedIn = await PersonAsync("Olle Medvillig", ProfileVisibility.PseudonymousToApprovedEmployers, optIn: true);
        var optedOut = await PersonAsync("Ulla Utanför", ProfileVisibility.Visible, optIn: false);
        var hiddenButOptedIn = await PersonAsync("Doris Dold", ProfileVisibility.Hidden, optIn: true);

        using var c = await factory.SignedInAsync(provider);
        var id = await CreateRoundAsync(c);
        using var added = await c.SubmitFormAsync($"/placering/{id}/sokande", [], $"/placering/{id}/sokande?handler=Profiles");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var profiles = await ApplicantProfilesAsync(id);
        Assert.Contains(optedIn.ProfileId, profiles);
        Assert.DoesNotContain(optedOut.ProfileId, profiles);
        Assert.DoesNotContain(hiddenButOptedIn.ProfileId, profiles);

        // Saying no on Min sida takes the person out of the round that is not published yet.
        using var person = await factory.SignedInAsync(optedIn.Email);
        using var no = await person.SubmitFormAsync("/min-sida", [], "/min-sida?handler=Placement");
        Assert.Equal(HttpStatusCode.Redirect, no.StatusCode);
        Assert.DoesNotContain(optedIn.ProfileId, await ApplicantProfilesAsync(id));
    }

    [Fact]
    public async Task A_person_without_their_name_is_a_pseudonym_to_the_provider_and_each_look_is_logged()
    {
        var (provider, _) = await TestAccounts.CreateAsync(factory, Roles.EducationProvider);
        var (_, employerId) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var anonymous = await PersonAsync("Nora Namnlös", ProfileVisibility.PseudonymousToApprovedEmployers, optIn: true);
        var named = await PersonAsync("Vera Synlig", ProfileVisibility.Visible, optIn: true);

        // A place for adults only: both profiles (no birth date) are listed as unplaced, with the reason.
        var needId = await NeedAsync(employerId!.Value, anonymous.ProfileId);
        using var c = await factory.SignedInAsync(provider);
        var id = await CreateRoundAsync(c);
        (await c.SubmitFormAsync($"/placering/{id}/platser", [new("NeedIds", needId.ToString(CultureInfo.InvariantCulture))])).Dispose();
        (await c.SubmitFormAsync($"/placering/{id}/sokande", [], $"/placering/{id}/sokande?handler=Profiles")).Dispose();
        await SetPlaceAsync(id, needId, capacity: 2, minimumAge: 18);
        await SetWishesAsync(id, needId);
        (await c.SubmitFormAsync($"/placering/{id}", [], $"/placering/{id}?handler=Run")).Dispose();

        var html = Html.Decode(await c.GetStringAsync(new Uri($"/placering/{id}", UriKind.Relative)));
        Assert.DoesNotContain("Nora Namnlös", html, StringComparison.Ordinal);
        Assert.Contains($"Sökande {await ApplicantIdAsync(id, anonymous.ProfileId)}", html, StringComparison.Ordinal);
        Assert.Contains("Vera Synlig", html, StringComparison.Ordinal);

        var providerUser = await UserIdAsync(provider);
        Assert.True(await ViewedAsync(anonymous.ProfileId, providerUser));
        Assert.True(await ViewedAsync(named.ProfileId, providerUser));
    }

    [Fact]
    public async Task After_publishing_the_employer_sees_the_school_pupil_by_name_and_the_profile_by_pseudonym_and_the_look_is_logged()
    {
        var (provider, _) = await TestAccounts.CreateAsync(factory, Roles.EducationProvider);
        var (employer, employerId) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var anonymous = await PersonAsync("Nils Namnlös", ProfileVisibility.PseudonymousToApprovedEmployers, optIn: true);
        var needId = await NeedAsync(employerId!.Value, anonymous.ProfileId);

        using var c = await factory.SignedInAsync(provider);
        var id = await CreateRoundAsync(c);
        (await c.SubmitFormAsync($"/placering/{id}/platser", [new("NeedIds", needId.ToString(CultureInfo.InvariantCulture))])).Dispose();
        (await c.SubmitFormAsync($"/placering/{id}/sokande", [], $"/placering/{id}/sokande?handler=Profiles")).Dispose();
        using var csv = await UploadAsync(c, id, $"namn;skola;födelsedatum;önskemål 1\nAlva Elevsdotter;Gnosjö gymnasium;2008-04-02;{needId}\n");
        Assert.Equal(HttpStatusCode.Redirect, csv.StatusCode);
        // Seats for everyone (other tests' opted-in people share the database and join the round too).
        await SetPlaceAsync(id, needId, capacity: 50, minimumAge: null);
        await SetWishesAsync(id, needId);
        (await c.SubmitFormAsync($"/placering/{id}", [], $"/placering/{id}?handler=Run")).Dispose();
        (await c.SubmitFormAsync($"/placering/{id}", [new("Algorithm", "DeferredAcceptance")], $"/placering/{id}?handler=Publish")).Dispose();

        using var e = await factory.SignedInAsync(employer);
        var coming = Html.Decode(await e.GetStringAsync(new Uri("/placering/kommande", UriKind.Relative)));
        Assert.Contains("Alva Elevsdotter", coming, StringComparison.Ordinal);
        Assert.DoesNotContain("Nils Namnlös", coming, StringComparison.Ordinal);
        Assert.Contains($"Sökande {await ApplicantIdAsync(id, anonymous.ProfileId)}", coming, StringComparison.Ordinal);

        Assert.True(await ViewedAsync(anonymous.ProfileId, await UserIdAsync(employer)));
        using var person = await factory.SignedInAsync(anonymous.Email);
        var mine = Html.Decode(await person.GetStringAsync(new Uri("/min-sida", UriKind.Relative)));
        Assert.Contains(await OrganisationNameAsync(employerId.Value), mine, StringComparison.Ordinal);
    }

    private async Task<TestPerson> PersonAsync(string name, ProfileVisibility visibility, bool optIn)
    {
        var person = await TestAccounts.CreatePersonAsync(factory, name);
        using var client = await factory.SignedInAsync(person.Email);
        using var visible = await client.SubmitFormAsync("/min-sida", [new("Visibility", visibility.ToString())], "/min-sida?handler=Visibility");
        Assert.Equal(HttpStatusCode.Redirect, visible.StatusCode);
        if (optIn)
        {
            // The person's own choice, on their own page.
            using var yes = await client.SubmitFormAsync("/min-sida", [new("JoinsPlacementRounds", "true")], "/min-sida?handler=Placement");
            Assert.Equal(HttpStatusCode.Redirect, yes.StatusCode);
        }

        return person;
    }

    private static async Task<int> CreateRoundAsync(HttpClient client)
    {
        using var created = await client.SubmitFormAsync("/placering/ny", [new("Name", "APL " + Guid.NewGuid().ToString("N")[..8]), new("Kind", nameof(NeedKind.AplPlace))]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return int.Parse(created.Headers.Location!.OriginalString.Split('/')[2], CultureInfo.InvariantCulture);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int id, string csv)
    {
        var page = $"/placering/{id}/sokande";
        var token = Html.AntiforgeryToken(await client.GetStringAsync(new Uri(page, UriKind.Relative)));
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "Upload", "elever.csv" },
        };
        return await client.PostAsync(new Uri(page + "?handler=Csv", UriKind.Relative), content);
    }

    /// <summary>An open APL need at the employer's site, placed where the person lives (no commute problem).</summary>
    private async Task<int> NeedAsync(int employerId, int nearProfileId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var profile = await db.Profiles.SingleAsync(p => p.Id == nearProfileId);
        var site = await db.Sites.SingleAsync(s => s.OrganisationId == employerId);
        (site.Latitude, site.Longitude) = (profile.Latitude, profile.Longitude);
        var need = new Need
        {
            OrganisationId = employerId, Kind = NeedKind.AplPlace, Title = "APL-plats " + Guid.NewGuid().ToString("N")[..6],
            OccupationId = scope.ServiceProvider.GetRequiredService<TaxonomyModel>().Occupations[0].Id, SiteId = site.Id,
        };
        db.Needs.Add(need);
        await db.SaveChangesAsync();
        return need.Id;
    }

    private async Task SetPlaceAsync(int roundId, int needId, int capacity, int? minimumAge)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var place = await db.Set<RoundPlace>().SingleAsync(p => p.RoundId == roundId && p.NeedId == needId);
        (place.Capacity, place.MinimumAge) = (capacity, minimumAge);
        await db.SaveChangesAsync();
    }

    /// <summary>Every profile applicant wishes the place (their matches need not propose it).</summary>
    private async Task SetWishesAsync(int roundId, int needId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        foreach (var applicant in await db.Set<RoundApplicant>().Where(a => a.RoundId == roundId && a.ProfileId != null).ToListAsync())
        {
            applicant.Wishes = [needId];
        }

        await db.SaveChangesAsync();
    }

    private async Task<List<int>> ApplicantProfilesAsync(int roundId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Set<RoundApplicant>()
            .Where(a => a.RoundId == roundId && a.ProfileId != null).Select(a => a.ProfileId!.Value).ToListAsync();
    }

    private async Task<int> ApplicantIdAsync(int roundId, int profileId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Set<RoundApplicant>()
            .Where(a => a.RoundId == roundId && a.ProfileId == profileId).Select(a => a.Id).SingleAsync();
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<string> OrganisationNameAsync(int organisationId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync();
    }

    private async Task<bool> ViewedAsync(int profileId, string actorUserId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().AuditEntries
            .AnyAsync(e => e.Action == AuditAction.ProfileViewed && e.SubjectProfileId == profileId && e.ActorUserId == actorUserId);
    }
}
