using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Placement;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Placement;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Placement;

public sealed class PlacementRoundPageTests(EmptyWebFactory factory) : IClassFixture<EmptyWebFactory>
{
    [Fact]
    public async Task Providers_see_only_their_own_rounds_and_employers_none()
    {
        var (providerA, _) = await TestAccounts.CreateAsync(factory, Roles.EducationProvider);
        var (providerB, _) = await TestAccounts.CreateAsync(factory, Roles.EducationProvider);
        var (employer, _) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var (coordinator, _) = await TestAccounts.CreateAsync(factory, Roles.Coordinator);
        var name = "APL " + Guid.NewGuid().ToString("N")[..8];

        using var a = await LoggedInAsync(providerA);
        var id = await CreateRoundAsync(a, name);
        Assert.Contains(name, await a.GetStringAsync(new Uri("/placering", UriKind.Relative)), StringComparison.Ordinal);

        using var b = await LoggedInAsync(providerB);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync(new Uri($"/placering/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync(new Uri($"/placering/{id}/sokande", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain(name, await b.GetStringAsync(new Uri("/placering", UriKind.Relative)), StringComparison.Ordinal);

        using var e = await LoggedInAsync(employer);
        Assert.Equal(HttpStatusCode.Forbidden, (await e.GetAsync(new Uri($"/placering/{id}", UriKind.Relative))).StatusCode);

        using var c = await LoggedInAsync(coordinator);
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync(new Uri($"/placering/{id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_published_round_tells_the_placed_student_and_shows_the_employer_who_is_coming()
    {
        var (employerA, employerAId) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var (employerB, _) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var (coordinator, _) = await TestAccounts.CreateAsync(factory, Roles.Coordinator);
        var student = await TestAccounts.CreatePersonAsync(factory, "Sixten Placerad");
        var title = "APL-plats " + Guid.NewGuid().ToString("N")[..8];
        int needId, adultsOnlyId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            var profile = await db.Profiles.SingleAsync(p => p.Id == student.ProfileId);

            // Sixten takes part by his own choice and lets employers see his name.
            (profile.JoinsPlacementRounds, profile.Visibility) = (true, ProfileVisibility.Visible);
            var site = await db.Sites.SingleAsync(s => s.OrganisationId == employerAId);
            (site.Latitude, site.Longitude) = (profile.Latitude, profile.Longitude);
            var need = new Need
            {
                OrganisationId = employerAId!.Value,
                Kind = NeedKind.AplPlace,
                Title = title,
                OccupationId = scope.ServiceProvider.GetRequiredService<TaxonomyModel>().Occupations[0].Id,
                SiteId = site.Id,
            };
            var adultsOnly = new Need
            {
                OrganisationId = employerAId.Value,
                Kind = NeedKind.AplPlace,
                Title = "Pressverkstad " + title,
                OccupationId = need.OccupationId,
                SiteId = site.Id,
            };
            db.Needs.AddRange(need, adultsOnly);
            await db.SaveChangesAsync();
            (needId, adultsOnlyId) = (need.Id, adultsOnly.Id);
        }

        using var c = await LoggedInAsync(coordinator);
        var id = await CreateRoundAsync(c, "Vår " + title);
        var added = await c.SubmitFormAsync($"/placering/{id}/platser",
            [new("NeedIds", needId.ToString(CultureInfo.InvariantCulture)), new("NeedIds", adultsOnlyId.ToString(CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        // A CSV row naming an unknown place is refused with the row; a valid file adds the student.
        var refused = await UploadAsync(c, id, $"namn;skola;födelsedatum;önskemål 1\nAlva Svensson;Gnosjö gymnasium;2008-04-02;{needId}\nBo Ek;Gnosjö gymnasium;2008-13-40;999999\n");
        var html = Html.Decode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Rad 3: födelsedatum", html, StringComparison.Ordinal);
        Assert.Contains("Rad 3: önskemål 1 ”999999”", html, StringComparison.Ordinal);
        var accepted = await UploadAsync(c, id, $"namn;skola;födelsedatum;önskemål 1\nAlva Svensson;Gnosjö gymnasium;2008-04-02;{needId}\n");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            db.Add(new RoundApplicant { RoundId = id, ProfileId = student.ProfileId, Name = "Sixten Placerad", School = "Gnosjö gymnasium", Wishes = [adultsOnlyId, needId] });
            await db.SaveChangesAsync();
        }

        var round = $"/placering/{id}";
        // Seats, minimum age and supervisor per place: the profile's age is unknown, so the 18+ place is ruled out for Sixten.
        var placeId = await PlaceIdAsync(id, needId);
        Assert.Equal(HttpStatusCode.Redirect, (await c.SubmitFormAsync(round,
            [new("placeId", placeId), new("capacity", "2"), new("minimumAge", ""), new("supervisor", "  Greta Handledare ")], round + "?handler=Place")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await c.SubmitFormAsync(round,
            [new("placeId", await PlaceIdAsync(id, adultsOnlyId)), new("capacity", "1"), new("minimumAge", "18"), new("supervisor", "")], round + "?handler=Place")).StatusCode);
        var edited = Html.Decode(await c.GetStringAsync(new Uri(round, UriKind.Relative)));
        Assert.Contains("value=\"Greta Handledare\"", edited, StringComparison.Ordinal);
        Assert.Contains("value=\"18\"", edited, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await c.SubmitFormAsync(round, [], round + "?handler=Run")).StatusCode);
        var compared = await c.GetStringAsync(new Uri(round, UriKind.Relative));
        Assert.Contains("data-testid=\"comparison\"", compared, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await c.SubmitFormAsync(round, [new("Algorithm", "DeferredAcceptance")], round + "?handler=Publish")).StatusCode);

        using var person = await LoggedInAsync(student.Email);
        var mine = Html.Decode(await person.GetStringAsync(new Uri("/min-sida/placering", UriKind.Relative)));
        Assert.Contains($"Du har fått platsen {title}", mine, StringComparison.Ordinal);
        Assert.Contains("önskemål nummer 2", mine, StringComparison.Ordinal);
        Assert.Contains("Din handledare på arbetsplatsen: Greta Handledare.", mine, StringComparison.Ordinal);
        Assert.Contains($"Önskemål 1 (Pressverkstad {title}) gick inte: platsen har en lägsta ålder och vi vet inte din ålder", mine, StringComparison.Ordinal);

        using var a = await LoggedInAsync(employerA);
        var coming = await a.GetStringAsync(new Uri("/placering/kommande", UriKind.Relative));
        Assert.Contains("Sixten Placerad", coming, StringComparison.Ordinal);
        Assert.Contains("Alva Svensson", coming, StringComparison.Ordinal);
        Assert.Contains("Greta Handledare", coming, StringComparison.Ordinal);

        using var b = await LoggedInAsync(employerB);
        Assert.DoesNotContain("Sixten Placerad", await b.GetStringAsync(new Uri("/placering/kommande", UriKind.Relative)), StringComparison.Ordinal);

        // Sixten deletes his account: he leaves the stored run snapshots too (the JSON of the round and of each result).
        var sixten = await ApplicantKeyAsync(id, student.ProfileId);
        Assert.All(await SnapshotsAsync(id), s => Assert.Contains(sixten, s.ApplicantIds));
        using var deleted = await person.SubmitFormAsync("/min-sida/radera", [new("Confirm", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var snapshots = await SnapshotsAsync(id);
        Assert.Equal(4, snapshots.Count);
        Assert.All(snapshots, s => Assert.DoesNotContain(sixten, s.ApplicantIds));
        Assert.All(snapshots, s => Assert.Single(s.ApplicantIds));
        Assert.DoesNotContain("Sixten Placerad", await a.GetStringAsync(new Uri("/placering/kommande", UriKind.Relative)), StringComparison.Ordinal);
    }

    private async Task<HttpClient> LoggedInAsync(string email)
    {
        var client = factory.Browser();
        using var login = await client.LoginAsync(email, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }

    private static async Task<int> CreateRoundAsync(HttpClient client, string name)
    {
        using var created = await client.SubmitFormAsync("/placering/ny", [new("Name", name), new("Kind", nameof(NeedKind.AplPlace))]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        return int.Parse(location.Split('/')[2], CultureInfo.InvariantCulture);
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

    private async Task<string> PlaceIdAsync(int roundId, int needId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var id = await db.Set<RoundPlace>().Where(p => p.RoundId == roundId && p.NeedId == needId).Select(p => p.Id).SingleAsync();
        return id.ToString(CultureInfo.InvariantCulture);
    }

    private async Task<string> ApplicantKeyAsync(int roundId, int profileId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        return PlacementRounds.ApplicantKey(await db.Set<RoundApplicant>().Where(a => a.RoundId == roundId && a.ProfileId == profileId).Select(a => a.Id).SingleAsync());
    }

    /// <summary>The applicant ids in every stored snapshot of the round: the round and the result of both algorithms.</summary>
    private async Task<List<(string Json, List<string> ApplicantIds)>> SnapshotsAsync(int roundId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var results = await db.Set<RoundResult>().AsNoTracking().Where(r => r.RoundId == roundId).ToListAsync();
        return [.. results.SelectMany(r => new[]
        {
            (r.RoundJson, JsonSerializer.Deserialize<PlacementRound>(r.RoundJson, PlacementRoundJson.Options)!.Applicants.Select(a => a.Id).ToList()),
            (r.ResultJson, PlacementRounds.ReadResult(r).Applicants.Select(a => a.ApplicantId).ToList()),
        })];
    }
}
