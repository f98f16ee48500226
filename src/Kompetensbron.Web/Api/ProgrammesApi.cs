using Kompetensbron.Core;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Programmes;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Concurrency;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Web.Api;

/// <summary>A programme as the API shows it; <c>version</c> is also the ETag.</summary>
public sealed record ProgrammeJson(
    int Id, int ProviderId, string Title, string? Description, string? SunFieldCode, string? SunLevelCode, string Level,
    IReadOnlyList<string> SkillIds, int LengthWeeks, IReadOnlyList<DateOnly> StartDates, int Seats, int? SiteId, bool IsDistance,
    bool IsArchived, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version);

/// <summary>A programme to create or replace.</summary>
public sealed record ProgrammeInput(
    string? Title, string? Description, string? SunFieldCode, string? SunLevelCode, string? Level, IReadOnlyList<string>? SkillIds,
    int? LengthWeeks, IReadOnlyList<DateOnly>? StartDates, int? Seats, int? SiteId, bool? IsDistance);

/// <summary>
/// <c>/api/v1/programmes</c>: everyone signed in (or a token) reads the current programmes of approved providers; a
/// provider's member or token also writes its own. DELETE archives a programme.
/// </summary>
public static class ProgrammesApi
{
    public const int MaxLengthWeeks = 520;
    public const int MaxSeats = 10_000;

    public static RouteGroupBuilder MapProgrammesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/programmes").WithTags("Programmes");
        api.MapGet("/programmes", List).WithTags("Programmes").WithName("ListProgrammes").WithSummary("List programmes")
            .WithDescription("Filters: level, municipality (code of the site), skill (concept id taught), provider (id), updatedSince, archived (default false). Paged by limit and cursor.");
        group.MapGet("/{id:int}", Get).WithName("GetProgramme").WithSummary("One programme (with ETag)");
        api.MapPost("/programmes", Create).WithTags("Programmes").WithName("CreateProgramme").WithSummary("Create a programme for the caller's education provider");
        group.MapPut("/{id:int}", Replace).WithName("ReplaceProgramme").WithSummary("Replace a programme (If-Match required)");
        group.MapDelete("/{id:int}", Archive).WithName("ArchiveProgramme").WithSummary("Archive a programme (If-Match required)");
        return group;
    }

    private static IQueryable<Programme> Visible(KompetensbronDbContext db, ApiCaller caller)
    {
        if (caller.IsCoordinator)
        {
            return db.Programmes;
        }

        var own = caller.OrganisationId;
        return db.Programmes.Where(p => p.ProviderId == own || db.Organisations.Any(o => o.Id == p.ProviderId && o.IsApproved));
    }

    internal static async Task<Results<Ok<Page<ProgrammeJson>>, ValidationProblem, ForbidHttpResult>> List(
        HttpContext http, string? level, string? municipality, string? skill, int? provider, DateTimeOffset? updatedSince, bool? archived,
        int? limit, string? cursor, UserManager<KompetensbronUser> users, KompetensbronDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var page = PageRequest.Read(limit, cursor, errors);
        var levelFilter = ApiProblems.ParseEnum<ProgrammeLevel>(level, "level", errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var caller = await ApiCaller.ResolveAsync(http.User, users, db, ct);
        if (caller == ApiCaller.Nobody)
        {
            return TypedResults.Forbid();
        }

        var showArchived = archived ?? false;
        var query = Visible(db, caller).AsNoTracking().Where(p => p.Id > page.AfterId && p.IsArchived == showArchived);
        if (levelFilter is { } l)
        {
            query = query.Where(p => p.Level == l);
        }

        if (provider is { } providerId)
        {
            query = query.Where(p => p.ProviderId == providerId);
        }

        if (updatedSince is { } since)
        {
            query = query.Where(p => p.UpdatedAt >= since);
        }

        if (!string.IsNullOrWhiteSpace(municipality))
        {
            query = query.Where(p => db.Sites.Any(s => s.Id == p.SiteId && s.MunicipalityCode == municipality));
        }

        if (!string.IsNullOrWhiteSpace(skill))
        {
            query = query.Where(p => p.SkillIds.Contains(skill));
        }

        var programmes = await query.OrderBy(p => p.Id).Take(page.Limit + 1).ToListAsync(ct);
        return TypedResults.Ok(page.Build(http, programmes.Select(ToJson).ToList(), p => p.Id));
    }

    internal static async Task<Results<Ok<ProgrammeJson>, StatusCodeHttpResult, NotFound, ForbidHttpResult>> Get(
        int id, HttpContext http, UserManager<KompetensbronUser> users, KompetensbronDbContext db, CancellationToken ct)
    {
        var caller = await ApiCaller.ResolveAsync(http.User, users, db, ct);
        if (caller == ApiCaller.Nobody)
        {
            return TypedResults.Forbid();
        }

        if (await Visible(db, caller).AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } programme)
        {
            return TypedResults.NotFound();
        }

        ETags.Set(http, programme.Version);
        return ETags.IsNotModified(http, programme.Version) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(ToJson(programme));
    }

    internal static async Task<Results<Created<ProgrammeJson>, ValidationProblem, ForbidHttpResult>> Create(
        ProgrammeInput input, HttpContext http, UserManager<KompetensbronUser> users, KompetensbronDbContext db, TaxonomyModel taxonomy,
        TimeProvider time, CancellationToken ct)
    {
        var caller = await ApiCaller.ResolveAsync(http.User, users, db, ct);
        if (caller.Organisation(OrganisationKind.EducationProvider) is not { } providerId)
        {
            return TypedResults.Forbid();
        }

        if (await ValidateAsync(input, providerId, db, taxonomy, ct) is { } invalid)
        {
            return invalid;
        }

        var now = time.GetUtcNow();
        var programme = new Programme { ProviderId = providerId, Title = string.Empty, CreatedAt = now };
        Apply(input, programme, now);
        db.Programmes.Add(programme);
        await db.SaveChangesAsync(ct);
        ETags.Set(http, programme.Version);
        return TypedResults.Created($"/api/v1/programmes/{programme.Id}", ToJson(programme));
    }

    internal static async Task<Results<Ok<ProgrammeJson>, ValidationProblem, NotFound, ForbidHttpResult, ProblemHttpResult>> Replace(
        int id, ProgrammeInput input, HttpContext http, UserManager<KompetensbronUser> users, KompetensbronDbContext db, TaxonomyModel taxonomy,
        TimeProvider time, CancellationToken ct)
    {
        var (programme, denied) = await FindOwnAsync(id, http, users, db, ct);
        if (denied is not null)
        {
            return denied.Result switch { NotFound n => n, ForbidHttpResult f => f, ProblemHttpResult p => p, _ => throw new InvalidOperationException() };
        }

        if (await ValidateAsync(input, programme!.ProviderId, db, taxonomy, ct) is { } invalid)
        {
            return invalid;
        }

        Apply(input, programme, time.GetUtcNow());
        if (!await NeedsApi.SaveAsync(db, ct))
        {
            return ETags.Stale(http);
        }

        ETags.Set(http, programme.Version);
        return TypedResults.Ok(ToJson(programme));
    }

    internal static async Task<Results<NoContent, NotFound, ForbidHttpResult, ProblemHttpResult>> Archive(
        int id, HttpContext http, UserManager<KompetensbronUser> users, KompetensbronDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (programme, denied) = await FindOwnAsync(id, http, users, db, ct);
        if (denied is not null)
        {
            return denied.Result switch { NotFound n => n, ForbidHttpResult f => f, ProblemHttpResult p => p, _ => throw new InvalidOperationException() };
        }

        programme!.IsArchived = true;
        programme.UpdatedAt = time.GetUtcNow();
        return await NeedsApi.SaveAsync(db, ct) ? TypedResults.NoContent() : ETags.Stale(http);
    }

    private static async Task<(Programme? Programme, Results<NotFound, ForbidHttpResult, ProblemHttpResult>? Denied)> FindOwnAsync(
        int id, HttpContext http, UserManager<KompetensbronUser> users, KompetensbronDbContext db, CancellationToken ct)
    {
        var caller = await ApiCaller.ResolveAsync(http.User, users, db, ct);
        var programme = await Visible(db, caller).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (programme is null)
        {
            return (null, TypedResults.NotFound());
        }

        if (caller.Organisation(OrganisationKind.EducationProvider) != programme.ProviderId)
        {
            return (null, TypedResults.Forbid());
        }

        if (ETags.CheckIfMatch(http, programme.Version) is { } problem)
        {
            return (null, problem);
        }

        db.ExpectVersion(programme, programme.Version);
        return (programme, null);
    }

    private static async Task<ValidationProblem?> ValidateAsync(ProgrammeInput input, int providerId, KompetensbronDbContext db, TaxonomyModel taxonomy, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        ApiProblems.ParseEnum<ProgrammeLevel>(input.Level, "level", errors, required: true);
        ApiProblems.CheckTitleAndDescription(input.Title, input.Description, errors);

        if (input.SunFieldCode is { } field && taxonomy.FindSunField(field) is null)
        {
            errors["sunFieldCode"] = ["sunFieldCode must be a SUN 2020 education field code, e.g. 521a."];
        }

        if (input.SunLevelCode is { } level && taxonomy.FindSunLevel(level) is null)
        {
            errors["sunLevelCode"] = ["sunLevelCode must be a SUN 2020 education level code, e.g. 322."];
        }

        var skills = input.SkillIds ?? [];
        if (skills.Count == 0)
        {
            errors["skillIds"] = ["skillIds needs at least one skill the programme teaches."];
        }

        for (var i = 0; i < skills.Count; i++)
        {
            if (taxonomy.FindSkill(skills[i]) is null)
            {
                errors[$"skillIds[{i}]"] = ["skillIds must be JobTech skill concept ids (search /api/v1/taxonomy/skills)."];
            }
        }

        if (input.LengthWeeks is not (>= 1 and <= MaxLengthWeeks))
        {
            errors["lengthWeeks"] = [$"lengthWeeks is required, between 1 and {MaxLengthWeeks}."];
        }

        if (input.Seats is < 0 or > MaxSeats)
        {
            errors["seats"] = [$"seats must be between 0 and {MaxSeats}."];
        }

        await ApiProblems.CheckSiteAsync(db, input.SiteId, providerId, errors, ct);

        return errors.Count == 0 ? null : ApiProblems.Invalid(errors);
    }

    private static void Apply(ProgrammeInput input, Programme programme, DateTimeOffset now)
    {
        programme.Title = input.Title!.Trim();
        programme.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        programme.SunFieldCode = input.SunFieldCode;
        programme.SunLevelCode = input.SunLevelCode;
        programme.Level = Enum.Parse<ProgrammeLevel>(input.Level!, ignoreCase: true);
        programme.SkillIds = [.. input.SkillIds!.Distinct(StringComparer.Ordinal)];
        programme.LengthWeeks = input.LengthWeeks!.Value;
        programme.StartDates = [.. (input.StartDates ?? []).Distinct().Order()];
        programme.Seats = input.Seats ?? 0;
        programme.SiteId = input.SiteId;
        programme.IsDistance = input.IsDistance ?? false;
        programme.UpdatedAt = now;
    }

    private static ProgrammeJson ToJson(Programme p) => new(
        p.Id, p.ProviderId, p.Title, p.Description, p.SunFieldCode, p.SunLevelCode, p.Level.ToString(), p.SkillIds, p.LengthWeeks, p.StartDates,
        p.Seats, p.SiteId, p.IsDistance, p.IsArchived, p.CreatedAt, p.UpdatedAt, p.Version);
}
