using System.Net;
using System.Net.Http.Json;
using Kompetensbron.Web.Tests.Infrastructure;

namespace Kompetensbron.Web.Tests;

/// <summary>The same smoke tests as on SQLite — start page, health, API — with <c>Database:Provider=Postgres</c>.</summary>
public sealed class PostgresSmokeTests(PostgresWebApp app) : IClassFixture<PostgresWebApp>
{
    private sealed record Hit(string Id, string Label, double Score);

    [PostgresFact]
    public async Task Start_page_shows_non_zero_counts_from_the_demo_region()
    {
        using var client = app.Factory.Browser();
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var count in new[] { "employers", "needs", "profiles", "programmes" })
        {
            Assert.True(Html.Count(html, count) > 0, $"{count} is 0");
        }

        Assert.Contains("data-testid=\"demo-notice\"", html, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Health_is_healthy()
    {
        using var client = app.Factory.Browser();
        Assert.Equal("Healthy", await client.GetStringAsync(new Uri("/health", UriKind.Relative)));
    }

    [PostgresFact]
    public async Task Skills_search_answers()
    {
        using var client = app.Factory.Browser();
        var hits = await client.GetFromJsonAsync<Hit[]>(new Uri("/api/v1/taxonomy/skills?q=tig", UriKind.Relative));

        Assert.NotNull(hits);
        Assert.Contains(hits.Take(3), h => h.Id == "WBnc_JXj_MvY");
    }
}
