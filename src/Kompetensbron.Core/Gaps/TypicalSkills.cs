using Kompetensbron.Core.Demo;
using Kompetensbron.Core.Taxonomy;

namespace Kompetensbron.Core.Gaps;

/// <summary>The skills that make up an occupation's work, the most central first.</summary>
public static class TypicalSkills
{
    /// <summary>
    /// The curated catalogue's list where the occupation has one (its first skills are the core of the work);
    /// otherwise the taxonomy's SSYK-4 group skills, which are the whole group's and in no particular order.
    /// </summary>
    public static IReadOnlyList<Skill> For(TaxonomyModel taxonomy, string occupationId, int count)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        var curated = DemoCatalogue.IndustryOccupations.Concat(DemoCatalogue.OtherOccupations).FirstOrDefault(o => o.Id == occupationId);
        var skills = curated is null
            ? taxonomy.SkillsForOccupation(occupationId)
            : curated.Skills.Select(s => taxonomy.FindSkill(s.Id)).OfType<Skill>();
        return skills.Take(count).ToList();
    }
}
