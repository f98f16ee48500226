using System.Net;
using System.Text.Json;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Programmes;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Placement;
using Kompetensbron.Web.Api;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kompetensbron.Web.Tests.Api.ApiTesting;

namespace Kompetensbron.Web.Tests.Api;

/// <summary>Profiles (one's own), programmes, organisations, insights, placement rounds, taxonomy lookups and the OpenAPI document.</summary>
public sealed class ResourcesApiTests(EmptyWebFactory factory) : IClassFixture<EmptyWebFactory>
{
    [Fact]
    public async Task A_person_reads_and_replaces_their_own_profile_and_a_stale_write_is_refused()
    {
        var person = await TestAccounts.CreatePersonAsync(factory);
        using var client = await LoggedInAsync(factory, person.Email);
        using var read = await client.GetAsync(new Uri("/api/v1/profiles/me", UriKind.Relative));
        var profile = await ReadAsync<ProfileJson>(read);
        Assert.Equal(person.ProfileId, profile.Id);
        var etag = read.Headers.ETag!.Tag;

        var body = new
        {
            displayName = "Svea",
            municipalityCode = "0680",
            maxCommuteMinutes = 30,
            commuteMode = "PublicTransport",
            visibility = "Hidden",
            skills = new[] { new { skillId = TigWelding, level = 3, evidence = "Work" } },
            occupations = new[] { new { occupationId = Occupation(factory), years = 2.5m } },
            languages = Array.Empty<object>(),
            licences = new[] { "B" },
        };
        await ProblemAsync(await client.SendAsync(Request(HttpMethod.Put, "/api/v1/profiles/me", body)), (HttpStatusCode)428);
        using var replaced = await client.SendAsync(Request(HttpMethod.Put, "/api/v1/profiles/me", body, etag));
        var after = await ReadAsync<ProfileJson>(replaced);
        Assert.Equal(("Svea", "0680", 30, "Hidden", profile.Version + 1), (after.DisplayName, after.MunicipalityCode, after.MaxCommuteMinutes, after.Visibility, after.Version));
        Assert.Equal([TigWelding], after.Skills.Select(s => s.SkillId));

        await ProblemAsync(await client.SendAsync(Request(HttpMethod.Put, "/api/v1/profiles/me", body with { }, etag)), HttpStatusCode.PreconditionFailed);
        var invalid = await ProblemAsync(
            await client.SendAsync(Request(HttpMethod.Put, "/api/v1/profiles/me", new { displayName = "X", municipalityCode = "9999", skills = new[] { new { skillId = TigWelding, level = 7, evidence = "Dreams" } } }, replaced.Headers.ETag!.Tag)),
            HttpStatusCode.BadRequest);
        var fields = invalid.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["municipalityCode", "skills[0].evidence", "skills[0].level"], fields);

        var (employer, _) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        using var other = await LoggedInAsync(factory, employer);
        await ProblemAsync(await other.GetAsync(new Uri("/api/v1/profiles/me", UriKind.Relative)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_provider_writes_its_own_programmes_and_everyone_signed_in_reads_them()
    {
        var (provider, providerId) = await TestAccounts.CreateAsync(factory, Roles.EducationProvider);
        var (employer, _) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        using var client = await LoggedInAsync(factory, provider);
        var body = new { title = "Svetsutbildning", level = "Komvux", skillIds = new[] { TigWelding }, lengthWeeks = 20, seats = 12, startDates = new[] { "2027-01-18" } };

        using var created = await client.SendAsync(Request(HttpMethod.Post, "/api/v1/programmes", body));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var programme = await ReadAsync<ProgrammeJson>(created);
        Assert.Equal((providerId!.Value, "Komvux", 20), (programme.ProviderId, programme.Level, programme.LengthWeeks));

        using var employerClient = await LoggedInAsync(factory, employer);
        var bySkill = await ReadAsync<Page<ProgrammeJson>>(await employerClient.GetAsync(new Uri($"/api/v1/programmes?skill={TigWelding}&provider={providerId}", UriKind.Relative)));
        Assert.Equal([programme.Id], bySkill.Items.Select(p => p.Id));
        var otherSkill = await ReadAsync<Page<ProgrammeJson>>(await employerClient.GetAsync(new Uri($"/api/v1/programmes?skill=nope&provider={providerId}", UriKind.Relative)));
        Assert.Empty(otherSkill.Items);
        await ProblemAsync(await employerClient.SendAsync(Request(HttpMethod.Post, "/api/v1/programmes", body)), HttpStatusCode.Forbidden);
        await ProblemAsync(await employerClient.SendAsync(Request(HttpMethod.Put, $"/api/v1/programmes/{programme.Id}", body, "*")), HttpStatusCode.Forbidden);

        using var replaced = await client.SendAsync(Request(HttpMethod.Put, $"/api/v1/programmes/{programme.Id}", body with { title = "Svetsning, grund" }, created.Headers.ETag!.Tag));
        Assert.Equal("Svetsning, grund", (await ReadAsync<ProgrammeJson>(replaced)).Title);
        await ProblemAsync(await client.SendAsync(Request(HttpMethod.Delete, $"/api/v1/programmes/{programme.Id}")), (HttpStatusCode)428);
        using var archived = await client.SendAsync(Request(HttpMethod.Delete, $"/api/v1/programmes/{programme.Id}", ifMatch: replaced.Headers.ETag!.Tag));
        Assert.Equal(HttpStatusCode.NoContent, archived.StatusCode);
        var current = await ReadAsync<Page<ProgrammeJson>>(await client.GetAsync(new Uri($"/api/v1/programmes?provider={providerId}", UriKind.Relative)));
        Assert.Empty(current.Items);
        var archivedList = await ReadAsync<Page<ProgrammeJson>>(await client.GetAsync(new Uri($"/api/v1/programmes?provider={providerId}&archived=true", UriKind.Relative)));
        Assert.Equal([programme.Id], archivedList.Items.Select(p => p.Id));

        var invalid = await ProblemAsync(await client.SendAsync(Request(HttpMethod.Post, "/api/v1/programmes", new { title = "X", level = "Kindergarten", lengthWeeks = 0 })), HttpStatusCode.BadRequest);
        Assert.Equal(["lengthWeeks", "level", "skillIds"], invalid.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Organisations_list_approved_ones_and_the_callers_own()
    {
        var (waiting, waitingId) = await TestAccounts.CreateAsync(factory, Roles.Employer, approved: false);
        var (_, approvedId) = await TestAccounts.CreateAsync(factory, Roles.EducationProvider);
        var person = await TestAccounts.CreatePersonAsync(factory);
        using var client = await LoggedInAsync(factory, person.Email);

        var organisation = await ReadAsync<OrganisationJson>(await client.GetAsync(new Uri($"/api/v1/organisations/{approvedId}", UriKind.Relative)));
        Assert.Equal(("EducationProvider", "0662"), (organisation.Kind, organisation.Sites.Single().MunicipalityCode));
        await ProblemAsync(await client.GetAsync(new Uri($"/api/v1/organisations/{waitingId}", UriKind.Relative)), HttpStatusCode.NotFound);
        var providers = await ReadAsync<Page<OrganisationJson>>(await client.GetAsync(new Uri("/api/v1/organisations?kind=EducationProvider&municipality=0662&limit=200", UriKind.Relative)));
        Assert.Contains(providers.Items, o => o.Id == approvedId);
        Assert.All(providers.Items, o => Assert.Equal("EducationProvider", o.Kind));
        Assert.DoesNotContain(providers.Items, o => o.Id == waitingId);
        await ProblemAsync(await client.GetAsync(new Uri("/api/v1/organisations?kind=Bank", UriKind.Relative)), HttpStatusCode.BadRequest);

        // A member of an organisation waiting for approval acts for nobody yet.
        using var member = await LoggedInAsync(factory, waiting);
        await ProblemAsync(await member.GetAsync(new Uri("/api/v1/organisations", UriKind.Relative)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Insights_are_for_coordinators_and_providers_with_small_counts_suppressed()
    {
        var (provider, providerId) = await TestAccounts.CreateAsync(factory, Roles.EducationProvider);
        var (employer, employerId) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        await AddNeedAsync(factory, employerId!.Value, NeedStatus.Open);
        using var client = WithToken(factory, await CreateTokenAsync(factory, providerId!.Value));

        var insights = await ReadAsync<InsightsJson>(await client.GetAsync(new Uri("/api/v1/insights?horizon=5", UriKind.Relative)));
        Assert.NotEmpty(insights.Tables);
        var occupations = await ReadAsync<InsightsJson>(await client.GetAsync(new Uri("/api/v1/insights?table=occupations", UriKind.Relative)));
        var table = Assert.Single(occupations.Tables);
        // One open need, one headcount: far under five people, so the numbers are suppressed.
        var cells = table.Rows.SelectMany(r => r).Concat(table.Total ?? []).ToList();
        Assert.Contains(cells, c => c.Text == "<5" && c.Number is null);

        var invalid = await ProblemAsync(await client.GetAsync(new Uri("/api/v1/insights?municipality=0180&field=X&horizon=4&table=nope", UriKind.Relative)), HttpStatusCode.BadRequest);
        Assert.Equal(["field", "horizon", "municipality", "table"], invalid.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        using var employerClient = await LoggedInAsync(factory, employer);
        await ProblemAsync(await employerClient.GetAsync(new Uri("/api/v1/insights", UriKind.Relative)), HttpStatusCode.Forbidden);
        using var providerClient = await LoggedInAsync(factory, provider);
        Assert.Equal(HttpStatusCode.OK, (await providerClient.GetAsync(new Uri("/api/v1/insights", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Placement_rounds_are_read_by_their_provider_and_coordinators()
    {
        var (provider, providerId) = await TestAccounts.CreateAsync(factory, Roles.EducationProvider);
        var (otherProvider, _) = await TestAccounts.CreateAsync(factory, Roles.EducationProvider);
        var (coordinator, _) = await TestAccounts.CreateAsync(factory, Roles.Coordinator);
        var (employer, employerId) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var needId = await AddNeedAsync(factory, employerId!.Value, NeedStatus.Open);
        int roundId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            var round = new StoredPlacementRound
            {
                Name = "APL höst",
                OwnerOrganisationId = providerId,
                CreatedByUserId = "test",
                Places = [new RoundPlace { NeedId = needId, Capacity = 3 }],
                Applicants = [new RoundApplicant { Name = "Elev Ett" }],
            };
            db.Add(round);
            await db.SaveChangesAsync();
            roundId = round.Id;
        }

        using var own = await LoggedInAsync(factory, provider);
        var read = await ReadAsync<PlacementRoundJson>(await own.GetAsync(new Uri($"/api/v1/placement-rounds/{roundId}", UriKind.Relative)));
        Assert.Equal(("APL höst", "Draft", 1, 3), (read.Name, read.Status, read.Applicants, read.Places.Single().Capacity));
        var body = await (await own.GetAsync(new Uri($"/api/v1/placement-rounds/{roundId}", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Elev Ett", body, StringComparison.Ordinal);
        var list = await ReadAsync<Page<PlacementRoundJson>>(await own.GetAsync(new Uri("/api/v1/placement-rounds?status=Draft", UriKind.Relative)));
        Assert.Equal([roundId], list.Items.Select(r => r.Id));

        using var coordinatorClient = await LoggedInAsync(factory, coordinator);
        Assert.Equal(HttpStatusCode.OK, (await coordinatorClient.GetAsync(new Uri($"/api/v1/placement-rounds/{roundId}", UriKind.Relative))).StatusCode);
        using var other = await LoggedInAsync(factory, otherProvider);
        await ProblemAsync(await other.GetAsync(new Uri($"/api/v1/placement-rounds/{roundId}", UriKind.Relative)), HttpStatusCode.NotFound);
        using var employerClient = await LoggedInAsync(factory, employer);
        await ProblemAsync(await employerClient.GetAsync(new Uri("/api/v1/placement-rounds", UriKind.Relative)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Taxonomy_concepts_are_looked_up_by_id_by_anyone()
    {
        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var skill = await ReadAsync<SkillJson>(await anonymous.GetAsync(new Uri($"/api/v1/taxonomy/skills/{TigWelding}", UriKind.Relative)));
        Assert.Equal("TIG-svetsning", skill.Label);
        var occupation = await ReadAsync<OccupationJson>(await anonymous.GetAsync(new Uri($"/api/v1/taxonomy/occupations/{Occupation(factory)}", UriKind.Relative)));
        Assert.NotNull(occupation.Ssyk4Code);
        await ProblemAsync(await anonymous.GetAsync(new Uri("/api/v1/taxonomy/skills/nope", UriKind.Relative)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_api_endpoint_with_responses_and_security()
    {
        using var anonymous = factory.CreateClient();
        using var document = JsonDocument.Parse(await anonymous.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var root = document.RootElement;
        Assert.Equal("http", root.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("type").GetString());
        var paths = root.GetProperty("paths");

        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Path: e.RoutePattern.RawText!, Method: m)))
            .ToList();
        Assert.True(endpoints.Count >= 20, $"Only {endpoints.Count} API endpoints found.");
        foreach (var (path, method) in endpoints)
        {
            var documented = System.Text.RegularExpressions.Regex.Replace(path, @"\{([^:}?]+)[^}]*\}", "{$1}");
            Assert.True(paths.TryGetProperty(documented, out var item), $"{path} is not in the OpenAPI document.");
            Assert.True(item.TryGetProperty(method.ToLowerInvariant(), out var operation), $"{method} {path} is not in the OpenAPI document.");
            var responses = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
            Assert.Contains(responses, r => r.StartsWith('2'));
            if (path.StartsWith("/api/v1/taxonomy", StringComparison.Ordinal))
            {
                continue;
            }

            Assert.True(operation.TryGetProperty("security", out var security), $"{method} {path} has no security requirement.");
            Assert.Contains("401", responses);
            if (path is "/api/v1/needs" or "/api/v1/programmes" or "/api/v1/insights")
            {
                Assert.Contains(security.EnumerateArray(), s => s.TryGetProperty("bearer", out _));
            }
        }
    }
}
