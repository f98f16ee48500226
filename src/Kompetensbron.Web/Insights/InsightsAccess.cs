using System.Security.Claims;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Kompetensbron.Web.Insights;

/// <summary>
/// Who sees which insights: a coordinator everything; an approved education-provider member the same views with
/// the programme tables limited to its own organisation; an unapproved member is sent to the waiting page.
/// </summary>
public sealed record InsightsAccess(int? OwnProviderId, string? Redirect)
{
    public static async Task<InsightsAccess> ForAsync(
        ClaimsPrincipal principal, UserManager<KompetensbronUser> users, KompetensbronDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.IsInRole(Roles.Coordinator))
        {
            return new(null, null);
        }

        return await OrganisationMembership.ApprovedOrganisationAsync(users, db, principal, Roles.EducationProvider, ct) is { } provider
            ? new(provider, null)
            : new(null, RolePages.AwaitingApproval);
    }
}
