using System.Net;
using Kompetensbron.Web.Tests.Infrastructure;

namespace Kompetensbron.Web.Tests.Persons;

/// <summary>The explorer's grouped counts and an occupation's ways in, on PostgreSQL (its queries group and sum in the database).</summary>
public sealed class CareerExplorerOnPostgresTests(PostgresWebApp app) : IClassFixture<PostgresWebApp>
{
    [PostgresFact]
    public async Task The_groups_count_places_and_an_occupation_shows_its_ways_in()
    {
        using var client = app.Factory.Browser();

        var index = await client.GetStringAsync(new Uri("/yrken", UriKind.Relative));
        Assert.True(Html.Count(index, "open-needs") > 0, "the demo region has open places for machine work");
        Assert.Equal(5, Html.Count(index, "occupations"));

        using var page = await client.GetAsync(new Uri("/yrken/9haD_NB6_ULH", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"entry-CareerChanger\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
