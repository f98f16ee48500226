using Kompetensbron.Core.Taxonomy;

namespace Kompetensbron.Core.Insights;

/// <summary>
/// The occupation group (SSYK-4) a programme leads to, read from the skills it teaches, because providers register
/// skills and courses, not SSYK codes. The group whose typical skills include the most taught skills wins, if they
/// are at least three and at least half of what is taught — so a two-skill course such as "Lean i produktionen"
/// leads to no occupation of its own. Ties go to the group the taught skills fill best (Jaccard), then the lower code.
/// </summary>
public static class ProgrammeOccupation
{
    public const int MinimumOverlap = 3;

    public static string? BestFit(TaxonomyModel taxonomy, IEnumerable<string> skillIds)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(skillIds);
        var taught = skillIds.Distinct().ToList();
        var overlap = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var skill in taught)
        {
            foreach (var group in taxonomy.Ssyk4GroupsForSkill(skill))
            {
                overlap[group.Id] = overlap.GetValueOrDefault(group.Id) + 1;
            }
        }

        var needed = Math.Max(MinimumOverlap, (taught.Count + 1) / 2);
        return overlap
            .Where(kv => kv.Value >= needed)
            .OrderByDescending(kv => kv.Value)
            .ThenByDescending(kv => (double)kv.Value / (taught.Count + taxonomy.SkillsForSsyk4(kv.Key).Count - kv.Value))
            .ThenBy(kv => taxonomy.FindSsykGroup(kv.Key)?.Code, StringComparer.Ordinal)
            .Select(kv => kv.Key)
            .FirstOrDefault();
    }
}
