using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Web.Persons;
using Microsoft.AspNetCore.Mvc;

namespace Kompetensbron.Web.Pages.Persons.Steps;

/// <summary>"What have you worked as?": search an occupation, then tick the skills it usually needs.</summary>
public sealed class OccupationModel(ProfileEditor editor, TaxonomyModel taxonomy) : ProfileStepModel(editor)
{
    public override string Route => ProfileSteps.Occupation;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "yrke")]
    public string? OccupationId { get; set; }

    [BindProperty]
    public decimal? Years { get; set; }

    [BindProperty]
    public List<string> SkillIds { get; set; } = [];

    public IReadOnlyList<TaxonomySearchHit> Hits { get; private set; } = [];

    public Occupation? Chosen { get; private set; }

    public IReadOnlyList<Skill> Suggested { get; private set; } = [];

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

    public bool Has(string skillId) => Profile.Skills.Exists(s => s.SkillId == skillId);

    private void Find()
    {
        if (!string.IsNullOrWhiteSpace(Query))
        {
            Hits = taxonomy.Search(Query, TaxonomyKind.Occupation, 10);
        }

        Chosen = OccupationId is null ? null : taxonomy.FindOccupation(OccupationId);
        Suggested = Chosen is null ? [] : taxonomy.SkillsForOccupation(Chosen.Id).Take(20).ToList();
    }
}
