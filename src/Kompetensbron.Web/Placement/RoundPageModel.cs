using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Placement;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kompetensbron.Web.Placement;

/// <summary>
/// A page about placement rounds: for coordinators (every round) and education providers (their organisation's
/// rounds). Another organisation's round answers 404, as if it did not exist.
/// </summary>
[Authorize(Roles = Roles.Coordinator + "," + Roles.EducationProvider)]
public abstract class RoundPageModel(PlacementRounds rounds, UserManager<KompetensbronUser> users, IStringLocalizer<PlacementResource> text) : PageModel
{
    protected PlacementRounds Rounds => rounds;

    public IStringLocalizer<PlacementResource> P => text;

    public StoredPlacementRound Round { get; private set; } = null!;

    protected async Task<RoundViewer> ViewerAsync()
    {
        var user = await CurrentUserAsync();
        return new RoundViewer(user.Id, User.IsInRole(Roles.Coordinator), user.OrganisationId);
    }

    protected async Task<KompetensbronUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("A signed-in user has no account.");

    /// <summary>An applicant as this page may show them: the name where allowed, else a pseudonym.</summary>
    protected string Shown(ApplicantLabel label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return label.Name ?? text["Applicant_Pseudonym", label.Number];
    }

    /// <summary>Loads the round if the user may see it.</summary>
    protected async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var round = await rounds.FindAsync(id, await ViewerAsync(), ct);
        Round = round!;
        return round is not null;
    }
}
