using System.Globalization;
using Kompetensbron.Web.Persons;
using Microsoft.AspNetCore.Mvc;

namespace Kompetensbron.Web.Pages.Persons.Steps;

/// <summary>From when the person can start, as day, month and year (GOV.UK date input); all empty means now.</summary>
public sealed class StartModel(ProfileEditor editor, TimeProvider time) : ProfileStepModel(editor)
{
    public override string Route => ProfileSteps.Start;

    [BindProperty]
    public string? Day { get; set; }

    [BindProperty]
    public string? Month { get; set; }

    [BindProperty]
    public string? Year { get; set; }

    /// <summary>The fields the error is about (empty when there is none).</summary>
    public IReadOnlyList<DatePart> Wrong { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        // A date that has passed means "now": show the fields empty rather than an answer that is no longer true.
        if (Profile.AvailableFrom is { } from && from >= Today)
        {
            (Day, Month, Year) = (Digits(from.Day), Digits(from.Month), Digits(from.Year));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var answer = DateAnswer.Read(Day, Month, Year, Today);
        if (!answer.IsValid)
        {
            Wrong = answer.Wrong;
            ModelState.AddModelError(answer.Wrong[0].ToString(), Text[answer.Problem!, DateAnswer.MaxYearsAhead]);
            return Page();
        }

        Profile.AvailableFrom = answer.Date;
        return await SaveAndContinueAsync(ct);
    }

    public bool IsWrong(DatePart part) => Wrong.Contains(part);

    private DateOnly Today => DateOnly.FromDateTime(time.GetLocalNow().Date);

    private static string Digits(int number) => number.ToString(CultureInfo.InvariantCulture);
}
