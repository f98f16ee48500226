using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Placement;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kompetensbron.Web.Pages.Placement;

/// <summary>The students placed at the employer's places in published rounds (names: placement implies contact).</summary>
[Authorize(Policy = Roles.Employer)]
public sealed class IncomingModel(PlacementRounds rounds, UserManager<KompetensbronUser> users) : PageModel
{
    public IReadOnlyList<IncomingStudent> Students { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if ((await users.GetUserAsync(User))?.OrganisationId is { } organisationId)
        {
            Students = await rounds.IncomingForOrganisationAsync(organisationId, cancellationToken);
        }
    }
}
