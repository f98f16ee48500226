using System.Globalization;
using System.Security.Claims;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Web.Api;

/// <summary>
/// Who is calling the API, resolved once per request from a login or a token: a person (their user id), a
/// coordinator, or an organisation — an approved member of an approved organisation, or that organisation's token.
/// </summary>
public sealed record ApiCaller(string? PersonUserId, bool IsCoordinator, int? OrganisationId, OrganisationKind? OrganisationKind, int? TokenId)
{
    public static readonly ApiCaller Nobody = new(null, false, null, null, null);

    /// <summary>The organisation of <paramref name="kind"/> the caller acts for, if any.</summary>
    public int? Organisation(OrganisationKind kind) => OrganisationKind == kind ? OrganisationId : null;

    public static async Task<ApiCaller> ResolveAsync(
        ClaimsPrincipal principal, UserManager<KompetensbronUser> users, KompetensbronDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(db);

        // A token acts for its organisation only (its organisation was approved when the token was checked).
        if (principal.FindFirstValue(ApiTokenAuthenticationHandler.TokenClaim) is { } token
            && int.TryParse(principal.FindFirstValue(ApiTokenAuthenticationHandler.OrganisationClaim), CultureInfo.InvariantCulture, out var tokenOrganisation))
        {
            var kind = await db.Organisations.AsNoTracking().Where(o => o.Id == tokenOrganisation).Select(o => (OrganisationKind?)o.Kind).FirstOrDefaultAsync(ct);
            return new(null, false, kind is null ? null : tokenOrganisation, kind, int.Parse(token, CultureInfo.InvariantCulture));
        }

        if (principal.Identity?.IsAuthenticated != true)
        {
            return Nobody;
        }

        if (principal.IsInRole(Roles.Coordinator))
        {
            return new(null, true, null, null, null);
        }

        if (principal.IsInRole(Roles.Person))
        {
            return new(users.GetUserId(principal), false, null, null, null);
        }

        foreach (var (role, kind) in new[] { (Roles.Employer, Core.Organisations.OrganisationKind.Employer), (Roles.EducationProvider, Core.Organisations.OrganisationKind.EducationProvider) })
        {
            if (await OrganisationMembership.ApprovedOrganisationAsync(users, db, principal, role, ct) is { } organisation)
            {
                return new(null, false, organisation, kind, null);
            }
        }

        return Nobody;
    }
}
