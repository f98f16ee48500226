using System.Globalization;
using System.Net;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Programmes;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Insights;
using Kompetensbron.Data.Invitations;
using Kompetensbron.Data.Matching;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Kompetensbron.Web.Tests;

[Collection(WebApp.Name)]
public sealed class InsightsDashboardTests(KompetensbronWebFactory factory)
{
    private async Task<HttpClient> SignedIn(string role)
    {
        var client = factory.Browser();
        var (email, _) = await TestAccounts.CreateAsync(factory, role);
        using var login = await client.LoginAsync(email, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }

    /// <summary>Open positions of approved employers' open needs in a municipality, counted straight from the database.</summary>
    private async Task<int> OpenPositionsIn(string municipality)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var needs = await (
            from n in db.Needs
            join o in db.Organisations on n.OrganisationId equals o.Id
            join s in db.Sites on n.SiteId equals s.Id
            where n.Status == NeedStatus.Open && o.IsApproved && o.Kind == OrganisationKind.Employer && s.MunicipalityCode == municipality
            select n.Headcount).ToListAsync();
        return needs.Sum();
    }

    [Fact]
    public async Task The_coordinator_sees_the_dashboard_filtered_to_Gnosjo_with_its_open_positions()
    {
        using var client = await SignedIn(Roles.Coordinator);

        using var response = await client.GetAsync(new Uri("/insikter?kommun=0617&horisont=5", UriKind.Relative));
        var html = Html.Decode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Gnosjö, om 5 år", html, StringComparison.Ordinal);
        var open = await OpenPositionsIn("0617");
        Assert.True(open > 0);
        Assert.Contains($"data-testid=\"figure-open\">{open}<", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart\" role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"table-occupations\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"table-uncovered\"", html, StringComparison.Ordinal);
        Assert.Contains("/insikter/export.xlsx?kommun=0617", html, StringComparison.Ordinal);
    }

    /// <summary>The dashboard's "open positions" figure for a municipality.</summary>
    private static async Task<int> OpenFigure(HttpClient client, string municipality)
    {
        using var response = await client.GetAsync(new Uri($"/insikter?kommun={municipality}&horisont=0", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var figure = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"figure-open\">([^<]*)<").Groups[1].Value;
        return int.Parse(new string(figure.Where(char.IsAsciiDigit).ToArray()), CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task The_dashboard_is_not_read_again_without_a_change_and_a_need_published_in_between_is_counted()
    {
        using var coordinator = await SignedIn(Roles.Coordinator);
        var (employerEmail, _) = await TestAccounts.CreateAsync(factory, Roles.Employer); // its one site is in Gislaved (0662)
        using var employer = await factory.SignedInAsync(employerEmail);
        var cache = factory.Services.GetRequiredService<InsightsInputCache>();

        var before = await OpenFigure(coordinator, "0662");
        var loads = cache.Loads;
        Assert.Equal(before, await OpenFigure(coordinator, "0662"));
        Assert.Equal(loads, cache.Loads);

        using var saved = await employer.SubmitFormAsync("/arbetsgivare/behov/redigera",
        [
            new("Input.Title", "Svetsare till cachetest"), new("Input.Kind", nameof(NeedKind.Job)), new("Input.Occupation", "svetsare"),
            new("Input.Headcount", "3"), new("Input.Skills[0].SkillId", "WBnc_JXj_MvY"), new("Input.Skills[0].Required", "true"),
            new("Input.Skills[0].Importance", "3"), new("Input.Publish", "true"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Equal(before + 3, await OpenFigure(coordinator, "0662"));
        Assert.Equal(loads + 1, cache.Loads);
    }

    [Fact]
    public async Task Excel_export_has_every_table_and_the_same_open_positions_as_the_database()
    {
        using var client = await SignedIn(Roles.Coordinator);

        using var response = await client.GetAsync(new Uri("/insikter/export.xlsx?kommun=0683&horisont=1", UriKind.Relative));
        await using var file = new MemoryStream();
        await response.Content.CopyToAsync(file);
        file.Position = 0;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(9, file.GetSheetNames().Count);
        file.Position = 0;
        var rows = file.Query(useHeaderRow: true, sheetName: "Yrkesgrupper").Cast<IDictionary<string, object>>().ToList();
        var total = rows.Single(r => Equals(r["Yrkesgrupp"], "Totalt"));
        Assert.Equal(await OpenPositionsIn("0683"), Convert.ToInt32(total["Lediga platser"], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Csv_export_is_one_table_and_rejects_an_unknown_table_or_municipality()
    {
        using var client = await SignedIn(Roles.Coordinator);

        using var csv = await client.GetAsync(new Uri("/insikter/export.csv?tabell=municipalities&horisont=0", UriKind.Relative));
        using var badTable = await client.GetAsync(new Uri("/insikter/export.csv?tabell=salaries", UriKind.Relative));
        using var badMunicipality = await client.GetAsync(new Uri("/insikter/export.csv?kommun=0180", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Kommun,Lediga platser", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Totalt,", lines[^1], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badTable.StatusCode);
        Assert.Equal("application/problem+json", badTable.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, badMunicipality.StatusCode);
    }

    [Fact]
    public async Task Reach_per_target_group_equals_the_match_lists_of_the_municipalitys_profiles()
    {
        using var client = await SignedIn(Roles.Coordinator);

        using var csv = await client.GetAsync(new Uri("/insikter/export.csv?tabell=reach&kommun=0617", UriKind.Relative));
        using var page = await client.GetAsync(new Uri("/insikter?kommun=0617", UriKind.Relative));
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        // Brute force: every Gnosjö profile's own match list (no filter), as the person sees it.
        int profiles, reached = 0;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            var matches = scope.ServiceProvider.GetRequiredService<MatchService>();
            var ids = await db.Profiles.Where(p => p.MunicipalityCode == "0617").Select(p => p.Id).ToListAsync();
            profiles = ids.Count;
            foreach (var id in ids)
            {
                reached += (await matches.NeedsForProfileAsync(id, null, 1)).Count;
            }
        }

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("Målgrupp,Profiler,Med minst en matchning", lines[0], StringComparison.Ordinal);
        Assert.Equal(1 + 5 + 1, lines.Length);
        Assert.True(profiles >= 5 && reached >= 5 && profiles - reached >= 5, $"{reached} of {profiles}: the demo data should give an unsuppressed total");
        var share = Math.Round(100.0 * reached / profiles).ToString(CultureInfo.InvariantCulture);
        Assert.Equal($"Alla profiler,{profiles},{reached},{share} %", lines[^1]);
        var html = Html.Decode(await page.Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"table-reach\"", html, StringComparison.Ordinal);
        Assert.Contains("Andel profiler med minst en matchning inom pendlingsavstånd, per målgrupp", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hires_recorded_in_the_pipeline_are_counted_per_occupation_with_small_counts_suppressed()
    {
        string ssyk4;
        int expected;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            var taxonomy = scope.ServiceProvider.GetRequiredService<TaxonomyModel>();
            var inGnosjo = await (
                from n in db.Needs
                join o in db.Organisations on n.OrganisationId equals o.Id
                join site in db.Sites on n.SiteId equals site.Id
                where o.Kind == OrganisationKind.Employer && site.MunicipalityCode == "0617"
                orderby n.Id
                select n).ToListAsync();
            var need = inGnosjo.First();
            var group = taxonomy.FindOccupation(need.OccupationId)!.Ssyk4Id;
            ssyk4 = taxonomy.FindSsykGroup(group)!.Code;
            var taken = await db.Invitations.Where(i => i.NeedId == need.Id).Select(i => i.ProfileId).ToListAsync();
            var people = await db.Profiles.Where(p => !taken.Contains(p.Id)).OrderBy(p => p.Id).Select(p => p.Id).Take(6).ToListAsync();
            var now = DateTimeOffset.UtcNow;
            db.Invitations.AddRange(people.Select(p => new Invitation
            {
                NeedId = need.Id, ProfileId = p, OrganisationId = need.OrganisationId, Status = InvitationStatus.Hired, CreatedAt = now, UpdatedAt = now,
            }));
            await db.SaveChangesAsync();

            var sameGroup = inGnosjo.Where(n => taxonomy.FindOccupation(n.OccupationId)?.Ssyk4Id == group).Select(n => n.Id).ToList();
            expected = await db.Invitations.CountAsync(i => i.Status == InvitationStatus.Hired && sameGroup.Contains(i.NeedId));
        }

        using var client = await SignedIn(Roles.Coordinator);
        using var csv = await client.GetAsync(new Uri("/insikter/export.csv?tabell=hires&kommun=0617", UriKind.Relative));
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("SSYK,Yrkesgrupp,Anställda", lines[0], StringComparison.Ordinal);
        var row = lines.Single(l => l.StartsWith(ssyk4 + ",", StringComparison.Ordinal));
        Assert.True(expected >= 6);
        Assert.EndsWith("," + expected.ToString(CultureInfo.InvariantCulture), row, StringComparison.Ordinal);
        Assert.All(lines.Skip(1).SkipLast(1), l => Assert.False(l.Split(',')[^1] is "1" or "2" or "3" or "4", l));
    }

    [Fact]
    public async Task The_printable_report_has_every_table_and_a_print_stylesheet()
    {
        using var client = await SignedIn(Roles.Coordinator);

        using var response = await client.GetAsync(new Uri("/insikter/rapport?kommun=0662&horisont=10", UriKind.Relative));
        var html = Html.Decode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/css/report.css", html, StringComparison.Ordinal);
        Assert.Contains("Gislaved, om 10 år", html, StringComparison.Ordinal);
        Assert.Equal(9, html.Split("<table class=\"report-table\"").Length - 1 + html.Split("Inga uppgifter").Length - 1);
        Assert.Contains("Räckvidd per målgrupp", html, StringComparison.Ordinal);
        Assert.Contains("Anställningar via Kompetensbron per yrkesgrupp", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_education_provider_sees_only_its_own_programmes_in_the_relevance_table()
    {
        var client = factory.Browser();
        var (email, providerId) = await TestAccounts.CreateAsync(factory, Roles.EducationProvider);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            db.Programmes.Add(new Programme
            {
                ProviderId = providerId!.Value,
                Title = "Egen svetskurs för test",
                SkillIds = ["WBnc_JXj_MvY"],
                LengthWeeks = 10,
                Seats = 12,
                StartDates = [new DateOnly(2027, 1, 18)],
            });
            await db.SaveChangesAsync();
        }

        using var login = await client.LoginAsync(email, TestAccounts.Password);
        using var response = await client.GetAsync(new Uri("/insikter", UriKind.Relative));
        var html = Html.Decode(await response.Content.ReadAsStringAsync());
        var programmes = html[html.IndexOf("data-testid=\"table-programmes\"", StringComparison.Ordinal)..];
        programmes = programmes[..programmes.IndexOf("</table>", StringComparison.Ordinal)];

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Egen svetskurs för test", programmes, StringComparison.Ordinal);
        Assert.DoesNotContain("Industritekniska programmet", programmes, StringComparison.Ordinal);
        client.Dispose();
    }

    [Theory]
    [InlineData("/insikter")]
    [InlineData("/insikter/export.xlsx")]
    [InlineData("/insikter/rapport")]
    public async Task Persons_and_employers_may_not_see_insights_and_anonymous_visitors_must_log_in(string path)
    {
        using var person = await SignedIn(Roles.Person);
        using var employer = await SignedIn(Roles.Employer);
        using var anonymous = factory.Browser();

        using var asPerson = await person.GetAsync(new Uri(path, UriKind.Relative));
        using var asEmployer = await employer.GetAsync(new Uri(path, UriKind.Relative));
        using var asAnonymous = await anonymous.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, asPerson.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asEmployer.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, asAnonymous.StatusCode);
        Assert.StartsWith("/konto/logga-in", asAnonymous.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_speaks_English_when_asked()
    {
        using var client = await SignedIn(Roles.Coordinator);

        using var response = await client.GetAsync(new Uri("/insikter?culture=en", UriKind.Relative));
        var html = Html.Decode(await response.Content.ReadAsStringAsync());

        Assert.Contains("Regional insights", html, StringComparison.Ordinal);
        Assert.Contains("Occupation groups", html, StringComparison.Ordinal);
    }
}
