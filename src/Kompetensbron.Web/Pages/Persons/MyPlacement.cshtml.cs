using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Placement;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Web.Pages.Persons;

/// <summary>A person's results in published placement rounds, with why.</summary>
[Authorize(Policy = Roles.Person)]
public sealed class MyPlacementModel(KompetensbronDbContext db, PlacementRounds rounds, UserManager<KompetensbronUser> users) : PageModel
{
    public IReadOnlyList<PublishedOutcome> Outcomes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User);
        var profileId = await db.Profiles.Where(p => p.UserId == userId).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (profileId is { } id)
        {
            Outcomes = await rounds.PublishedForProfileAsync(id, cancellationToken);
        }
    }
}
