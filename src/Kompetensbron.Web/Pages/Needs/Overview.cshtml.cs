using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Programmes;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Web.Pages.Needs;

/// <summary>The coordinator's view of every organisation's needs (drafts included) and programmes.</summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class OverviewModel(KompetensbronDbContext db, TaxonomyModel taxonomy) : PageModel
{
    public sealed record Row<T>(T Item, string Organisation, bool Approved);

    public IReadOnlyList<Row<Need>> Needs { get; private set; } = [];

    public IReadOnlyList<Row<Programme>> Programmes { get; private set; } = [];

    public string OccupationLabel(string id) => taxonomy.FindOccupation(id)?.Label ?? id;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Needs = (await (from n in db.Needs.AsNoTracking().IgnoreAutoIncludes()
                        join o in db.Organisations on n.OrganisationId equals o.Id
                        orderby o.Name, n.Title
                        select new { n, o.Name, o.IsApproved }).ToListAsync(ct))
            .ConvertAll(r => new Row<Need>(r.n, r.Name, r.IsApproved));
        Programmes = (await (from p in db.Programmes.AsNoTracking()
                             join o in db.Organisations on p.ProviderId equals o.Id
                             orderby o.Name, p.Title
                             select new { p, o.Name, o.IsApproved }).ToListAsync(ct))
            .ConvertAll(r => new Row<Programme>(r.p, r.Name, r.IsApproved));
    }
}
