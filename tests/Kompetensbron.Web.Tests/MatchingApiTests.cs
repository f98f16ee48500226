using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Matching;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests;

/// <summary>The match API on data each test makes for itself: a welding need in Gislaved and a welder living there.</summary>
[Collection(WebApp.Name)]
public sealed class MatchingApiTests(KompetensbronWebFactory factory)
{
    private const string TigWelding = "WBnc_JXj_MvY";
    private static readonly (double Lat, double Lon) Gislaved = (57.3046, 13.5386);
    private static readonly string[] ComponentNames = ["required", "related", "meriting", "experience", "commute"];

    private sealed record Pair(string PersonEmail, int ProfileId, string EmployerEmail, int NeedId);

    private async Task<Pair> CreatePairAsync()
    {
        var (employerEmail, organisationId) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var (personEmail, _) = await TestAccounts.CreateAsync(factory, Roles.Person);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KompetensbronUser>>();
        var taxonomy = scope.ServiceProvider.GetRequiredService<Kompetensbron.Core.Taxonomy.TaxonomyModel>();
        var occupation = taxonomy.Search("svetsare", Kompetensbron.Core.Taxonomy.TaxonomyKind.Occupation, 1)[0].Id;

        var site = await db.Sites.SingleAsync(s => s.OrganisationId == organisationId);
        site.Latitude = Gislaved.Lat;
        site.Longitude = Gislaved.Lon;
        var now = DateTimeOffset.UtcNow;
        var need = new Need
        {
            OrganisationId = organisationId!.Value,
            Kind = NeedKind.Job,
            Title = "Svetsare till test " + Guid.NewGuid().ToString("N")[..6],
            OccupationId = occupation,
            SiteId = site.Id,
            Status = NeedStatus.Open,
            Skills = [new NeedSkill { SkillId = TigWelding, IsRequired = true, Importance = 3 }],
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Needs.Add(need);
        var person = await users.FindByEmailAsync(personEmail);
        var profile = new Profile
        {
            UserId = person!.Id,
            DisplayName = "Testperson",
            MunicipalityCode = "0662",
            Latitude = Gislaved.Lat,
            Longitude = Gislaved.Lon,
            MaxCommuteMinutes = 30,
            Visibility = ProfileVisibility.PseudonymousToApprovedEmployers,
            Skills = [new ProfileSkill { SkillId = TigWelding, Level = 3, Evidence = SkillEvidence.Work }],
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Profiles.Add(profile);
        await db.SaveChangesAsync();

        // What the app does after saving a need or a profile.
        var matching = factory.Services.GetRequiredService<MatchService>();
        await matching.RefreshNeedAsync(need.Id);
        await matching.RefreshProfileAsync(profile.Id);
        return new Pair(personEmail, profile.Id, employerEmail, need.Id);
    }

    private async Task<HttpClient> As(string email)
    {
        var client = factory.Browser();
        using var login = await client.LoginAsync(email, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }

    [Fact]
    public async Task A_person_gets_their_own_explained_matches_with_components_that_add_up()
    {
        var pair = await CreatePairAsync();
        using var client = await As(pair.PersonEmail);

        using var response = await client.GetAsync(new Uri($"/api/v1/profiles/{pair.ProfileId}/matches?top=50", UriKind.Relative));
        var list = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var match = list.GetProperty("matches").EnumerateArray().Single(m => m.GetProperty("needId").GetInt32() == pair.NeedId);
        var components = match.GetProperty("components");
        var sum = ComponentNames.Sum(c => components.GetProperty(c).GetInt32());
        Assert.Equal(match.GetProperty("score").GetInt32(), sum);
        Assert.True(sum > 0);
        Assert.Contains(match.GetProperty("explanation").GetProperty("sv").EnumerateArray(), s => s.GetString()!.Contains("1 av 1 krav", StringComparison.Ordinal));
        Assert.NotEmpty(match.GetProperty("explanation").GetProperty("en").EnumerateArray());
    }

    [Fact]
    public async Task Another_person_may_not_read_a_profiles_matches_but_a_coordinator_may()
    {
        var pair = await CreatePairAsync();
        var (otherEmail, _) = await TestAccounts.CreateAsync(factory, Roles.Person);
        var (coordinatorEmail, _) = await TestAccounts.CreateAsync(factory, Roles.Coordinator);
        using var other = await As(otherEmail);
        using var coordinator = await As(coordinatorEmail);
        using var anonymous = factory.Browser();
        var path = new Uri($"/api/v1/profiles/{pair.ProfileId}/matches", UriKind.Relative);

        using var asOther = await other.GetAsync(path);
        using var asCoordinator = await coordinator.GetAsync(path);
        using var asAnonymous = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, asOther.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asCoordinator.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, asAnonymous.StatusCode);
    }

    [Fact]
    public async Task The_needs_employer_sees_pseudonymous_candidates_and_another_employer_is_refused()
    {
        var pair = await CreatePairAsync();
        var (otherEmployer, _) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var (coordinatorEmail, _) = await TestAccounts.CreateAsync(factory, Roles.Coordinator);
        using var owner = await As(pair.EmployerEmail);
        using var other = await As(otherEmployer);
        using var coordinator = await As(coordinatorEmail);
        var path = new Uri($"/api/v1/needs/{pair.NeedId}/matches", UriKind.Relative);

        using var asOwner = await owner.GetAsync(path);
        using var asOther = await other.GetAsync(path);
        using var asCoordinator = await coordinator.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, asOwner.StatusCode);
        var ownerJson = await asOwner.Content.ReadAsStringAsync();
        var candidates = JsonDocument.Parse(ownerJson).RootElement.GetProperty("matches").EnumerateArray().ToList();
        Assert.NotEmpty(candidates);
        Assert.All(candidates, c =>
        {
            Assert.Equal(JsonValueKind.Null, c.GetProperty("profileId").ValueKind);
            Assert.False(string.IsNullOrEmpty(c.GetProperty("candidate").GetString()));
        });
        Assert.DoesNotContain("Testperson", ownerJson, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, asOther.StatusCode);
        var coordinatorMatches = (await asCoordinator.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("matches").EnumerateArray();
        Assert.Contains(coordinatorMatches, c => c.GetProperty("profileId").GetInt32() == pair.ProfileId);
    }

    [Fact]
    public async Task A_member_of_an_employer_that_is_no_longer_approved_sees_no_candidates()
    {
        var pair = await CreatePairAsync();
        using var owner = await As(pair.EmployerEmail);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            var organisationId = await db.Needs.Where(n => n.Id == pair.NeedId).Select(n => n.OrganisationId).SingleAsync();
            var organisation = await db.Organisations.SingleAsync(o => o.Id == organisationId);
            organisation.IsApproved = false;
            await db.SaveChangesAsync();
        }

        using var response = await owner.GetAsync(new Uri($"/api/v1/needs/{pair.NeedId}/matches", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_hidden_profile_is_not_a_candidate_after_the_person_hides_it()
    {
        var pair = await CreatePairAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            var profile = await db.Profiles.SingleAsync(p => p.Id == pair.ProfileId);
            profile.Visibility = ProfileVisibility.Hidden;
            await db.SaveChangesAsync();
        }

        await factory.Services.GetRequiredService<MatchService>().RefreshProfileAsync(pair.ProfileId);
        var (coordinatorEmail, _) = await TestAccounts.CreateAsync(factory, Roles.Coordinator);
        using var coordinator = await As(coordinatorEmail);

        var list = await coordinator.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/needs/{pair.NeedId}/matches", UriKind.Relative));

        Assert.DoesNotContain(list.GetProperty("matches").EnumerateArray(), c => c.GetProperty("profileId").GetInt32() == pair.ProfileId);
    }

    [Fact]
    public async Task Bad_top_is_a_problem_and_unknown_ids_are_not_found()
    {
        var (coordinatorEmail, _) = await TestAccounts.CreateAsync(factory, Roles.Coordinator);
        using var coordinator = await As(coordinatorEmail);

        using var badTop = await coordinator.GetAsync(new Uri("/api/v1/needs/1/matches?top=0", UriKind.Relative));
        using var unknown = await coordinator.GetAsync(new Uri("/api/v1/profiles/999999/matches", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, badTop.StatusCode);
        Assert.Equal("application/problem+json", badTop.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_both_match_endpoints()
    {
        using var client = factory.Browser();

        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Contains("/api/v1/profiles/{id}/matches", document, StringComparison.Ordinal);
        Assert.Contains("/api/v1/needs/{id}/matches", document, StringComparison.Ordinal);
    }
}
