using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Needs;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Placement;
using Kompetensbron.Web.Forms;
using Kompetensbron.Web.Placement;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kompetensbron.Web.Pages.Placement;

/// <summary>Adds open needs of the round's kind as places: a checkbox list, filtered by municipality.</summary>
public sealed class PlacesModel(PlacementRounds rounds, UserManager<KompetensbronUser> users, IStringLocalizer<PlacementResource> text, GeographyModel geography)
    : RoundPageModel(rounds, users, text)
{
    [BindProperty(SupportsGet = true, Name = "kommun")]
    public string? Municipality { get; set; }

    [BindProperty]
    public List<int> NeedIds { get; set; } = [];

    public IReadOnlyList<(Need Need, string Employer, string? MunicipalityCode)> Needs { get; private set; } = [];

    public MunicipalityChoices Municipalities { get; } = MunicipalityChoices.From(geography);

    public string MunicipalityName(string? code) => code is not null && geography.FindMunicipality(code) is { } m ? m.Name : "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Needs = await Rounds.OpenNeedsAsync(Round.Kind, Municipality, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Round.Status == PlacementRoundStatus.Published)
        {
            return Redirect($"/placering/{id}");
        }

        if (NeedIds.Count == 0)
        {
            ModelState.AddModelError(nameof(NeedIds), P["Places_NoneChosen"]);
            Needs = await Rounds.OpenNeedsAsync(Round.Kind, Municipality, cancellationToken);
            return Page();
        }

        await Rounds.AddPlacesAsync(Round, NeedIds, cancellationToken);
        return Redirect($"/placering/{id}");
    }
}
