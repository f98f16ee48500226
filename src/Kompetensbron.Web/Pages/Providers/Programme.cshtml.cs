using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Providers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ProgrammeEntity = Kompetensbron.Core.Programmes.Programme;

namespace Kompetensbron.Web.Pages.Providers;

/// <summary>One programme for its provider: what it offers, archive or restore, and its demand panel.</summary>
[Authorize(Policy = Roles.EducationProvider)]
public sealed class ProgrammeModel(
    KompetensbronDbContext db,
    UserManager<KompetensbronUser> users,
    TaxonomyModel taxonomy,
    GeographyModel geography,
    ProgrammeDemand demand,
    TimeProvider time) : PageModel
{
    public ProgrammeEntity Programme { get; private set; } = null!;

    public Site? Site { get; private set; }

    public ProgrammeDemandPanel Demand { get; private set; } = null!;

    public string SkillLabel(string id) => taxonomy.FindSkill(id)?.Label ?? id;

    public string MunicipalityName(string code) => geography.FindMunicipality(code)?.Name ?? code;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await ProviderAccess.ApprovedProviderAsync(users, db, User, ct) is not { } providerId)
        {
            return Forbid();
        }

        if (await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.ProviderId == providerId, ct) is not { } programme)
        {
            return NotFound();
        }

        Programme = programme;
        Site = programme.SiteId is { } siteId ? await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == siteId, ct) : null;
        Demand = await demand.ForAsync(programme, ct);
        return Page();
    }

    /// <summary>Archived programmes leave matching, insights and learning paths but stay listed for the provider.</summary>
    public Task<IActionResult> OnPostArchiveAsync(int id, CancellationToken ct) => SetArchivedAsync(id, archived: true, ct);

    public Task<IActionResult> OnPostRestoreAsync(int id, CancellationToken ct) => SetArchivedAsync(id, archived: false, ct);

    private async Task<IActionResult> SetArchivedAsync(int id, bool archived, CancellationToken ct)
    {
        if (await ProviderAccess.ApprovedProviderAsync(users, db, User, ct) is not { } providerId)
        {
            return Forbid();
        }

        if (await db.Programmes.FirstOrDefaultAsync(p => p.Id == id && p.ProviderId == providerId, ct) is not { } programme)
        {
            return NotFound();
        }

        programme.IsArchived = archived;
        programme.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id });
    }
}
