using System.Net;
using Kompetensbron.Core.Needs;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Placement;
using Kompetensbron.Web.Accounts;
using Kompetensbron.Web.Placement;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Security;

/// <summary>
/// Issue 13, item 1: a self-registered organisation that no coordinator has approved must not run placement rounds
/// (and so see people's names) or read the students coming to its places. One policy guards the whole folder.
/// </summary>
public sealed class PlacementApprovalTests(EmptyWebFactory factory) : IClassFixture<EmptyWebFactory>
{
    [Fact]
    public async Task An_unapproved_provider_can_neither_see_nor_create_rounds_until_approved()
    {
        var (provider, organisationId) = await TestAccounts.CreateAsync(factory, Roles.EducationProvider, approved: false);
        int ownRound;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            var round = new StoredPlacementRound { Name = "Egen omgång", OwnerOrganisationId = organisationId, CreatedByUserId = "x" };
            db.Add(round);
            await db.SaveChangesAsync();
            ownRound = round.Id;
        }

        using var client = await factory.SignedInAsync(provider);
        foreach (var page in new[] { "/placering", "/placering/ny", $"/placering/{ownRound}", $"/placering/{ownRound}/sokande", $"/placering/{ownRound}/platser" })
        {
            using var response = await client.GetAsync(new Uri(page, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{page} answered {(int)response.StatusCode}");
        }

        // A POST is refused before the page runs: no round is created.
        var token = Html.AntiforgeryToken(await client.GetStringAsync(new Uri("/konto/vantar-pa-godkannande", UriKind.Relative)));
        using var form = new FormUrlEncodedContent([new("Name", "Smygomgång"), new("Kind", nameof(NeedKind.AplPlace)), new("__RequestVerificationToken", token)]);
        using var created = await client.PostAsync(new Uri("/placering/ny", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Forbidden, created.StatusCode);
        Assert.False(await RoundExistsAsync("Smygomgång"));

        // Approval (organisation and member) opens the folder, on the same login: it is checked on every request.
        await ApproveAsync(provider, organisationId!.Value);
        using var approved = await client.GetAsync(new Uri("/placering", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
    }

    [Fact]
    public async Task An_approved_member_of_an_organisation_that_is_not_approved_is_refused()
    {
        var (provider, organisationId) = await TestAccounts.CreateAsync(factory, Roles.EducationProvider);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            var organisation = await db.Organisations.SingleAsync(o => o.Id == organisationId);
            organisation.IsApproved = false;
            await db.SaveChangesAsync();
        }

        using var client = await factory.SignedInAsync(provider);
        using var response = await client.GetAsync(new Uri("/placering", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var api = await client.GetAsync(new Uri("/api/v1/placement-rounds", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
    }

    [Fact]
    public async Task An_unapproved_employer_cannot_read_incoming_students()
    {
        var (employer, _) = await TestAccounts.CreateAsync(factory, Roles.Employer, approved: false);
        using var client = await factory.SignedInAsync(employer);
        using var response = await client.GetAsync(new Uri("/placering/kommande", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public void Every_placering_page_and_placement_api_carries_the_approved_member_policy()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var placement = endpoints.Where(e => Route(e).StartsWith(PlacementPages.Route, StringComparison.Ordinal)
            || Route(e).StartsWith("/api/v1/placement-rounds", StringComparison.Ordinal)
            || e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath.StartsWith(PlacementPages.Folder + "/", StringComparison.Ordinal) == true).ToList();

        Assert.Contains(placement, e => Route(e) == "/placering/kommande");
        Assert.Contains(placement, e => Route(e) == "/api/v1/placement-rounds");
        Assert.All(placement, e => Assert.True(
            e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == ApprovedMemberPolicy.Name),
            $"{Route(e)} is not behind the {ApprovedMemberPolicy.Name} policy."));
    }

    private static string Route(RouteEndpoint endpoint) => "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');

    private async Task<bool> RoundExistsAsync(string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Set<StoredPlacementRound>().AnyAsync(r => r.Name == name);
    }

    private async Task ApproveAsync(string email, int organisationId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        (await db.Organisations.SingleAsync(o => o.Id == organisationId)).IsApproved = true;
        (await db.Users.SingleAsync(u => u.Email == email)).IsApproved = true;
        await db.SaveChangesAsync();
    }
}
