using Kompetensbron.Core.Needs;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Placement;
using Kompetensbron.Web.Placement;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kompetensbron.Web.Pages.Placement;

public sealed class NewModel(PlacementRounds rounds, UserManager<KompetensbronUser> users, IStringLocalizer<PlacementResource> text)
    : RoundPageModel(rounds, users, text)
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public NeedKind Kind { get; set; } = NeedKind.AplPlace;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 200)
        {
            ModelState.AddModelError(nameof(Name), P["New_NameRequired"]);
        }

        if (!PlacementRounds.Kinds.Contains(Kind))
        {
            ModelState.AddModelError(nameof(Kind), P["New_KindRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var round = await Rounds.CreateAsync(Name!.Trim(), Kind, await ViewerAsync(), cancellationToken);
        return Redirect($"/placering/{round.Id}/platser");
    }
}
