using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Accounts;
using Kompetensbron.Web.Insights;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kompetensbron.Web.Pages.Insights;

/// <summary>The regional dashboard: supply vs demand, forecasts, programme relevance and gender balance.</summary>
[Authorize(Roles = Roles.Coordinator + "," + Roles.EducationProvider)]
public sealed class DashboardModel(InsightsDashboard dashboard, UserManager<KompetensbronUser> users, KompetensbronDbContext db) : PageModel
{
    public DashboardView View { get; private set; } = null!;

    public InsightsDashboard Dashboard => dashboard;

    public bool IsProvider { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? kommun, string? yrkesomrade, int? horisont, CancellationToken cancellationToken)
    {
        var access = await InsightsAccess.ForAsync(User, users, db, cancellationToken);
        if (access.Redirect is { } redirect)
        {
            return LocalRedirect(redirect);
        }

        var filter = DashboardFilter.From(kommun, yrkesomrade, horisont);
        if (filter.Municipality is { } code && !dashboard.IsKnownMunicipality(code))
        {
            filter = filter with { Municipality = null };
        }

        if (filter.Field is { } field && !dashboard.IsKnownField(field))
        {
            filter = filter with { Field = null };
        }

        IsProvider = access.OwnProviderId is not null;
        View = await dashboard.ComputeAsync(filter, access.OwnProviderId, cancellationToken);
        return Page();
    }
}
