using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Programmes;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Web.Pages.Providers;

[Authorize(Policy = Roles.EducationProvider)]
public sealed class IndexModel(
    KompetensbronDbContext db,
    UserManager<KompetensbronUser> users,
    GeographyModel geography,
    TimeProvider time) : PageModel
{
    public Organisation? Organisation { get; private set; }

    /// <summary>The provider's programmes, current first; archived ones stay listed, marked as archived.</summary>
    public IReadOnlyList<Programme> Programmes { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public string MunicipalityName(string code) => geography.FindMunicipality(code)?.Name ?? code;

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

        Today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        if (user.OrganisationId is { } organisationId)
        {
            Organisation = await db.Organisations.AsNoTracking().Include(o => o.Sites)
                .FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
            Programmes = (await db.Programmes.AsNoTracking()
                    .Where(p => p.ProviderId == organisationId)
                    .ToListAsync(cancellationToken))
                .OrderBy(p => p.IsArchived).ThenBy(p => p.Title, StringComparer.CurrentCulture)
                .ToList();
        }

        return Page();
    }

    /// <summary>The next start on or after today, if any.</summary>
    public DateOnly? NextStart(Programme programme)
    {
        ArgumentNullException.ThrowIfNull(programme);
        var upcoming = programme.StartDates.Where(d => d >= Today).Order().ToList();
        return upcoming.Count > 0 ? upcoming[0] : null;
    }
}
