using System.Net;
using Kompetensbron.Core.Needs;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Api;
using Kompetensbron.Web.Tests.Infrastructure;
using static Kompetensbron.Web.Tests.Api.ApiTesting;

namespace Kompetensbron.Web.Tests.Api;

/// <summary>The API's concurrency token, tokens, paging and time filter on PostgreSQL, as on SQLite.</summary>
public sealed class PostgresApiTests(PostgresWebApp app) : IClassFixture<PostgresWebApp>
{
    [PostgresFact]
    public async Task Two_writers_with_the_same_etag_one_wins_one_gets_412()
    {
        var factory = app.Factory;
        var (_, organisationId) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var needId = await AddNeedAsync(factory, organisationId!.Value, NeedStatus.Open);
        using var first = WithToken(factory, await CreateTokenAsync(factory, organisationId.Value));
        using var second = WithToken(factory, await CreateTokenAsync(factory, organisationId.Value));
        using var read = await first.GetAsync(new Uri($"/api/v1/needs/{needId}", UriKind.Relative));
        var etag = read.Headers.ETag!.Tag;

        var answers = await Task.WhenAll(
            first.SendAsync(Request(HttpMethod.Put, $"/api/v1/needs/{needId}", NeedBody(factory, "Ett"), etag)),
            second.SendAsync(Request(HttpMethod.Put, $"/api/v1/needs/{needId}", NeedBody(factory, "Två"), etag)));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], answers.Select(a => a.StatusCode).Order());
        var now = await ReadAsync<NeedJson>(await first.GetAsync(new Uri($"/api/v1/needs/{needId}", UriKind.Relative)));
        Assert.Equal((await ReadAsync<NeedJson>(answers.Single(a => a.StatusCode == HttpStatusCode.OK))).Title, now.Title);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [PostgresFact]
    public async Task Paging_and_filters_work_on_postgres()
    {
        var factory = app.Factory;
        var (_, organisationId) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        for (var i = 0; i < 3; i++)
        {
            await AddNeedAsync(factory, organisationId!.Value, NeedStatus.Open);
        }

        using var client = WithToken(factory, await CreateTokenAsync(factory, organisationId!.Value));
        var page1 = await ReadAsync<Page<NeedJson>>(await client.GetAsync(new Uri($"/api/v1/needs?organisation={organisationId}&limit=2&municipality=0662", UriKind.Relative)));
        var page2 = await ReadAsync<Page<NeedJson>>(await client.GetAsync(new Uri($"/api/v1/needs?organisation={organisationId}&limit=2&municipality=0662&cursor={page1.Next}", UriKind.Relative)));
        Assert.Equal(3, page1.Items.Concat(page2.Items).Select(n => n.Id).Distinct().Count());
        var since = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"));
        Assert.Empty((await ReadAsync<Page<NeedJson>>(await client.GetAsync(new Uri($"/api/v1/needs?organisation={organisationId}&updatedSince={since}", UriKind.Relative)))).Items);
        var programmes = await client.GetAsync(new Uri($"/api/v1/programmes?skill={TigWelding}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, programmes.StatusCode);
    }
}
