using Kompetensbron.Core.Needs;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Data.Import;

/// <summary>Updates a stored need from an imported one: its fields, and its skills row by row.</summary>
internal static class NeedUpdates
{
    /// <summary>Copies what an import sets; keeps the id, organisation, creation time and <c>ExternalId</c> when none is given.</summary>
    public static void CopyFields(Need from, Need to)
    {
        to.Kind = from.Kind;
        to.Title = from.Title;
        to.Description = from.Description;
        to.OccupationId = from.OccupationId;
        to.Headcount = from.Headcount;
        to.Licences = [.. from.Licences];
        to.MinimumSwedishLevel = from.MinimumSwedishLevel;
        to.ShiftWork = from.ShiftWork;
        to.StartDate = from.StartDate;
        to.ApplicationDeadline = from.ApplicationDeadline;
        to.ExternalId = from.ExternalId ?? to.ExternalId;
        to.SiteId = from.SiteId;
        to.Status = from.Status;
        to.UpdatedAt = from.UpdatedAt;
    }

    /// <summary>
    /// Makes <paramref name="stored"/>'s skills those of <paramref name="wanted"/>: removes the others, adds the new
    /// ones and lets <paramref name="update"/> change the kept ones (so the key (need, skill) never changes).
    /// </summary>
    public static void SyncSkills(DbContext db, Need stored, IReadOnlyList<NeedSkill> wanted, Action<NeedSkill, NeedSkill> update)
    {
        var byId = wanted.ToDictionary(s => s.SkillId, StringComparer.Ordinal);
        foreach (var skill in stored.Skills.ToList())
        {
            if (byId.Remove(skill.SkillId, out var replacement))
            {
                update(replacement, skill);
            }
            else
            {
                stored.Skills.Remove(skill);
                db.Remove(skill);
            }
        }

        foreach (var skill in wanted.Where(s => byId.ContainsKey(s.SkillId)))
        {
            skill.NeedId = stored.Id;
            stored.Skills.Add(skill);
            db.Add(skill);
        }
    }
}
