using Kompetensbron.Core.Geography;
using Kompetensbron.Web.Persons;
using Microsoft.AspNetCore.Mvc;

namespace Kompetensbron.Web.Pages.Persons.Steps;

/// <summary>How far the person can travel to work or school each way, and how.</summary>
public sealed class CommuteModel(ProfileEditor editor) : ProfileStepModel(editor)
{
    public static readonly int[] MinuteChoices = [15, 30, 45, 60, 90];

    public override string Route => ProfileSteps.Commute;

    [BindProperty]
    public int? Minutes { get; set; }

    [BindProperty]
    public CommuteMode? Mode { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Minutes = Profile.MaxCommuteMinutes;
        Mode = Profile.CommuteMode;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Minutes is not { } minutes || !MinuteChoices.Contains(minutes))
        {
            ModelState.AddModelError(nameof(Minutes), Text["Commute_MinutesRequired"]);
        }

        if (Mode is not { } mode || !Enum.IsDefined(mode))
        {
            ModelState.AddModelError(nameof(Mode), Text["Commute_ModeRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Profile.MaxCommuteMinutes = Minutes!.Value;
        Profile.CommuteMode = Mode!.Value;
        return await SaveAndContinueAsync(ct);
    }
}
