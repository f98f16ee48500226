using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Coordinators;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Web.Pages.Coordinators;

/// <summary>An organisation waiting for approval, with the members who signed up for it.</summary>
public sealed record PendingOrganisation(Organisation Organisation, IReadOnlyList<KompetensbronUser> Members);

/// <summary>The region at a glance for a coordinator.</summary>
public sealed record RegionCounts(int Employers, int Providers, int OpenNeeds, int Profiles, int Programmes, int Users);

[Authorize(Policy = Roles.Coordinator)]
public sealed class IndexModel(KompetensbronDbContext db, UserAdministration administration, UserManager<KompetensbronUser> users) : PageModel
{
    public IReadOnlyList<PendingOrganisation> PendingOrganisations { get; private set; } = [];

    /// <summary>Users waiting whose organisation is already approved (or who have none).</summary>
    public IReadOnlyList<KompetensbronUser> PendingUsers { get; private set; } = [];

    public RegionCounts Counts { get; private set; } = new(0, 0, 0, 0, 0, 0);

    [TempData]
    public string? Approved { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => !o.IsApproved)
            .OrderBy(o => o.CreatedAt)
            .ToListAsync(cancellationToken);
        var waiting = await db.Users.AsNoTracking().Where(u => !u.IsApproved).ToListAsync(cancellationToken);
        var pendingIds = organisations.Select(o => o.Id).ToHashSet();

        PendingOrganisations = organisations
            .Select(o => new PendingOrganisation(o, waiting.Where(u => u.OrganisationId == o.Id).OrderBy(u => u.Email, StringComparer.Ordinal).ToList()))
            .ToList();
        PendingUsers = waiting
            .Where(u => u.OrganisationId is not { } id || !pendingIds.Contains(id))
            .OrderBy(u => u.CreatedAt)
            .ToList();

        Counts = new RegionCounts(
            Employers: await db.Organisations.CountAsync(o => o.IsApproved && o.Kind == OrganisationKind.Employer, cancellationToken),
            Providers: await db.Organisations.CountAsync(o => o.IsApproved && o.Kind == OrganisationKind.EducationProvider, cancellationToken),
            // Same definition as the start page: open needs of approved employers (others are not visible).
            OpenNeeds: await db.VisibleOpenNeeds().CountAsync(cancellationToken),
            Profiles: await db.Profiles.CountAsync(cancellationToken),
            Programmes: await db.VisibleProgrammes().CountAsync(cancellationToken),
            Users: await db.Users.CountAsync(cancellationToken));
    }

    /// <summary>Approves an organisation and every member waiting for it; its open needs become visible.</summary>
    public async Task<IActionResult> OnPostApproveOrganisationAsync(int organisationId, CancellationToken cancellationToken)
    {
        if (await administration.ApproveOrganisationAsync(organisationId, cancellationToken) is not { } name)
        {
            return NotFound();
        }

        Approved = name;
        return RedirectToPage();
    }

    /// <summary>Approves one waiting user.</summary>
    public async Task<IActionResult> OnPostApproveUserAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || await administration.ApproveAsync(users.GetUserId(User)!, userId, cancellationToken) != UserChange.Done)
        {
            return NotFound();
        }

        Approved = user.Email;
        return RedirectToPage();
    }
}
