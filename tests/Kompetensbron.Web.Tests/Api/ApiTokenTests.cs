using System.Net;
using System.Text.RegularExpressions;
using Kompetensbron.Core.Needs;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.ApiTokens;
using Kompetensbron.Web.Api;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kompetensbron.Web.Tests.Api.ApiTesting;

namespace Kompetensbron.Web.Tests.Api;

/// <summary>API tokens: made on the page, shown once, stored hashed, scoped to one organisation, revocable.</summary>
public sealed partial class ApiTokenTests(EmptyWebFactory factory) : IClassFixture<EmptyWebFactory>
{
    private const string Page = "/organisation/api-nycklar";

    [Fact]
    public async Task A_member_creates_a_token_on_the_page_uses_it_and_revokes_it()
    {
        var (email, organisationId) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        using var member = await LoggedInAsync(factory, email);

        using var created = await member.SubmitFormAsync(Page, [new("Name", "Kommunens system")], Page + "?handler=Create");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("no-store", created.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        var html = await created.Content.ReadAsStringAsync();
        Html.AssertNoInlineCode(html);
        var secret = Secret().Match(html).Groups[1].Value;
        Assert.StartsWith(ApiTokenService.Marker, secret, StringComparison.Ordinal);

        // Shown once: the page never shows it again, and the database holds only its hash.
        var later = await member.GetStringAsync(new Uri(Page, UriKind.Relative));
        Assert.DoesNotContain(secret, later, StringComparison.Ordinal);
        Assert.Contains(secret[..ApiTokenService.PrefixLength], later, StringComparison.Ordinal);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Set<ApiToken>().SingleAsync(t => t.OrganisationId == organisationId);
            Assert.Equal(ApiTokenService.HashOf(secret), stored.Hash);
            Assert.NotEqual(secret, stored.Hash);
            Assert.Null(stored.LastUsedAt);
        }

        using var integration = WithToken(factory, secret);
        using (var createdNeed = await integration.SendAsync(Request(HttpMethod.Post, "/api/v1/needs", NeedBody(factory, "Från kommunens system"))))
        {
            var need = await ReadAsync<NeedJson>(createdNeed);
            Assert.Equal(organisationId, need.OrganisationId);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Set<ApiToken>().SingleAsync(t => t.OrganisationId == organisationId);
            Assert.NotNull(stored.LastUsedAt);
            Assert.Contains(stored.LastUsedAt!.Value.ToLocalTime().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                await member.GetStringAsync(new Uri(Page, UriKind.Relative)), StringComparison.Ordinal);

            using var revoked = await member.SubmitFormAsync(Page, [new("tokenId", stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))], Page + "?handler=Revoke");
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        }

        using var refused = await integration.GetAsync(new Uri("/api/v1/needs", UriKind.Relative));
        await ProblemAsync(refused, HttpStatusCode.Unauthorized);
        Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_acts_for_its_organisation_only_and_never_as_a_person()
    {
        var (_, organisationA) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var (_, organisationB) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var openAtB = await AddNeedAsync(factory, organisationB!.Value, NeedStatus.Open);
        var draftAtB = await AddNeedAsync(factory, organisationB.Value, NeedStatus.Draft);
        var draftAtA = await AddNeedAsync(factory, organisationA!.Value, NeedStatus.Draft);
        using var tokenA = WithToken(factory, await CreateTokenAsync(factory, organisationA.Value));

        await ProblemAsync(await tokenA.SendAsync(Request(HttpMethod.Put, $"/api/v1/needs/{openAtB}", NeedBody(factory, "Kapad"), "*")), HttpStatusCode.Forbidden);
        await ProblemAsync(await tokenA.GetAsync(new Uri($"/api/v1/needs/{draftAtB}", UriKind.Relative)), HttpStatusCode.NotFound);
        using (var own = await tokenA.GetAsync(new Uri($"/api/v1/needs/{draftAtA}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        // Nothing a person (or a member) does: one's own profile, a profile's matches, insights, the pages.
        await ProblemAsync(await tokenA.GetAsync(new Uri("/api/v1/profiles/me", UriKind.Relative)), HttpStatusCode.Unauthorized);
        await ProblemAsync(await tokenA.GetAsync(new Uri($"/api/v1/needs/{draftAtA}/matches", UriKind.Relative)), HttpStatusCode.Unauthorized);
        await ProblemAsync(await tokenA.GetAsync(new Uri("/api/v1/insights", UriKind.Relative)), HttpStatusCode.Forbidden);
        using var page = await tokenA.GetAsync(new Uri("/arbetsgivare", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);

        using var made = WithToken(factory, "kbt_" + new string('x', 43));
        await ProblemAsync(await made.GetAsync(new Uri("/api/v1/needs", UriKind.Relative)), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_stops_working_when_its_organisation_is_no_longer_approved()
    {
        var (_, organisationId) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        using var client = WithToken(factory, await CreateTokenAsync(factory, organisationId!.Value));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v1/needs", UriKind.Relative))).StatusCode);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            (await db.Organisations.SingleAsync(o => o.Id == organisationId)).IsApproved = false;
            await db.SaveChangesAsync();
        }

        await ProblemAsync(await client.GetAsync(new Uri("/api/v1/needs", UriKind.Relative)), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Members_see_only_their_organisations_tokens_a_coordinator_all_and_a_person_none()
    {
        var (emailA, organisationA) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var (emailB, organisationB) = await TestAccounts.CreateAsync(factory, Roles.EducationProvider);
        var (coordinator, _) = await TestAccounts.CreateAsync(factory, Roles.Coordinator);
        var person = await TestAccounts.CreatePersonAsync(factory);
        await CreateTokenAsync(factory, organisationA!.Value);
        int tokenB;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            tokenB = (await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(organisationB!.Value, "Skolans system", null)).Token.Id;
        }

        using var a = await LoggedInAsync(factory, emailA);
        Assert.DoesNotContain("Skolans system", await a.GetStringAsync(new Uri(Page, UriKind.Relative)), StringComparison.Ordinal);
        using (var stolen = await a.SubmitFormAsync(Page, [new("tokenId", tokenB.ToString(System.Globalization.CultureInfo.InvariantCulture))], Page + "?handler=Revoke"))
        {
            Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
        }

        using var c = await LoggedInAsync(factory, coordinator);
        Assert.Contains("Skolans system", await c.GetStringAsync(new Uri(Page, UriKind.Relative)), StringComparison.Ordinal);
        using (var forA = await c.SubmitFormAsync(Page, [new("Name", "Samordnarens nyckel"), new("OrganisationId", organisationA.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))], Page + "?handler=Create"))
        {
            Assert.Matches(Secret(), await forA.Content.ReadAsStringAsync());
        }

        using var p = await LoggedInAsync(factory, person.Email);
        Assert.Equal(HttpStatusCode.Forbidden, (await p.GetAsync(new Uri(Page, UriKind.Relative))).StatusCode);
        using var b = await LoggedInAsync(factory, emailB);
        using var empty = await b.SubmitFormAsync(Page, [new("Name", " ")], Page + "?handler=Create");
        Assert.Contains("data-testid=\"error-summary\"", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("id=\"new-token\" type=\"text\" readonly value=\"(kbt_[A-Za-z0-9_-]+)\"")]
    private static partial Regex Secret();
}
