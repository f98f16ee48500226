using System.Globalization;
using Kompetensbron.Web.Persons;
using Microsoft.AspNetCore.Mvc;

namespace Kompetensbron.Web.Pages.Persons.Steps;

/// <summary>From when the person can start; empty means now.</summary>
public sealed class StartModel(ProfileEditor editor) : ProfileStepModel(editor)
{
    public override string Route => ProfileSteps.Start;

    /// <summary>yyyy-MM-dd, as a date input sends it; empty for "now".</summary>
    [BindProperty]
    public string? From { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        From = Profile.AvailableFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(From))
        {
            Profile.AvailableFrom = null;
        }
        else if (DateOnly.TryParseExact(From.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Profile.AvailableFrom = date;
        }
        else
        {
            ModelState.AddModelError(nameof(From), Text["Start_Invalid"]);
            return Page();
        }

        return await SaveAndContinueAsync(ct);
    }
}
