using System.Security.Claims;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Web.Accounts;

/// <summary>
/// The one rule for acting on behalf of an organisation: the caller has the role, is an approved member, and the
/// organisation itself is approved (an unapproved employer's needs and candidates stay out of sight).
/// </summary>
public static class OrganisationMembership
{
    /// <summary>The caller's organisation id when the rule holds; null otherwise.</summary>
    public static async Task<int?> ApprovedOrganisationAsync(
        UserManager<KompetensbronUser> users, KompetensbronDbContext db, ClaimsPrincipal principal, string role, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(principal);
        if (!principal.IsInRole(role) || await users.GetUserAsync(principal) is not { IsApproved: true, OrganisationId: { } organisationId })
        {
            return null;
        }

        return await db.Organisations.AnyAsync(o => o.Id == organisationId && o.IsApproved, ct) ? organisationId : null;
    }

    /// <summary>The caller's organisation when they are an approved member of an approved employer or education provider.</summary>
    public static async Task<int?> ApprovedMemberAsync(
        UserManager<KompetensbronUser> users, KompetensbronDbContext db, ClaimsPrincipal principal, CancellationToken ct) =>
        await ApprovedOrganisationAsync(users, db, principal, Roles.Employer, ct)
        ?? await ApprovedOrganisationAsync(users, db, principal, Roles.EducationProvider, ct);
}
