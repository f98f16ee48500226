using Kompetensbron.Core;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Concurrency;
using Kompetensbron.Data.Matching;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Web.Api;

/// <summary>A skill a need asks for: required or meriting, importance 1 (nice) to 3 (essential), stated or recognised in the text.</summary>
public sealed record NeedSkillJson(string SkillId, string? Label, bool Required, int Importance, string Source);

/// <summary>A need as the API shows it; <c>version</c> is also the ETag.</summary>
public sealed record NeedJson(
    int Id, int OrganisationId, string Kind, string Status, string Title, string? Description, string OccupationId, string? OccupationLabel,
    int Headcount, IReadOnlyList<NeedSkillJson> Skills, IReadOnlyList<string> Licences, string? MinimumSwedishLevel, bool ShiftWork,
    DateOnly? StartDate, DateOnly? ApplicationDeadline, int? SiteId, string? ExternalId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version);

/// <summary>A skill in a need written through the API.</summary>
public sealed record NeedSkillInput(string? SkillId, bool Required, int? Importance);

/// <summary>A need to create or replace (PUT replaces every field; leave one out and it gets its default).</summary>
public sealed record NeedInput(
    string? Kind, string? Status, string? Title, string? Description, string? OccupationId, int? Headcount,
    IReadOnlyList<NeedSkillInput>? Skills, IReadOnlyList<string>? Licences, string? MinimumSwedishLevel, bool? ShiftWork,
    DateOnly? StartDate, DateOnly? ApplicationDeadline, int? SiteId);

/// <summary>
/// <c>/api/v1/needs</c>: everyone signed in (or a token) reads open needs of approved employers; an employer's member
/// or token also reads and writes the employer's own needs, a coordinator reads all. DELETE closes a need (placement
/// rounds and invitations refer to it).
/// </summary>
public static class NeedsApi
{
    public const int MaxHeadcount = 500;

    public static RouteGroupBuilder MapNeedsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/needs").WithTags("Needs");
        api.MapGet("/needs", List).WithTags("Needs").WithName("ListNeeds").WithSummary("List needs")
            .WithDescription("Filters: kind, status, municipality (code), occupation (concept id), organisation (id), updatedSince (ISO 8601). Paged by limit and cursor.");
        group.MapGet("/{id:int}", Get).WithName("GetNeed").WithSummary("One need (with ETag)");
        api.MapPost("/needs", Create).WithTags("Needs").WithName("CreateNeed").WithSummary("Create a need for the caller's employer");
        group.MapPut("/{id:int}", Replace).WithName("ReplaceNeed").WithSummary("Replace a need (If-Match required)");
        group.MapDelete("/{id:int}", Close).WithName("CloseNeed").WithSummary("Close a need (If-Match required)");
        return group;
    }

    internal static IQueryable<Need> Visible(KompetensbronDbContext db, ApiCaller caller)
    {
        if (caller.IsCoordinator)
        {
            return db.Needs;
        }

        var own = caller.OrganisationId;
        return db.Needs.Where(n => n.OrganisationId == own
            || (n.Status == NeedStatus.Open && db.Organisations.Any(o => o.Id == n.OrganisationId && o.IsApproved)));
    }

    internal static async Task<Results<Ok<Page<NeedJson>>, ValidationProblem, ForbidHttpResult>> List(
        HttpContext http, string? kind, string? status, string? municipality, string? occupation, int? organisation, DateTimeOffset? updatedSince,
        int? limit, string? cursor, UserManager<KompetensbronUser> users, KompetensbronDbContext db, TaxonomyModel taxonomy, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var page = PageRequest.Read(limit, cursor, errors);
        var kindFilter = ApiProblems.ParseEnum<NeedKind>(kind, "kind", errors);
        var statusFilter = ApiProblems.ParseEnum<NeedStatus>(status, "status", errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var caller = await ApiCaller.ResolveAsync(http.User, users, db, ct);
        if (caller == ApiCaller.Nobody)
        {
            return TypedResults.Forbid();
        }

        var query = Visible(db, caller).AsNoTracking().Where(n => n.Id > page.AfterId);
        if (kindFilter is { } k)
        {
            query = query.Where(n => n.Kind == k);
        }

        if (statusFilter is { } s)
        {
            query = query.Where(n => n.Status == s);
        }

        if (!string.IsNullOrWhiteSpace(occupation))
        {
            query = query.Where(n => n.OccupationId == occupation);
        }

        if (organisation is { } organisationId)
        {
            query = query.Where(n => n.OrganisationId == organisationId);
        }

        if (updatedSince is { } since)
        {
            query = query.Where(n => n.UpdatedAt >= since);
        }

        if (!string.IsNullOrWhiteSpace(municipality))
        {
            // A need without a site is at its organisation's place.
            query = query.Where(n => db.Sites.Any(site => site.MunicipalityCode == municipality
                && (n.SiteId == site.Id || (n.SiteId == null && site.OrganisationId == n.OrganisationId))));
        }

        var needs = await query.OrderBy(n => n.Id).Take(page.Limit + 1).ToListAsync(ct);
        return TypedResults.Ok(page.Build(http, needs.Select(n => ToJson(n, taxonomy)).ToList(), n => n.Id));
    }

    internal static async Task<Results<Ok<NeedJson>, StatusCodeHttpResult, NotFound, ForbidHttpResult>> Get(
        int id, HttpContext http, UserManager<KompetensbronUser> users, KompetensbronDbContext db, TaxonomyModel taxonomy, CancellationToken ct)
    {
        var caller = await ApiCaller.ResolveAsync(http.User, users, db, ct);
        if (caller == ApiCaller.Nobody)
        {
            return TypedResults.Forbid();
        }

        if (await Visible(db, caller).AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct) is not { } need)
        {
            return TypedResults.NotFound();
        }

        ETags.Set(http, need.Version);
        return ETags.IsNotModified(http, need.Version) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(ToJson(need, taxonomy));
    }

    internal static async Task<Results<Created<NeedJson>, ValidationProblem, ForbidHttpResult>> Create(
        NeedInput input, HttpContext http, UserManager<KompetensbronUser> users, KompetensbronDbContext db, TaxonomyModel taxonomy,
        MatchService matching, TimeProvider time, CancellationToken ct)
    {
        var caller = await ApiCaller.ResolveAsync(http.User, users, db, ct);
        if (caller.Organisation(OrganisationKind.Employer) is not { } organisationId)
        {
            return TypedResults.Forbid();
        }

        if (await ValidateAsync(input, organisationId, db, taxonomy, ct) is { } invalid)
        {
            return invalid;
        }

        var now = time.GetUtcNow();
        var need = new Need { OrganisationId = organisationId, Title = string.Empty, OccupationId = string.Empty, CreatedAt = now };
        Apply(input, need, now);
        db.Needs.Add(need);
        await db.SaveChangesAsync(ct);
        await matching.RefreshNeedAsync(need.Id, ct);
        ETags.Set(http, need.Version);
        return TypedResults.Created($"/api/v1/needs/{need.Id}", ToJson(need, taxonomy));
    }

    internal static async Task<Results<Ok<NeedJson>, ValidationProblem, NotFound, ForbidHttpResult, ProblemHttpResult>> Replace(
        int id, NeedInput input, HttpContext http, UserManager<KompetensbronUser> users, KompetensbronDbContext db, TaxonomyModel taxonomy,
        MatchService matching, TimeProvider time, CancellationToken ct)
    {
        var (need, denied) = await FindOwnAsync(id, http, users, db, ct);
        if (denied is not null)
        {
            return denied.Result switch { NotFound n => n, ForbidHttpResult f => f, ProblemHttpResult p => p, _ => throw new InvalidOperationException() };
        }

        if (await ValidateAsync(input, need!.OrganisationId, db, taxonomy, ct) is { } invalid)
        {
            return invalid;
        }

        Apply(input, need, time.GetUtcNow());
        if (!await SaveAsync(db, ct))
        {
            return ETags.Stale(http);
        }

        await matching.RefreshNeedAsync(need.Id, ct);
        ETags.Set(http, need.Version);
        return TypedResults.Ok(ToJson(need, taxonomy));
    }

    internal static async Task<Results<NoContent, NotFound, ForbidHttpResult, ProblemHttpResult>> Close(
        int id, HttpContext http, UserManager<KompetensbronUser> users, KompetensbronDbContext db, MatchService matching, TimeProvider time, CancellationToken ct)
    {
        var (need, denied) = await FindOwnAsync(id, http, users, db, ct);
        if (denied is not null)
        {
            return denied.Result switch { NotFound n => n, ForbidHttpResult f => f, ProblemHttpResult p => p, _ => throw new InvalidOperationException() };
        }

        need!.Status = NeedStatus.Closed;
        need.UpdatedAt = time.GetUtcNow();
        if (!await SaveAsync(db, ct))
        {
            return ETags.Stale(http);
        }

        await matching.RefreshNeedAsync(need.Id, ct);
        return TypedResults.NoContent();
    }

    /// <summary>The caller's own need, tracked and expected at the If-Match version; or why not (404, 403, 428, 412).</summary>
    private static async Task<(Need? Need, Results<NotFound, ForbidHttpResult, ProblemHttpResult>? Denied)> FindOwnAsync(
        int id, HttpContext http, UserManager<KompetensbronUser> users, KompetensbronDbContext db, CancellationToken ct)
    {
        var caller = await ApiCaller.ResolveAsync(http.User, users, db, ct);
        var need = await Visible(db, caller).FirstOrDefaultAsync(n => n.Id == id, ct);
        if (need is null)
        {
            return (null, TypedResults.NotFound());
        }

        if (caller.Organisation(OrganisationKind.Employer) != need.OrganisationId)
        {
            return (null, TypedResults.Forbid());
        }

        if (ETags.CheckIfMatch(http, need.Version) is { } problem)
        {
            return (null, problem);
        }

        db.ExpectVersion(need, need.Version);
        return (need, null);
    }

    /// <summary>Saves; false when another writer saved first (the version moved on between read and write).</summary>
    internal static async Task<bool> SaveAsync(KompetensbronDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private static async Task<ValidationProblem?> ValidateAsync(NeedInput input, int organisationId, KompetensbronDbContext db, TaxonomyModel taxonomy, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        ApiProblems.ParseEnum<NeedKind>(input.Kind, "kind", errors, required: true);
        ApiProblems.ParseEnum<NeedStatus>(input.Status, "status", errors);
        ApiProblems.ParseEnum<CefrLevel>(input.MinimumSwedishLevel, "minimumSwedishLevel", errors);
        ApiProblems.CheckTitleAndDescription(input.Title, input.Description, errors);

        if (string.IsNullOrWhiteSpace(input.OccupationId) || taxonomy.FindOccupation(input.OccupationId) is null)
        {
            errors["occupationId"] = ["occupationId must be a JobTech occupation-name concept id (search /api/v1/taxonomy/occupations)."];
        }

        if (input.Headcount is < 1 or > MaxHeadcount)
        {
            errors["headcount"] = [$"headcount must be between 1 and {MaxHeadcount}."];
        }

        var skills = input.Skills ?? [];
        if (skills.Count == 0)
        {
            errors["skills"] = ["skills needs at least one skill."];
        }

        for (var i = 0; i < skills.Count; i++)
        {
            if (skills[i].SkillId is not { } skillId || taxonomy.FindSkill(skillId) is null)
            {
                errors[$"skills[{i}].skillId"] = ["skillId must be a JobTech skill concept id (search /api/v1/taxonomy/skills)."];
            }
            else if (skills.Take(i).Any(s => s.SkillId == skillId))
            {
                errors[$"skills[{i}].skillId"] = [$"{skillId} is listed twice."];
            }

            if (skills[i].Importance is < 1 or > 3)
            {
                errors[$"skills[{i}].importance"] = ["importance must be 1 (nice to have), 2 or 3 (essential)."];
            }
        }

        ApiProblems.CheckLicences(input.Licences, errors);

        await ApiProblems.CheckSiteAsync(db, input.SiteId, organisationId, errors, ct);

        return errors.Count == 0 ? null : ApiProblems.Invalid(errors);
    }

    private static void Apply(NeedInput input, Need need, DateTimeOffset now)
    {
        need.Kind = Enum.Parse<NeedKind>(input.Kind!, ignoreCase: true);
        need.Status = input.Status is null ? NeedStatus.Open : Enum.Parse<NeedStatus>(input.Status, ignoreCase: true);
        need.Title = input.Title!.Trim();
        need.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        need.OccupationId = input.OccupationId!;
        need.Headcount = input.Headcount ?? 1;
        need.Licences = [.. (input.Licences ?? []).Distinct(StringComparer.Ordinal)];
        need.MinimumSwedishLevel = input.MinimumSwedishLevel is null ? null : Enum.Parse<CefrLevel>(input.MinimumSwedishLevel, ignoreCase: true);
        need.ShiftWork = input.ShiftWork ?? false;
        need.StartDate = input.StartDate;
        need.ApplicationDeadline = input.ApplicationDeadline;
        need.SiteId = input.SiteId;

        // Rows of skills that stay are kept (an imported skill keeps its source).
        Rows.Match(need.Skills, input.Skills ?? [], s => s.SkillId, i => i.SkillId!, i => new NeedSkill { SkillId = i.SkillId!, Source = NeedSkillSource.Stated }, (row, i) =>
        {
            row.IsRequired = i.Required;
            row.Importance = i.Importance ?? 2;
        });
        need.UpdatedAt = now;
    }

    internal static NeedJson ToJson(Need n, TaxonomyModel taxonomy) => new(
        n.Id, n.OrganisationId, n.Kind.ToString(), n.Status.ToString(), n.Title, n.Description, n.OccupationId, taxonomy.FindOccupation(n.OccupationId)?.Label,
        n.Headcount, n.Skills.Select(s => new NeedSkillJson(s.SkillId, taxonomy.FindSkill(s.SkillId)?.Label, s.IsRequired, s.Importance, s.Source.ToString())).ToList(),
        n.Licences, n.MinimumSwedishLevel?.ToString(), n.ShiftWork, n.StartDate, n.ApplicationDeadline, n.SiteId, n.ExternalId, n.CreatedAt, n.UpdatedAt, n.Version);
}
