using Kompetensbron.Web.Persons;
using Microsoft.AspNetCore.Mvc;
using LicenceList = Kompetensbron.Core.Profiles.Licences;

namespace Kompetensbron.Web.Pages.Persons.Steps;

/// <summary>Driving licences, machine licences and certificates.</summary>
public sealed class LicencesModel(ProfileEditor editor) : ProfileStepModel(editor)
{
    public override string Route => ProfileSteps.Licences;

    [BindProperty]
    public List<string> Codes { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Profile.Licences = LicenceList.All.Select(l => l.Code).Where(Codes.Contains).ToList();
        return await SaveAndContinueAsync(ct);
    }
}
