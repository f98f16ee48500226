using System.Security.Claims;
using Kompetensbron.Core.Matching;
using Kompetensbron.Core.Needs;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Matching;
using Kompetensbron.Web.Accounts;
using Microsoft.AspNetCore.DataProtection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kompetensbron.Web.Matching;

/// <summary>Ranked, explained matches for one profile (needs) or one need (candidates).</summary>
public sealed record MatchList(int? ProfileId, int? NeedId, IReadOnlyList<MatchJson> Matches);

/// <summary>
/// <c>/api/v1/profiles/{id}/matches</c> (the person themself or a coordinator) and
/// <c>/api/v1/needs/{id}/matches</c> (the need's employer or a coordinator). Employers see candidates
/// pseudonymously: an opaque <c>candidate</c> token instead of the profile id, until the person accepts contact.
/// </summary>
public static class MatchingEndpoints
{
    public const int DefaultTop = 20;
    public const int MaxTop = 100;

    public static RouteGroupBuilder MapMatchingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1").WithTags("Matching").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/profiles/{id:int}/matches", NeedsForProfile)
            .WithName("MatchesForProfile")
            .WithSummary("Ranked, explained needs for a profile")
            .WithDescription("Open needs ranked for the person, each with its score, the components that add up to it and plain sentences in Swedish and English. Only the profile's owner or a coordinator. Filters: kind (Job, Apprenticeship, AplPlace, Internship, SummerJob, Trainee; repeatable), municipality (code; repeatable).");

        group.MapGet("/needs/{id:int}/matches", ProfilesForNeed)
            .WithName("MatchesForNeed")
            .WithSummary("Ranked, explained candidates for a need")
            .WithDescription("Profiles that allow it, ranked for the need. The need's employer sees pseudonymous candidates (no profile id or name); a coordinator also sees profile ids.");

        return group;
    }

    internal static async Task<Results<Ok<MatchList>, NotFound, ForbidHttpResult, ValidationProblem>> NeedsForProfile(
        int id, int? top, NeedKind[]? kind, string[]? municipality,
        ClaimsPrincipal user, KompetensbronDbContext db, MatchService matching, CancellationToken ct)
    {
        if (Validate(top) is { } problem)
        {
            return problem;
        }

        var owner = await db.Profiles.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.UserId }).FirstOrDefaultAsync(ct);
        if (owner is null)
        {
            return TypedResults.NotFound();
        }

        if (!user.IsInRole(Roles.Coordinator) && (owner.UserId is null || owner.UserId != UserId(user)))
        {
            return TypedResults.Forbid();
        }

        var filter = new NeedFilter(kind is { Length: > 0 } ? kind : null, municipality is { Length: > 0 } ? municipality : null);
        var matches = await matching.NeedsForProfileAsync(id, filter, top ?? DefaultTop, ct);
        var ids = matches.Select(m => m.Match.NeedId).ToList();
        var titles = await db.Needs.AsNoTracking().Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Title, ct);
        return TypedResults.Ok(new MatchList(id, null, matches.Select((m, i) => MatchJson.From(i + 1, m, titles.GetValueOrDefault(m.Match.NeedId))).ToList()));
    }

    internal static async Task<Results<SerializedOk<MatchList>, NotFound, ForbidHttpResult, ValidationProblem>> ProfilesForNeed(
        int id, int? top, ClaimsPrincipal user, KompetensbronDbContext db, UserManager<KompetensbronUser> users,
        MatchService matching, MatchAnswerCache answers, IDataProtectionProvider protection, IOptions<JsonOptions> json, CancellationToken ct)
    {
        if (Validate(top) is { } problem)
        {
            return problem;
        }

        // The answer for a need is reused, serialized, until the match index changes (no database work, no
        // explanations, no token encryption, no JSON writing on a repeat); who may see it is still checked every time.
        var coordinator = user.IsInRole(Roles.Coordinator);
        var k = top ?? DefaultTop;
        var version = answers.CurrentVersion;
        if (!answers.TryGet<NeedMatches>(nameof(ProfilesForNeed), id, k, coordinator, out var answer))
        {
            var need = await db.Needs.AsNoTracking().Where(n => n.Id == id).Select(n => new { n.OrganisationId, n.Title }).FirstOrDefaultAsync(ct);
            if (need is null)
            {
                return TypedResults.NotFound();
            }

            var protector = Employers.CandidateTokens.ForNeed(protection, id);
            var matches = await matching.ProfilesForNeedAsync(id, k, ct);
            var list = new MatchList(null, id, matches.Select((m, i) => MatchJson.From(
                i + 1, m, need.Title, showProfileId: coordinator,
                candidate: Employers.CandidateTokens.Protect(protector, m.Match.ProfileId))).ToList());
            answer = new NeedMatches(need.OrganisationId, JsonSerializer.SerializeToUtf8Bytes(list, json.Value.SerializerOptions));
            answers.Set(nameof(ProfilesForNeed), id, k, coordinator, version, answer);
        }

        if (!coordinator && await OrganisationMembership.ApprovedOrganisationAsync(users, db, user, Roles.Employer, ct) != answer.OrganisationId)
        {
            return TypedResults.Forbid();
        }

        return new SerializedOk<MatchList>(answer.Json);
    }

    private sealed record NeedMatches(int OrganisationId, byte[] Json);

    private static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    private static ValidationProblem? Validate(int? top) =>
        top is < 1 or > MaxTop
            ? TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["top"] = [$"top must be between 1 and {MaxTop}."] },
                title: "Invalid request")
            : null;
}
