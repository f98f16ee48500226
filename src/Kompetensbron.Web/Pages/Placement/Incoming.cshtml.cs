using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Placement;
using Kompetensbron.Data.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kompetensbron.Web.Pages.Placement;

/// <summary>
/// The students placed at the employer's places in published rounds: a pupil from the school's list by name, a
/// profile by name only where the person allows it (else a pseudonym), and every profile shown goes in its audit log.
/// The folder's policy has already required an approved employer.
/// </summary>
[Authorize(Policy = Roles.Employer)]
public sealed class IncomingModel(PlacementRounds rounds, UserManager<KompetensbronUser> users, AuditLog audit, IStringLocalizer<PlacementResource> text) : PageModel
{
    public IReadOnlyList<IncomingStudent> Students { get; private set; } = [];

    public string Shown(ApplicantLabel label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return label.Name ?? text["Applicant_Pseudonym", label.Number];
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is { OrganisationId: { } organisationId } user)
        {
            Students = await rounds.IncomingForOrganisationAsync(organisationId, cancellationToken);
            await audit.RecordViewsAsync(user, RoundModel.ProfilesOf(Students.Select(s => s.Student)), cancellationToken);
        }
    }
}
