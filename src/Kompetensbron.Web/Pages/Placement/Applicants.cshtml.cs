using System.Text;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Placement;
using Kompetensbron.Web.Placement;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kompetensbron.Web.Pages.Placement;

/// <summary>
/// Adds applicants: the profiles of people who chose to take part (wishes proposed from their matches), or the
/// school's own pupils from a CSV file with ranked wishes.
/// </summary>
public sealed class ApplicantsModel(PlacementRounds rounds, UserManager<KompetensbronUser> users, IStringLocalizer<PlacementResource> text)
    : RoundPageModel(rounds, users, text)
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostProfilesAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Round.Status != PlacementRoundStatus.Published)
        {
            await Rounds.AddOptedInProfilesAsync(Round, cancellationToken);
        }

        return Redirect($"/placering/{id}");
    }

    public async Task<IActionResult> OnPostCsvAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Round.Status == PlacementRoundStatus.Published)
        {
            return Redirect($"/placering/{id}");
        }

        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), P["Csv_NoFile"]);
            return Page();
        }

        using var reader = new StreamReader(Upload.OpenReadStream(), Encoding.UTF8);
        var (applicants, errors) = PlacementCsv.Read(reader, Round.Places.Select(p => p.NeedId).ToHashSet());
        foreach (var error in errors)
        {
            ModelState.AddModelError(nameof(Upload), P["Csv_" + error.Problem, error.Row, error.Column, error.Value]);
        }

        if (errors.Count > 0)
        {
            return Page();
        }

        await Rounds.AddApplicantsAsync(Round, applicants, cancellationToken);
        return Redirect($"/placering/{id}");
    }
}
