using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kompetensbron.Web.Tests.Infrastructure;

namespace Kompetensbron.Web.Tests;

[Collection(WebApp.Name)]
public sealed class TaxonomyApiTests(KompetensbronWebFactory factory)
{
    private sealed record Hit(string Id, string Label, double Score, string? Ssyk4Code, string? Ssyk4Label);

    [Fact]
    public async Task Skills_search_for_tig_finds_TIG_svetsning_at_the_top()
    {
        using var client = factory.CreateClient();
        var hits = await client.GetFromJsonAsync<Hit[]>(new Uri("/api/v1/taxonomy/skills?q=tig&limit=5", UriKind.Relative));

        Assert.NotNull(hits);
        Assert.InRange(hits.Length, 1, 5);
        Assert.Contains(hits.Take(3), h => h.Id == "WBnc_JXj_MvY" && h.Label == "TIG-svetsning");
    }

    [Fact]
    public async Task Occupations_search_for_cnc_op_finds_CNC_operator_with_its_SSYK_group()
    {
        using var client = factory.CreateClient();
        var hits = await client.GetFromJsonAsync<Hit[]>(new Uri("/api/v1/taxonomy/occupations?q=cnc%20op", UriKind.Relative));

        Assert.NotNull(hits);
        var cnc = Assert.Single(hits, h => h.Label == "CNC-operatör");
        Assert.Equal(4, cnc.Ssyk4Code?.Length);
        Assert.False(string.IsNullOrEmpty(cnc.Ssyk4Label));
    }

    [Theory]
    [InlineData("/api/v1/taxonomy/skills")]
    [InlineData("/api/v1/taxonomy/skills?q=")]
    [InlineData("/api/v1/taxonomy/occupations")]
    [InlineData("/api/v1/taxonomy/skills?q=svets&limit=0")]
    public async Task A_bad_search_is_400_problem_details(string url)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.True(problem.RootElement.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task OpenAPI_document_lists_the_taxonomy_paths()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/taxonomy/skills", out _));
        Assert.True(paths.TryGetProperty("/api/v1/taxonomy/occupations", out _));
        Assert.False(paths.TryGetProperty("/sprak", out _));
    }

    [Fact]
    public async Task Scalar_API_reference_is_served()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/scalar/v1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
