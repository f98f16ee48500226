using Kompetensbron.Core.Fairness;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Matching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kompetensbron.Web.Pages.Coordinators;

/// <summary>The bias check (<see cref="BiasAudit"/>) on the current data, for coordinators.</summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class BiasModel(MatchBiasAudit audit) : PageModel
{
    public BiasReport Report { get; private set; } = new(0, 0, BiasAudit.DefaultK, BiasAudit.DefaultThreshold, []);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Report = await audit.RunAsync(ct: cancellationToken);
}
