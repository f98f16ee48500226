using Kompetensbron.Web.Persons;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kompetensbron.Web.Pages.Explore;

/// <summary>The career explorer: manufacturing occupations grouped by what the work is, with counts per group. Public.</summary>
public sealed class IndexModel(CareerExplorer explorer) : PageModel
{
    public IReadOnlyList<OccupationGroup> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Groups = await explorer.OccupationGroupsAsync(ct);
}
