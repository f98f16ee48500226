using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Core.Text;
using Kompetensbron.Web.Persons;
using Microsoft.AspNetCore.Mvc;

namespace Kompetensbron.Web.Pages.Persons.Steps;

/// <summary>
/// "Tell us what you have done": free text in, recognised skills (with the words that matched) out, the person
/// confirms. The text has no occupation codes, so the recogniser's likely occupations are offered too (unticked).
/// </summary>
public sealed class FreeTextModel(ProfileEditor editor, SkillRecogniser recogniser, TaxonomyModel taxonomy) : ProfileStepModel(editor)
{
    public const int MaxLength = 4000;

    /// <summary>How many likely occupations the step offers.</summary>
    public const int OccupationsOffered = 3;

    public override string Route => ProfileSteps.FreeText;

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public List<string> SkillIds { get; set; } = [];

    [BindProperty]
    public List<string> OccupationIds { get; set; } = [];

    /// <summary>Likely occupations from the text that the profile does not have yet.</summary>
    public IReadOnlyList<RecognisedOccupation> SuggestedOccupations { get; private set; } = [];

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
        SuggestedOccupations = Recognised.Occupations.Where(o => !Profile.Occupations.Exists(p => p.OccupationId == o.Id)).Take(OccupationsOffered).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Editor.AddSkills(Profile, SkillIds, SkillEvidence.Work);
        foreach (var id in OccupationIds.Distinct(StringComparer.Ordinal).Where(id => taxonomy.FindOccupation(id) is not null))
        {
            if (!Profile.Occupations.Exists(o => o.OccupationId == id))
            {
                // How many years is asked on the occupation step; until then it counts as no years.
                Profile.Occupations.Add(new ProfileOccupation { OccupationId = id, Years = 0 });
            }
        }

        return await SaveAndContinueAsync(ct);
    }
}
