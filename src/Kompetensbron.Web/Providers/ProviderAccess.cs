using System.Security.Claims;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Kompetensbron.Web.Providers;

/// <summary>Who the education provider is, and the provider journey's services.</summary>
public static class ProviderAccess
{
    /// <summary>The caller's organisation when they are an approved member of an approved education provider; null otherwise.</summary>
    public static Task<int?> ApprovedProviderAsync(UserManager<KompetensbronUser> users, KompetensbronDbContext db, ClaimsPrincipal principal, CancellationToken ct) =>
        OrganisationMembership.ApprovedOrganisationAsync(users, db, principal, Roles.EducationProvider, ct);

    public static IServiceCollection AddProviderJourney(this IServiceCollection services)
    {
        services.AddScoped<ProgrammeDemand>();
        return services;
    }
}
