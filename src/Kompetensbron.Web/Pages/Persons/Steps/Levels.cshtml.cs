using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Web.Persons;
using Microsoft.AspNetCore.Mvc;

namespace Kompetensbron.Web.Pages.Persons.Steps;

/// <summary>How well the person knows each skill (1–4) and where they showed it.</summary>
public sealed class LevelsModel(ProfileEditor editor, TaxonomyModel taxonomy) : ProfileStepModel(editor)
{
    public static readonly int[] LevelChoices = [1, 2, 3, 4];

    public override string Route => ProfileSteps.Levels;

    [BindProperty]
    public List<SkillLevelInput> Skills { get; set; } = [];

    public string Label(string skillId) => taxonomy.FindSkill(skillId)?.Label ?? skillId;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Skills = Profile.Skills.Select(s => new SkillLevelInput { SkillId = s.SkillId, Level = s.Level, Evidence = s.Evidence }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        foreach (var input in Skills)
        {
            if (Profile.Skills.Find(s => s.SkillId == input.SkillId) is { } skill)
            {
                skill.Level = Math.Clamp(input.Level, 1, 4);
                skill.Evidence = Enum.IsDefined(input.Evidence) ? input.Evidence : skill.Evidence;
            }
        }

        return await SaveAndContinueAsync(ct);
    }
}

/// <summary>One skill's answers on the level page.</summary>
public sealed class SkillLevelInput
{
    public string SkillId { get; set; } = string.Empty;
    public int Level { get; set; } = 2;
    public SkillEvidence Evidence { get; set; }
}
