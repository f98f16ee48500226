using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Placement;
using Kompetensbron.Web.Placement;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kompetensbron.Web.Pages.Placement;

/// <summary>A round in the list, with how many places and applicants it has.</summary>
public sealed record RoundListItem(StoredPlacementRound Round, int Places, int Applicants);

public sealed class IndexModel(PlacementRounds rounds, UserManager<KompetensbronUser> users, IStringLocalizer<PlacementResource> text)
    : RoundPageModel(rounds, users, text)
{
    public IReadOnlyList<RoundListItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Items = await Rounds.VisibleTo(await ViewerAsync())
            .OrderByDescending(r => r.Id)
            .Select(r => new RoundListItem(r, r.Places.Count, r.Applicants.Count))
            .ToListAsync(cancellationToken);
    }
}
