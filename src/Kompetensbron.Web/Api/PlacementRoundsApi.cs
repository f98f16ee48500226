using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Placement;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Placement;
using Kompetensbron.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Web.Api;

/// <summary>A need taking part in a round, with the seats it offers.</summary>
public sealed record RoundPlaceJson(int Id, int NeedId, int Capacity);

/// <summary>The headline numbers of one algorithm's latest run (no applicant's name or outcome).</summary>
public sealed record RoundResultJson(string Algorithm, DateTimeOffset RunAt, int Applicants, int Seats, int Placed, int Unplaced, double? MeanWishRank, int BlockingPairs);

/// <summary>A placement round: its places, how many applicants, and the results' headline numbers.</summary>
public sealed record PlacementRoundJson(
    int Id, string Name, string Kind, string Status, int? OwnerOrganisationId, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt,
    string? PublishedAlgorithm, IReadOnlyList<RoundPlaceJson> Places, int Applicants, IReadOnlyList<RoundResultJson> Results);

/// <summary>
/// <c>/api/v1/placement-rounds</c> (read only): a coordinator sees every round, an education provider (member or token)
/// its own. Applicants' names stay on the round's pages; the API gives counts.
/// </summary>
public static class PlacementRoundsApi
{
    public static RouteGroupBuilder MapPlacementRoundsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        // The same policy as the /placering pages: an unapproved organisation's members are refused here too.
        var group = api.MapGroup(string.Empty).WithTags("Placement rounds").RequireAuthorization(ApprovedMemberPolicy.Name);
        group.MapGet("/placement-rounds", List).WithName("ListPlacementRounds").WithSummary("List placement rounds").WithDescription("Filters: status (Draft, Run, Published). Paged by limit and cursor.");
        group.MapGet("/placement-rounds/{id:int}", Get).WithName("GetPlacementRound").WithSummary("One placement round");
        return group;
    }

    private static RoundViewer? Viewer(ApiCaller caller) =>
        caller.IsCoordinator ? new RoundViewer(string.Empty, true, null)
        : caller.Organisation(OrganisationKind.EducationProvider) is { } provider ? new RoundViewer(string.Empty, false, provider)
        : null;

    internal static async Task<Results<Ok<Page<PlacementRoundJson>>, ValidationProblem, ForbidHttpResult>> List(
        HttpContext http, string? status, int? limit, string? cursor,
        UserManager<KompetensbronUser> users, KompetensbronDbContext db, PlacementRounds rounds, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var page = PageRequest.Read(limit, cursor, errors);
        var statusFilter = ApiProblems.ParseEnum<PlacementRoundStatus>(status, "status", errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        if (Viewer(await ApiCaller.ResolveAsync(http.User, users, db, ct)) is not { } viewer)
        {
            return TypedResults.Forbid();
        }

        var query = rounds.VisibleTo(viewer).AsNoTracking().Where(r => r.Id > page.AfterId);
        if (statusFilter is { } s)
        {
            query = query.Where(r => r.Status == s);
        }

        var found = await query.Include(r => r.Places).Include(r => r.Applicants).Include(r => r.Results).AsSplitQuery()
            .OrderBy(r => r.Id).Take(page.Limit + 1).ToListAsync(ct);
        return TypedResults.Ok(page.Build(http, found.Select(ToJson).ToList(), r => r.Id));
    }

    internal static async Task<Results<Ok<PlacementRoundJson>, NotFound, ForbidHttpResult>> Get(
        int id, HttpContext http, UserManager<KompetensbronUser> users, KompetensbronDbContext db, PlacementRounds rounds, CancellationToken ct)
    {
        if (Viewer(await ApiCaller.ResolveAsync(http.User, users, db, ct)) is not { } viewer)
        {
            return TypedResults.Forbid();
        }

        return await rounds.FindAsync(id, viewer, ct) is { } round ? TypedResults.Ok(ToJson(round)) : TypedResults.NotFound();
    }

    private static PlacementRoundJson ToJson(StoredPlacementRound r) => new(
        r.Id, r.Name, r.Kind.ToString(), r.Status.ToString(), r.OwnerOrganisationId, r.CreatedAt, r.PublishedAt, r.PublishedAlgorithm?.ToString(),
        r.Places.OrderBy(p => p.Id).Select(p => new RoundPlaceJson(p.Id, p.NeedId, p.Capacity)).ToList(),
        r.Applicants.Count,
        r.Results.OrderBy(x => x.Algorithm).Select(x =>
        {
            var summary = PlacementRounds.ReadResult(x).Summary;
            return new RoundResultJson(x.Algorithm.ToString(), x.RunAt, summary.Applicants, summary.Seats, summary.Placed, summary.Unplaced, summary.MeanWishRank, summary.BlockingPairs);
        }).ToList());
}
