using System.Net;
using System.Text.RegularExpressions;
using Kompetensbron.Core.Gaps;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Programmes;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Persons;

[Collection(WebApp.Name)]
public sealed class CareerExplorerTests(KompetensbronWebFactory factory)
{
    private const string CncOperator = "9haD_NB6_ULH";

    [Fact]
    public async Task Anyone_sees_the_occupations_in_groups_and_an_occupation_with_its_work_skills_demand_and_ways_in()
    {
        using var client = factory.Browser();

        var index = Html.Decode(await client.GetStringAsync(new Uri("/yrken", UriKind.Relative)));
        Assert.Contains($"href=\"/yrken/{CncOperator}\"", index, StringComparison.Ordinal);
        Assert.Contains("Göra delar med maskiner", index, StringComparison.Ordinal);
        Html.AssertNoInlineCode(index);

        var page = Html.Decode(await client.GetStringAsync(new Uri($"/yrken/{CncOperator}", UriKind.Relative)));
        Assert.Contains("<h1>CNC-operatör</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<li>Svarvning, CNC</li>", page, StringComparison.Ordinal);
        Assert.Contains("Om du är ny i Sverige", page, StringComparison.Ordinal);
        Assert.Contains("Skapa ett konto", page, StringComparison.Ordinal);
        Html.AssertNoInlineCode(page);

        using var unknown = await client.GetAsync(new Uri("/yrken/finns-inte", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Each_group_counts_its_occupations_and_its_open_places_from_the_data()
    {
        using var client = factory.Browser();
        var before = Html.Decode(await client.GetStringAsync(new Uri("/yrken", UriKind.Relative)));
        var machines = Group(before, "Machines");
        Assert.Equal(Regex.Count(Section(before, "group-Machines"), "href=\"/yrken/"), Html.Count(machines, "occupations"));
        Assert.Equal(await OpenPlacesAsync(OccupationIds(before, "Machines")), Html.Count(machines, "open-needs"));

        await AddNeedAsync(CncOperator, NeedKind.Job, headcount: 3, swedish: CefrLevel.B1);

        var after = Html.Decode(await client.GetStringAsync(new Uri("/yrken", UriKind.Relative)));
        Assert.Equal(Html.Count(machines, "open-needs") + 3, Html.Count(Group(after, "Machines"), "open-needs"));
        // Other groups are not touched by a CNC job.
        Assert.Equal(Html.Count(Group(before, "Logistics"), "open-needs"), Html.Count(Group(after, "Logistics"), "open-needs"));
    }

    [Fact]
    public async Task Ways_in_come_from_the_programmes_places_and_nearby_occupations_of_the_data()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var taxonomy = scope.ServiceProvider.GetRequiredService<TaxonomyModel>();
        var skills = TypicalSkills.For(taxonomy, CncOperator, 10).Select(s => s.Id).ToList();
        var unique = Guid.NewGuid().ToString("N")[..6];
        await AddProgrammeAsync($"Komvux CNC {unique}", ProgrammeLevel.Komvux, skills, weeks: 2);
        await AddNeedAsync(CncOperator, NeedKind.Apprenticeship, headcount: 2, swedish: null);
        await AddNeedAsync(CncOperator, NeedKind.Internship, headcount: 1, swedish: CefrLevel.A1);
        using var client = factory.Browser();

        var page = Html.Decode(await client.GetStringAsync(new Uri($"/yrken/{CncOperator}", UriKind.Relative)));

        var noSchool = Section(page, "entry-NoUpperSecondary");
        // Teaching all ten skills, it is the Komvux programme for those without upper-secondary school.
        Assert.Matches($"Komvux CNC {unique}: Komvux \\(skola för vuxna\\) hos [^,]+, 2 veckor. Du lär dig {skills.Count} av de {skills.Count} kompetenserna ovan.", noSchool);
        Assert.Contains($"Lärlingsplatser som är lediga nu: {await OpenPlacesAsync([CncOperator], NeedKind.Apprenticeship)}.", noSchool, StringComparison.Ordinal);
        var newInSweden = Section(page, "entry-NewInSweden");
        Assert.Contains($"Praktikplatser som är lediga nu: {await OpenPlacesAsync([CncOperator], NeedKind.Internship)}.", newInSweden, StringComparison.Ordinal);
        Assert.Contains("som lägst efter nivå A1", newInSweden, StringComparison.Ordinal);
        // The shortest adult programme is the two-week course.
        Assert.Contains($"Komvux CNC {unique}", Section(page, "entry-CareerChanger"), StringComparison.Ordinal);
        var from = taxonomy.SubstitutesTo(CncOperator).Where(s => taxonomy.FindOccupation(s.FromOccupationId) is not null).ToList();
        if (from.Count > 0)
        {
            Assert.Matches("Från <a href=\"/yrken/[^\"]+\">[^<]+</a>: där har du ofta redan [0-9]+ av de 10 kompetenserna ovan.", Section(page, "entry-CareerChanger"));
        }
    }

    [Fact]
    public async Task A_person_sees_a_link_to_their_own_path()
    {
        var person = await TestAccounts.CreatePersonAsync(factory);
        using var client = factory.Browser();
        using var login = await client.LoginAsync(person.Email, TestAccounts.Password);

        var page = Html.Decode(await client.GetStringAsync(new Uri($"/yrken/{CncOperator}?culture=en", UriKind.Relative)));

        Assert.Contains($"/min-sida/vag?yrke={CncOperator}", page, StringComparison.Ordinal);
        Assert.Contains("If you are new in Sweden", page, StringComparison.Ordinal);
    }

    private static string Group(string html, string key) => Section(html, "counts-" + key);

    /// <summary>The element marked <c>data-testid="<paramref name="testId"/>"</c> up to its list's end.</summary>
    private static string Section(string html, string testId)
    {
        var at = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(at >= 0, $"No {testId} on the page.");
        return html[at..html.IndexOf("</ul>", at, StringComparison.Ordinal)];
    }

    private static List<string> OccupationIds(string html, string key) =>
        Regex.Matches(Section(html, "group-" + key), "href=\"/yrken/([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

    /// <summary>Open places the region sees: open needs of approved organisations only.</summary>
    private async Task<int> OpenPlacesAsync(List<string> occupations, NeedKind? kind = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        return await db.Needs.Where(n => n.Status == NeedStatus.Open && db.Organisations.Any(o => o.Id == n.OrganisationId && o.IsApproved) && occupations.Contains(n.OccupationId) && (kind == null || n.Kind == kind)).SumAsync(n => n.Headcount);
    }

    private async Task AddNeedAsync(string occupation, NeedKind kind, int headcount, CefrLevel? swedish)
    {
        var (_, employerId) = await TestAccounts.CreateAsync(factory, Kompetensbron.Data.Accounts.Roles.Employer);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        db.Needs.Add(new Need
        {
            OrganisationId = employerId!.Value,
            Kind = kind,
            Title = "Plats " + Guid.NewGuid().ToString("N")[..6],
            OccupationId = occupation,
            Headcount = headcount,
            MinimumSwedishLevel = swedish,
            Status = NeedStatus.Open,
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    private async Task AddProgrammeAsync(string title, ProgrammeLevel level, List<string> skills, int weeks)
    {
        var (_, providerId) = await TestAccounts.CreateAsync(factory, Kompetensbron.Data.Accounts.Roles.EducationProvider);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        db.Programmes.Add(new Programme
        {
            ProviderId = providerId!.Value,
            Title = title,
            Level = level,
            SkillIds = skills,
            LengthWeeks = weeks,
            Seats = 10,
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }
}
