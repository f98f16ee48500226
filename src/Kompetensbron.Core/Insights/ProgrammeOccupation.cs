using Kompetensbron.Core.Taxonomy;

namespace Kompetensbron.Core.Insights;

/// <summary>
/// The occupation group (SSYK-4) a programme leads to, read from the skills it teaches: the group whose typical
/// skills include the most of them (at least <see cref="MinimumOverlap"/>), ties to the lower SSYK code.
/// Programmes carry no occupation of their own, and providers think in skills and courses, not SSYK codes.
/// </summary>
public static class ProgrammeOccupation
{
    public const int MinimumOverlap = 2;

    public static string? BestFit(TaxonomyModel taxonomy, IEnumerable<string> skillIds)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(skillIds);
        var overlap = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var skill in skillIds.Distinct())
        {
            foreach (var group in taxonomy.Ssyk4GroupsForSkill(skill))
            {
                overlap[group.Id] = overlap.GetValueOrDefault(group.Id) + 1;
            }
        }

        return overlap
            .Where(kv => kv.Value >= MinimumOverlap)
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => taxonomy.FindSsykGroup(kv.Key)?.Code, StringComparer.Ordinal)
            .Select(kv => kv.Key)
            .FirstOrDefault();
    }
}
