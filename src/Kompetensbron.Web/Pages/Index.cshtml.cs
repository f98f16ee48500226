using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Data;
using Kompetensbron.Data.Demo;
using Kompetensbron.Web.Demo;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Web.Pages;

/// <summary>What the start page counts: approved employers, open needs, profiles, current programmes.</summary>
public sealed record StartCounts(int Employers, int OpenNeeds, int Profiles, int Programmes);

public sealed class IndexModel(KompetensbronDbContext db, DemoStatus demo) : PageModel
{
    public StartCounts Counts { get; private set; } = new(0, 0, 0, 0);

    public bool DemoLoaded { get; private set; }

    public IReadOnlyList<DemoAccount> DemoAccounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var approvedEmployers = db.Organisations.Where(o => o.Kind == OrganisationKind.Employer && o.IsApproved);
        Counts = new StartCounts(
            Employers: await approvedEmployers.CountAsync(cancellationToken),
            OpenNeeds: await db.VisibleOpenNeeds().CountAsync(cancellationToken),
            Profiles: await db.Profiles.CountAsync(cancellationToken),
            Programmes: await db.VisibleProgrammes().CountAsync(cancellationToken));

        DemoLoaded = await demo.IsDemoLoadedAsync();
        DemoAccounts = DemoLoaded ? DemoSeeder.DemoAccounts : [];
    }
}
