using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Kompetensbron.Web.Accounts;

/// <summary>
/// The authorization policy for everything an organisation does on behalf of others (placement rounds): a coordinator,
/// or an approved member of an approved organisation (<see cref="OrganisationMembership"/>), or that organisation's
/// API token. A self-registered organisation that is still waiting for approval gets 403.
/// </summary>
public static class ApprovedMemberPolicy
{
    public const string Name = "ApprovedMember";

    public static AuthorizationBuilder AddApprovedMemberPolicy(this AuthorizationBuilder authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        authorization.Services.AddScoped<IAuthorizationHandler, ApprovedMemberHandler>();
        return authorization.AddPolicy(Name, p => p.RequireAuthenticatedUser().AddRequirements(new ApprovedMemberRequirement()));
    }
}

/// <summary>The requirement of <see cref="ApprovedMemberPolicy"/>.</summary>
public sealed class ApprovedMemberRequirement : IAuthorizationRequirement;

/// <summary>Checks <see cref="ApprovedMemberRequirement"/> against the database on every request (approval can be withdrawn).</summary>
public sealed class ApprovedMemberHandler(UserManager<KompetensbronUser> users, KompetensbronDbContext db) : AuthorizationHandler<ApprovedMemberRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ApprovedMemberRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.User;
        var ct = (context.Resource as HttpContext)?.RequestAborted ?? CancellationToken.None;

        // An API token is only ever authenticated while its organisation is approved (ApiTokenService).
        if (principal.IsInRole(Roles.Coordinator)
            || principal.HasClaim(c => c.Type == ApiTokenAuthenticationHandler.TokenClaim)
            || await OrganisationMembership.ApprovedMemberAsync(users, db, principal, ct) is not null)
        {
            context.Succeed(requirement);
        }
    }
}
