using System.Security.Claims;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Invitations;
using Kompetensbron.Core.Text;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Web.Accounts;
using Kompetensbron.Web.Matching;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Web.Employers;

/// <summary>Who the employer is, and the journey's services and API (<c>/api/v1/needs/{id}/candidates</c>).</summary>
public static class EmployerAccess
{
    /// <summary>The caller's organisation when they are an approved member of an approved employer; null otherwise.</summary>
    public static Task<int?> ApprovedEmployerAsync(UserManager<KompetensbronUser> users, KompetensbronDbContext db, ClaimsPrincipal principal, CancellationToken ct) =>
        OrganisationMembership.ApprovedOrganisationAsync(users, db, principal, Roles.Employer, ct);

    public static IServiceCollection AddEmployerJourney(this IServiceCollection services)
    {
        services.AddScoped<InvitationService>();
        services.AddScoped<InvitationEmail>();
        return services;
    }

    public static IEndpointRouteBuilder MapEmployerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1").WithTags("Matching").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .MapGet("/needs/{id:int}/candidates", MatchingEndpoints.ProfilesForNeed)
            .WithName("CandidatesForNeed")
            .WithSummary("Ranked, explained, pseudonymous candidates for a need")
            .WithDescription("The same list as /matches: the need's employer sees an opaque candidate token instead of the profile id until the person accepts an invitation; any other employer gets 403.");
        return endpoints;
    }
}
