using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Matching;
using Kompetensbron.Web.Accounts;
using Kompetensbron.Web.Employers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kompetensbron.Web.Pages.Employers;

/// <summary>The organisation page of an employer or education provider: its details and its sites (workplaces or schools).</summary>
[Authorize(Roles = Roles.Employer + "," + Roles.EducationProvider)]
public sealed class OrganisationModel(
    KompetensbronDbContext db,
    UserManager<KompetensbronUser> users,
    GeographyModel geography,
    MatchService matching,
    IStringLocalizer<OrganisationResource> text) : PageModel
{
    public Organisation Organisation { get; private set; } = null!;

    /// <summary>How many needs and programmes name each site.</summary>
    public IReadOnlyDictionary<int, int> Uses { get; private set; } = new Dictionary<int, int>();

    [TempData]
    public string? Message { get; set; }

    public string MunicipalityName(string code) => geography.FindMunicipality(code)?.Name ?? code;

    public string HomePage => User.IsInRole(Roles.Employer) ? Accounts.RolePages.Employer : Accounts.RolePages.EducationProvider;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await OrganisationMembership.ApprovedMemberAsync(users, db, User, ct) is not { } organisationId)
        {
            return Forbid();
        }

        await LoadAsync(organisationId, ct);
        return Page();
    }

    /// <summary>Removes a site; needs and programmes there move to the organisation's first site. The last site stays.</summary>
    public async Task<IActionResult> OnPostRemoveSiteAsync(int siteId, CancellationToken ct)
    {
        if (await OrganisationMembership.ApprovedMemberAsync(users, db, User, ct) is not { } organisationId)
        {
            return Forbid();
        }

        var sites = await db.Sites.Where(s => s.OrganisationId == organisationId).ToListAsync(ct);
        if (sites.Find(s => s.Id == siteId) is not { } site)
        {
            return NotFound();
        }

        if (sites.Count == 1)
        {
            ModelState.AddModelError(string.Empty, text["Sites_LastCannotGo"]);
            await LoadAsync(organisationId, ct);
            return Page();
        }

        // SQLite and PostgreSQL both set the references to null (ON DELETE SET NULL); done here too so the
        // tracked entities agree whatever the provider.
        await db.Needs.Where(n => n.SiteId == siteId).ExecuteUpdateAsync(u => u.SetProperty(n => n.SiteId, (int?)null), ct);
        await db.Programmes.Where(p => p.SiteId == siteId).ExecuteUpdateAsync(u => u.SetProperty(p => p.SiteId, (int?)null), ct);
        db.Sites.Remove(site);
        await db.SaveChangesAsync(ct);
        await OrganisationSites.RefreshNeedsAsync(db, matching, organisationId, ct);
        Message = text["Sites_Removed", site.Name];
        return RedirectToPage();
    }

    private async Task LoadAsync(int organisationId, CancellationToken ct)
    {
        Organisation = await db.Organisations.AsNoTracking().Include(o => o.Sites).FirstAsync(o => o.Id == organisationId, ct);
        var needSites = await db.Needs.Where(n => n.OrganisationId == organisationId && n.SiteId != null).Select(n => n.SiteId!.Value).ToListAsync(ct);
        var programmeSites = await db.Programmes.Where(p => p.ProviderId == organisationId && p.SiteId != null).Select(p => p.SiteId!.Value).ToListAsync(ct);
        Uses = needSites.Concat(programmeSites).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
    }
}
