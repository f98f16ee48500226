using Kompetensbron.Core.Gaps;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Web.Persons;
using Microsoft.AspNetCore.Mvc;

namespace Kompetensbron.Web.Pages.Persons.Steps;

/// <summary>"What have you worked as?": search an occupation, then tick the skills it usually needs.</summary>
public sealed class OccupationModel(ProfileEditor editor, TaxonomyModel taxonomy) : ProfileStepModel(editor)
{
    /// <summary>How many of the occupation's skills the page suggests.</summary>
    public const int SuggestedCount = 20;

    public override string Route => ProfileSteps.Occupation;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "yrke")]
    public string? OccupationId { get; set; }

    /// <summary>The occupation the person asked to remove (the confirmation question).</summary>
    [BindProperty(SupportsGet = true, Name = "ta-bort")]
    public string? RemoveId { get; set; }

    [BindProperty]
    public decimal? Years { get; set; }

    [BindProperty]
    public List<string> SkillIds { get; set; } = [];

    public IReadOnlyList<TaxonomySearchHit> Hits { get; private set; } = [];

    public Occupation? Chosen { get; private set; }

    public IReadOnlyList<Skill> Suggested { get; private set; } = [];

    /// <summary>The occupation of the profile being removed; null when the page is not asking.</summary>
    public Occupation? Removing { get; private set; }

    /// <summary>The profile's skills that this occupation suggested, which the person may remove with it.</summary>
    public IReadOnlyList<Skill> RemovableSkills { get; private set; } = [];

    /// <summary>The occupations already in the profile, each with a link to remove it.</summary>
    public IReadOnlyList<Occupation> Current => Profile.Occupations.Select(o => taxonomy.FindOccupation(o.OccupationId)).OfType<Occupation>().ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Find();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Find();
        if (Chosen is null)
        {
            return Redirect(NextStep);
        }

        if (Years is < 0 or > 60)
        {
            ModelState.AddModelError(nameof(Years), Text["Occupation_YearsInvalid"]);
            return Page();
        }

        var existing = Profile.Occupations.Find(o => o.OccupationId == Chosen.Id);
        if (existing is null)
        {
            Profile.Occupations.Add(new ProfileOccupation { OccupationId = Chosen.Id, Years = Years ?? 0 });
        }
        else
        {
            existing.Years = Years ?? existing.Years;
        }

        Editor.AddSkills(Profile, SkillIds.Intersect(Suggested.Select(s => s.Id)), SkillEvidence.Work);
        return await SaveAndContinueAsync(ct);
    }

    /// <summary>Removes the occupation, and the ticked skills among those it suggested; the rest stay.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Find();
        if (Removing is not null)
        {
            Profile.Occupations.RemoveAll(o => o.OccupationId == Removing.Id);
            var remove = SkillIds.Intersect(RemovableSkills.Select(s => s.Id), StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
            Profile.Skills.RemoveAll(s => remove.Contains(s.SkillId));
            await Editor.SaveAsync(Profile, User, ct);
        }

        return Redirect(ProfileSteps.CheckAnswers);
    }

    public bool Has(string skillId) => Profile.Skills.Exists(s => s.SkillId == skillId);

    private void Find()
    {
        if (!string.IsNullOrWhiteSpace(Query))
        {
            Hits = taxonomy.Search(Query, TaxonomyKind.Occupation, 10);
        }

        Chosen = OccupationId is null ? null : taxonomy.FindOccupation(OccupationId);
        Suggested = Chosen is null ? [] : SuggestedFor(Chosen.Id);
        Removing = RemoveId is not null && Profile.Occupations.Exists(o => o.OccupationId == RemoveId) ? taxonomy.FindOccupation(RemoveId) : null;
        RemovableSkills = Removing is null ? [] : SuggestedFor(Removing.Id).Where(s => Has(s.Id)).ToList();
    }

    private List<Skill> SuggestedFor(string occupationId) => TypicalSkills.For(taxonomy, occupationId, SuggestedCount).ToList();
}
