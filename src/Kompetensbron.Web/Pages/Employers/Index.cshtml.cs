using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Web.Pages.Employers;

[Authorize(Policy = Roles.Employer)]
public sealed class IndexModel(
    KompetensbronDbContext db,
    UserManager<KompetensbronUser> users,
    GeographyModel geography,
    TaxonomyModel taxonomy) : PageModel
{
    public Organisation? Organisation { get; private set; }

    public IReadOnlyList<Need> Needs { get; private set; } = [];

    public string MunicipalityName(string code) => geography.FindMunicipality(code)?.Name ?? code;

    public string OccupationLabel(string id) => taxonomy.FindOccupation(id)?.Label ?? id;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.IsApproved)
        {
            return LocalRedirect(RolePages.AwaitingApproval);
        }

        if (user.OrganisationId is { } organisationId)
        {
            Organisation = await db.Organisations.AsNoTracking().Include(o => o.Sites)
                .FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
            Needs = await db.Needs.AsNoTracking()
                .Where(n => n.OrganisationId == organisationId)
                .OrderBy(n => n.Status).ThenBy(n => n.StartDate).ThenBy(n => n.Title)
                .ToListAsync(cancellationToken);
        }

        return Page();
    }
}
