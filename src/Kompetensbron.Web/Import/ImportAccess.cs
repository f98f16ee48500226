using System.Security.Claims;
using Kompetensbron.Core.Import.Tabular;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Import;
using Kompetensbron.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Web.Import;

/// <summary>What can be uploaded: the four CSV/Excel templates and JobTech job ads (JSON).</summary>
public enum ImportKind
{
    Needs,
    Programmes,
    Cohorts,
    Profiles,
    JobTech,
}

/// <summary>
/// Who may upload what: a coordinator every kind for any organisation; an approved member of an approved employer
/// their own organisation's needs, workforce cohorts and JobTech ads; of an approved provider their own programmes.
/// </summary>
public sealed record ImportAccess(IReadOnlyList<ImportKind> Kinds, int? OrganisationId, string? OrganisationNumber)
{
    /// <summary>The caller's rights, or null when they may not import at all.</summary>
    public static async Task<ImportAccess?> ForAsync(UserManager<KompetensbronUser> users, KompetensbronDbContext db, ClaimsPrincipal principal, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.IsInRole(Roles.Coordinator))
        {
            return new ImportAccess([ImportKind.Needs, ImportKind.Programmes, ImportKind.Cohorts, ImportKind.Profiles, ImportKind.JobTech], null, null);
        }

        foreach (var (role, kinds) in new[]
        {
            (Roles.Employer, new[] { ImportKind.Needs, ImportKind.Cohorts, ImportKind.JobTech }),
            (Roles.EducationProvider, new[] { ImportKind.Programmes }),
        })
        {
            if (await OrganisationMembership.ApprovedOrganisationAsync(users, db, principal, role, ct) is { } organisationId)
            {
                var number = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.OrganisationNumber).SingleAsync(ct);
                return new ImportAccess(kinds, organisationId, number);
            }
        }

        return null;
    }

    public static TabularEntity Entity(ImportKind kind) => kind switch
    {
        ImportKind.Needs => TabularEntity.Needs,
        ImportKind.Programmes => TabularEntity.Programmes,
        ImportKind.Cohorts => TabularEntity.Cohorts,
        ImportKind.Profiles => TabularEntity.Profiles,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "JobTech ads have no CSV template."),
    };

    public TabularImportOptions TabularOptions(bool dryRun) => new() { DryRun = dryRun, OrganisationId = OrganisationId };

    public JobTechImportOptions JobTechOptions(bool dryRun) => new() { DryRun = dryRun, OrganisationNumber = OrganisationNumber };
}
