using Kompetensbron.Core.Organisations;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Web.Api;

/// <summary>A workplace or school of an organisation.</summary>
public sealed record SiteJson(int Id, string Name, string MunicipalityCode, string? PlaceName, string? PostalCode);

/// <summary>An employer or education provider.</summary>
public sealed record OrganisationJson(int Id, string Kind, string Name, string OrganisationNumber, string? SniCode, bool IsApproved, IReadOnlyList<SiteJson> Sites);

/// <summary><c>/api/v1/organisations</c>: approved employers and providers (and the caller's own); a coordinator sees all.</summary>
public static class OrganisationsApi
{
    public static RouteGroupBuilder MapOrganisationsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/organisations").WithTags("Organisations");
        api.MapGet("/organisations", List).WithTags("Organisations").WithName("ListOrganisations").WithSummary("List organisations")
            .WithDescription("Filters: kind (Employer, EducationProvider), municipality (code of a site). Paged by limit and cursor.");
        group.MapGet("/{id:int}", Get).WithName("GetOrganisation").WithSummary("One organisation with its sites");
        return group;
    }

    private static IQueryable<Organisation> Visible(KompetensbronDbContext db, ApiCaller caller)
    {
        var own = caller.OrganisationId;
        return caller.IsCoordinator ? db.Organisations : db.Organisations.Where(o => o.IsApproved || o.Id == own);
    }

    internal static async Task<Results<Ok<Page<OrganisationJson>>, ValidationProblem, ForbidHttpResult>> List(
        HttpContext http, string? kind, string? municipality, int? limit, string? cursor,
        UserManager<KompetensbronUser> users, KompetensbronDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var page = PageRequest.Read(limit, cursor, errors);
        var kindFilter = ApiProblems.ParseEnum<OrganisationKind>(kind, "kind", errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var caller = await ApiCaller.ResolveAsync(http.User, users, db, ct);
        if (caller == ApiCaller.Nobody)
        {
            return TypedResults.Forbid();
        }

        var query = Visible(db, caller).AsNoTracking().Include(o => o.Sites).Where(o => o.Id > page.AfterId);
        if (kindFilter is { } k)
        {
            query = query.Where(o => o.Kind == k);
        }

        if (!string.IsNullOrWhiteSpace(municipality))
        {
            query = query.Where(o => o.Sites.Any(s => s.MunicipalityCode == municipality));
        }

        var organisations = await query.OrderBy(o => o.Id).Take(page.Limit + 1).ToListAsync(ct);
        return TypedResults.Ok(page.Build(http, organisations.Select(ToJson).ToList(), o => o.Id));
    }

    internal static async Task<Results<Ok<OrganisationJson>, NotFound, ForbidHttpResult>> Get(
        int id, HttpContext http, UserManager<KompetensbronUser> users, KompetensbronDbContext db, CancellationToken ct)
    {
        var caller = await ApiCaller.ResolveAsync(http.User, users, db, ct);
        if (caller == ApiCaller.Nobody)
        {
            return TypedResults.Forbid();
        }

        return await Visible(db, caller).AsNoTracking().Include(o => o.Sites).FirstOrDefaultAsync(o => o.Id == id, ct) is { } organisation
            ? TypedResults.Ok(ToJson(organisation))
            : TypedResults.NotFound();
    }

    private static OrganisationJson ToJson(Organisation o) => new(
        o.Id, o.Kind.ToString(), o.Name, o.OrganisationNumber, o.SniCode, o.IsApproved,
        o.Sites.OrderBy(s => s.Id).Select(s => new SiteJson(s.Id, s.Name, s.MunicipalityCode, s.PlaceName, s.PostalCode)).ToList());
}
