using System.Net;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Programmes;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Matching;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Persons;

[Collection(WebApp.Name)]
public sealed class MatchesAndPathTests(KompetensbronWebFactory factory)
{
    private const string TigWelding = "WBnc_JXj_MvY";

    private sealed record World(HttpClient Client, int NeedId, string NeedTitle) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    /// <summary>A person with TIG welding in Gislaved, a welding job nearby that also asks for another skill, and a programme that teaches it.</summary>
    private async Task<World> WorldAsync()
    {
        var person = await TestAccounts.CreatePersonAsync(factory);
        var (_, employerId) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var (_, providerId) = await TestAccounts.CreateAsync(factory, Roles.EducationProvider);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var taxonomy = scope.ServiceProvider.GetRequiredService<Kompetensbron.Core.Taxonomy.TaxonomyModel>();
        var gislaved = scope.ServiceProvider.GetRequiredService<GeographyModel>().FindMunicipality("0662")!.Centre;
        var occupation = taxonomy.Search("svetsare", Kompetensbron.Core.Taxonomy.TaxonomyKind.Occupation, 1)[0].Id;
        var missing = taxonomy.SkillsForOccupation(occupation).First(s => s.Id != TigWelding).Id;

        foreach (var site in await db.Sites.Where(s => s.OrganisationId == employerId || s.OrganisationId == providerId).ToListAsync())
        {
            (site.Latitude, site.Longitude) = (gislaved.Latitude, gislaved.Longitude);
        }

        var unique = Guid.NewGuid().ToString("N")[..6];
        var now = DateTimeOffset.UtcNow;
        var need = new Need
        {
            OrganisationId = employerId!.Value,
            Kind = NeedKind.Job,
            Title = "Svetsare " + unique,
            OccupationId = occupation,
            Status = NeedStatus.Open,
            Skills = [new() { SkillId = TigWelding, IsRequired = true, Importance = 3 }, new() { SkillId = missing, IsRequired = true, Importance = 2 }],
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Needs.Add(need);
        var programme = new Programme
        {
            ProviderId = providerId!.Value,
            Title = "Kurs " + unique,
            SkillIds = [missing],
            LengthWeeks = 6,
            StartDates = [DateOnly.FromDateTime(DateTime.Today).AddDays(30)],
            Seats = 10,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Programmes.Add(programme);
        var profile = await db.Profiles.SingleAsync(p => p.Id == person.ProfileId);
        profile.Skills.Add(new ProfileSkill { SkillId = TigWelding, Level = 3, Evidence = SkillEvidence.Work });
        await db.SaveChangesAsync();
        var matching = factory.Services.GetRequiredService<MatchService>();
        await matching.RefreshNeedAsync(need.Id);
        await matching.RefreshProfileAsync(profile.Id);

        var client = factory.Browser();
        using var login = await client.LoginAsync(person.Email, TestAccounts.Password);
        return new World(client, need.Id, need.Title);
    }

    [Fact]
    public async Task Matches_are_explained_in_plain_words_and_filtered_by_kind_and_municipality()
    {
        using var world = await WorldAsync();

        var html = Html.Decode(await world.Client.GetStringAsync(new Uri("/min-sida/matchningar", UriKind.Relative)));
        Assert.Contains(world.NeedTitle, html, StringComparison.Ordinal);
        Assert.Contains($"/min-sida/vag?behov={world.NeedId}", html, StringComparison.Ordinal);
        Assert.Contains("Du har 1 av 2 krav", html, StringComparison.Ordinal);
        Html.AssertNoInlineCode(html);

        var summerJobs = Html.Decode(await world.Client.GetStringAsync(new Uri("/min-sida/matchningar?slag=SummerJob", UriKind.Relative)));
        Assert.DoesNotContain(world.NeedTitle, summerJobs, StringComparison.Ordinal);
        var elsewhere = Html.Decode(await world.Client.GetStringAsync(new Uri("/min-sida/matchningar?kommun=0180", UriKind.Relative)));
        Assert.DoesNotContain(world.NeedTitle, elsewhere, StringComparison.Ordinal);
        var here = Html.Decode(await world.Client.GetStringAsync(new Uri("/min-sida/matchningar?slag=Job&kommun=0662", UriKind.Relative)));
        Assert.Contains(world.NeedTitle, here, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_path_to_a_need_lists_the_gap_the_programme_and_a_ready_by_date()
    {
        using var world = await WorldAsync();

        var html = Html.Decode(await world.Client.GetStringAsync(new Uri($"/min-sida/vag?behov={world.NeedId}", UriKind.Relative)));

        Assert.Contains("data-testid=\"gap\"", html, StringComparison.Ordinal);
        // Other tests' programmes teach the same skill just as fast; any one of them is a right answer.
        Assert.Matches("<h3 class=\"card__title\">Kurs [0-9a-f]{6}</h3>", html);
        Assert.Contains("data-testid=\"ready-by\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("TIG-svetsning</li>", html, StringComparison.Ordinal);
        Html.AssertNoInlineCode(html);
    }

    [Fact]
    public async Task The_path_to_an_occupation_works_by_concept_id_and_an_unknown_target_is_not_found()
    {
        using var world = await WorldAsync();

        using var bySsyk = await world.Client.GetAsync(new Uri("/min-sida/vag?yrke=7212", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, bySsyk.StatusCode);
        using var unknownNeed = await world.Client.GetAsync(new Uri("/min-sida/vag?behov=987654", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknownNeed.StatusCode);
        var search = Html.Decode(await world.Client.GetStringAsync(new Uri("/min-sida/vag?q=svetsare", UriKind.Relative)));
        Assert.Contains("href=\"?yrke=", search, StringComparison.Ordinal);
    }
}
