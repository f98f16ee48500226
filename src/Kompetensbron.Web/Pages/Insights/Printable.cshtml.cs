using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Insights;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kompetensbron.Web.Pages.Insights;

/// <summary>The dashboard's tables on a page made for printing on A4.</summary>
[Authorize(Roles = Roles.Coordinator + "," + Roles.EducationProvider)]
public sealed class PrintableModel(InsightsDashboard dashboard, UserManager<KompetensbronUser> users, KompetensbronDbContext db) : PageModel
{
    public DashboardView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? kommun, string? yrkesomrade, int? horisont, CancellationToken cancellationToken)
    {
        var access = await InsightsAccess.ForAsync(User, users, db, cancellationToken);
        if (access.Redirect is { } redirect)
        {
            return LocalRedirect(redirect);
        }

        var filter = DashboardFilter.From(kommun, yrkesomrade, horisont);
        if ((filter.Municipality is { } code && !dashboard.IsKnownMunicipality(code)) || (filter.Field is { } field && !dashboard.IsKnownField(field)))
        {
            return BadRequest();
        }

        View = await dashboard.ComputeAsync(filter, access.OwnProviderId, cancellationToken);
        return Page();
    }
}
