using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Web.Persons;
using Microsoft.AspNetCore.Mvc;

namespace Kompetensbron.Web.Pages.Persons.Steps;

/// <summary>Search and add skills; remove the ones that are wrong.</summary>
public sealed class SkillsModel(ProfileEditor editor, TaxonomyModel taxonomy) : ProfileStepModel(editor)
{
    public override string Route => ProfileSteps.Skills;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public SkillSearch Search { get; private set; } = null!;

    public string Label(string skillId) => taxonomy.FindSkill(skillId)?.Label ?? skillId;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Search = SkillSearch.Run(taxonomy, Query, Profile.Skills.Select(s => s.SkillId));
        return Page();
    }

    public Task<IActionResult> OnPostAddAsync(string skillId, CancellationToken ct) =>
        ChangeAsync(p => Editor.AddSkills(p, [skillId], SkillEvidence.Work), ct);

    public Task<IActionResult> OnPostRemoveAsync(string skillId, CancellationToken ct) =>
        ChangeAsync(p => p.Skills.RemoveAll(s => s.SkillId == skillId), ct);

    private async Task<IActionResult> ChangeAsync(Action<Kompetensbron.Core.Profiles.Profile> change, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        change(Profile);
        await Editor.SaveAsync(Profile, User, ct);
        return Redirect(Request.Path + (Query is null ? string.Empty : "?q=" + Uri.EscapeDataString(Query)));
    }
}
