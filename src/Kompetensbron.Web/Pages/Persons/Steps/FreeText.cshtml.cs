using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Text;
using Kompetensbron.Web.Persons;
using Microsoft.AspNetCore.Mvc;

namespace Kompetensbron.Web.Pages.Persons.Steps;

/// <summary>"Tell us what you have done": free text in, recognised skills (with the words that matched) out, the person confirms.</summary>
public sealed class FreeTextModel(ProfileEditor editor, SkillRecogniser recogniser) : ProfileStepModel(editor)
{
    public const int MaxLength = 4000;

    public override string Route => ProfileSteps.FreeText;

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public List<string> SkillIds { get; set; } = [];

    public TextRecognition? Recognised { get; private set; }

    public IReadOnlyList<MarkedText> Marked { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRecogniseAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Description) || Description.Length > MaxLength)
        {
            ModelState.AddModelError(nameof(Description), Text[string.IsNullOrWhiteSpace(Description) ? "FreeText_Required" : "FreeText_TooLong", MaxLength]);
            return Page();
        }

        Recognised = recogniser.Recognise(Description);
        Marked = MarkedText.Split(Description, Recognised.Skills.SelectMany(s => s.Spans));
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Editor.AddSkills(Profile, SkillIds, SkillEvidence.Work);
        return await SaveAndContinueAsync(ct);
    }
}
