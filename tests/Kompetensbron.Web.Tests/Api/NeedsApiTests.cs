using System.Net;
using Kompetensbron.Core.Needs;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Api;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kompetensbron.Web.Tests.Api.ApiTesting;

namespace Kompetensbron.Web.Tests.Api;

/// <summary>/api/v1/needs: the employer's writes with ETags, validation, paging, filters and who sees what.</summary>
public sealed class NeedsApiTests(EmptyWebFactory factory) : IClassFixture<EmptyWebFactory>
{
    [Fact]
    public async Task An_employer_creates_reads_replaces_and_closes_a_need_with_etags()
    {
        var (email, organisationId) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        using var client = await LoggedInAsync(factory, email);

        using var created = await client.SendAsync(Request(HttpMethod.Post, "/api/v1/needs", NeedBody(factory, "CNC-operatör")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var need = await ReadAsync<NeedJson>(created);
        Assert.Equal((organisationId!.Value, "Job", "Open", 2, "B1"), (need.OrganisationId, need.Kind, need.Status, need.Headcount, need.MinimumSwedishLevel));
        Assert.Equal($"/api/v1/needs/{need.Id}", created.Headers.Location!.OriginalString);
        var etag = created.Headers.ETag!.Tag;

        using var read = await client.GetAsync(new Uri($"/api/v1/needs/{need.Id}", UriKind.Relative));
        Assert.Equal(etag, read.Headers.ETag!.Tag);
        using (var again = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/needs/{need.Id}", UriKind.Relative)))
        {
            again.Headers.TryAddWithoutValidation("If-None-Match", etag);
            using var notModified = await client.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        }

        var changed = NeedBody(factory, "CNC-operatör, skift", kind: "Apprenticeship");
        using (var withoutIfMatch = await client.SendAsync(Request(HttpMethod.Put, $"/api/v1/needs/{need.Id}", changed)))
        {
            await ProblemAsync(withoutIfMatch, (HttpStatusCode)428);
        }

        using var replaced = await client.SendAsync(Request(HttpMethod.Put, $"/api/v1/needs/{need.Id}", changed, etag));
        var after = await ReadAsync<NeedJson>(replaced);
        Assert.Equal(("CNC-operatör, skift", "Apprenticeship", need.Version + 1), (after.Title, after.Kind, after.Version));
        Assert.NotEqual(etag, replaced.Headers.ETag!.Tag);

        // The old ETag is stale now: the write is refused, nothing changes.
        using (var stale = await client.SendAsync(Request(HttpMethod.Put, $"/api/v1/needs/{need.Id}", NeedBody(factory, "Överskriven"), etag)))
        {
            var problem = await ProblemAsync(stale, HttpStatusCode.PreconditionFailed);
            Assert.Contains("changed", problem.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
        }

        using (var staleDelete = await client.SendAsync(Request(HttpMethod.Delete, $"/api/v1/needs/{need.Id}", ifMatch: etag)))
        {
            await ProblemAsync(staleDelete, HttpStatusCode.PreconditionFailed);
        }

        using var closed = await client.SendAsync(Request(HttpMethod.Delete, $"/api/v1/needs/{need.Id}", ifMatch: replaced.Headers.ETag!.Tag));
        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Needs.SingleAsync(n => n.Id == need.Id);
        Assert.Equal(("CNC-operatör, skift", NeedStatus.Closed), (stored.Title, stored.Status));
    }

    [Fact]
    public async Task Two_writers_with_the_same_etag_never_lose_an_update()
    {
        var (email, organisationId) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var needId = await AddNeedAsync(factory, organisationId!.Value, NeedStatus.Open);
        using var first = await LoggedInAsync(factory, email);
        using var second = WithToken(factory, await CreateTokenAsync(factory, organisationId.Value));

        using var read = await first.GetAsync(new Uri($"/api/v1/needs/{needId}", UriKind.Relative));
        var etag = read.Headers.ETag!.Tag;
        var answers = await Task.WhenAll(
            first.SendAsync(Request(HttpMethod.Put, $"/api/v1/needs/{needId}", NeedBody(factory, "Från den första"), etag)),
            second.SendAsync(Request(HttpMethod.Put, $"/api/v1/needs/{needId}", NeedBody(factory, "Från den andra"), etag)));

        var statuses = answers.Select(a => a.StatusCode).Order().ToList();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], statuses);
        var winner = await ReadAsync<NeedJson>(answers.Single(a => a.StatusCode == HttpStatusCode.OK));
        await using var scope = factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Needs.AsNoTracking().SingleAsync(n => n.Id == needId);
        Assert.Equal((winner.Title, winner.Version), (stored.Title, stored.Version));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task Validation_problems_name_each_field()
    {
        var (email, _) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        using var client = await LoggedInAsync(factory, email);
        var body = new { kind = "Spaceship", title = "", occupationId = "nope", headcount = 0, skills = new[] { new { skillId = "nope", required = true, importance = 9 } }, licences = new[] { "X" } };

        using var response = await client.SendAsync(Request(HttpMethod.Post, "/api/v1/needs", body));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["headcount", "kind", "licences[0]", "occupationId", "skills[0].importance", "skills[0].skillId", "title"], fields);
        Assert.Contains("Job", problem.GetProperty("errors").GetProperty("kind")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_are_paged_by_cursor_with_a_link_header_and_filtered()
    {
        var (email, organisationId) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        using var client = await LoggedInAsync(factory, email);
        foreach (var kind in new[] { "Job", "Job", "SummerJob" })
        {
            using var created = await client.SendAsync(Request(HttpMethod.Post, "/api/v1/needs", NeedBody(factory, "Sida " + kind, kind)));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var path = $"/api/v1/needs?organisation={organisationId}&limit=2";
        using var firstPage = await client.GetAsync(new Uri(path, UriKind.Relative));
        var page1 = await ReadAsync<Page<NeedJson>>(firstPage);
        Assert.Equal(2, page1.Items.Count);
        Assert.NotNull(page1.Next);
        var link = Assert.Single(firstPage.Headers.GetValues("Link"));
        Assert.Contains("rel=\"next\"", link, StringComparison.Ordinal);
        Assert.Contains("cursor=" + page1.Next, link, StringComparison.Ordinal);

        using var secondPage = await client.GetAsync(new Uri(path + "&cursor=" + page1.Next, UriKind.Relative));
        var page2 = await ReadAsync<Page<NeedJson>>(secondPage);
        Assert.Null(page2.Next);
        Assert.False(secondPage.Headers.Contains("Link"));
        Assert.Equal(3, page1.Items.Concat(page2.Items).Select(n => n.Id).Distinct().Count());

        var summer = await ReadAsync<Page<NeedJson>>(await client.GetAsync(new Uri($"/api/v1/needs?organisation={organisationId}&kind=summerjob", UriKind.Relative)));
        Assert.Equal(["SummerJob"], summer.Items.Select(n => n.Kind));
        var here = await ReadAsync<Page<NeedJson>>(await client.GetAsync(new Uri($"/api/v1/needs?organisation={organisationId}&municipality=0662", UriKind.Relative)));
        Assert.Equal(3, here.Items.Count);
        var elsewhere = await ReadAsync<Page<NeedJson>>(await client.GetAsync(new Uri($"/api/v1/needs?organisation={organisationId}&municipality=0180", UriKind.Relative)));
        Assert.Empty(elsewhere.Items);
        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"));
        var none = await ReadAsync<Page<NeedJson>>(await client.GetAsync(new Uri($"/api/v1/needs?organisation={organisationId}&updatedSince={future}", UriKind.Relative)));
        Assert.Empty(none.Items);

        using var badCursor = await client.GetAsync(new Uri("/api/v1/needs?cursor=x!&limit=999", UriKind.Relative));
        var problem = await ProblemAsync(badCursor, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _));
    }

    [Fact]
    public async Task Other_employers_read_open_needs_only_and_write_none_of_them()
    {
        var (_, organisationA) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var (emailB, _) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var open = await AddNeedAsync(factory, organisationA!.Value, NeedStatus.Open);
        var draft = await AddNeedAsync(factory, organisationA.Value, NeedStatus.Draft);
        using var b = await LoggedInAsync(factory, emailB);

        using (var readOpen = await b.GetAsync(new Uri($"/api/v1/needs/{open}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, readOpen.StatusCode);
        }

        await ProblemAsync(await b.GetAsync(new Uri($"/api/v1/needs/{draft}", UriKind.Relative)), HttpStatusCode.NotFound);
        await ProblemAsync(await b.SendAsync(Request(HttpMethod.Put, $"/api/v1/needs/{open}", NeedBody(factory, "Kapad"), "\"0\"")), HttpStatusCode.Forbidden);
        await ProblemAsync(await b.SendAsync(Request(HttpMethod.Delete, $"/api/v1/needs/{open}", ifMatch: "*")), HttpStatusCode.Forbidden);
        var listed = await ReadAsync<Page<NeedJson>>(await b.GetAsync(new Uri($"/api/v1/needs?organisation={organisationA}", UriKind.Relative)));
        Assert.Equal([open], listed.Items.Select(n => n.Id));

        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        await ProblemAsync(await anonymous.GetAsync(new Uri("/api/v1/needs", UriKind.Relative)), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_person_or_a_provider_cannot_create_needs()
    {
        var person = await TestAccounts.CreatePersonAsync(factory);
        var (provider, _) = await TestAccounts.CreateAsync(factory, Roles.EducationProvider);
        foreach (var email in new[] { person.Email, provider })
        {
            using var client = await LoggedInAsync(factory, email);
            await ProblemAsync(await client.SendAsync(Request(HttpMethod.Post, "/api/v1/needs", NeedBody(factory, "Nej"))), HttpStatusCode.Forbidden);
        }
    }
}
