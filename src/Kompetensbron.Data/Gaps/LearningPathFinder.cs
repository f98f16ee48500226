using Kompetensbron.Core.Gaps;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Data.Gaps;

/// <summary>Where a programme of a path is given: provider, municipality (null for distance) and the person's commute to it.</summary>
public sealed record ProgrammePlace(string ProviderName, string? MunicipalityCode, bool IsDistance, int? CommuteMinutes);

/// <summary>A person's learning path towards a need or an occupation, with what the page and the CLI show beside it.</summary>
public sealed record PlannedPath(
    int ProfileId,
    string TargetId,
    string TargetLabel,
    IReadOnlyList<string> TargetSkills,
    LearningPath Path,
    IReadOnlyDictionary<int, ProgrammePlace> Places);

/// <summary>Reads a profile, a target and the programmes, and plans the path (decision 0014).</summary>
public sealed class LearningPathFinder(KompetensbronDbContext db, TaxonomyModel taxonomy, TimeProvider time)
{
    /// <summary>How many of an occupation's typical skills count as its target (the most typical first).</summary>
    public const int OccupationSkills = 12;

    /// <summary>Towards an open need of an approved employer; null when the profile or such a need does not exist.</summary>
    public async Task<PlannedPath?> ForNeedAsync(int profileId, int needId, CancellationToken ct)
    {
        var need = await db.VisibleOpenNeeds().AsNoTracking().FirstOrDefaultAsync(n => n.Id == needId, ct);
        if (need is null)
        {
            return null;
        }

        var skills = need.Skills.OrderByDescending(s => s.IsRequired).ThenByDescending(s => s.Importance).Select(s => s.SkillId).ToList();
        return await PlanAsync(profileId, needId.ToString(System.Globalization.CultureInfo.InvariantCulture), need.Title, skills, ct);
    }

    /// <summary>Towards an occupation, by concept id or SSYK-4 code; null when either is unknown.</summary>
    public async Task<PlannedPath?> ForOccupationAsync(int profileId, string occupation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(occupation);
        if (taxonomy.FindOccupation(occupation) is { } known)
        {
            return await PlanAsync(profileId, known.Id, known.Label, TypicalSkills.For(taxonomy, known.Id, OccupationSkills).Select(s => s.Id).ToList(), ct);
        }

        var group = taxonomy.SsykGroups.FirstOrDefault(g => g.Level == 4 && g.Code == occupation.Trim());
        return group is null ? null
            : await PlanAsync(profileId, group.Code, group.Label, taxonomy.SkillsForSsyk4(group.Id).Take(OccupationSkills).Select(s => s.Id).ToList(), ct);
    }

    private async Task<PlannedPath?> PlanAsync(int profileId, string targetId, string label, IReadOnlyList<string> target, CancellationToken ct)
    {
        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.Id == profileId, ct);
        if (profile is null)
        {
            return null;
        }

        var missing = SkillGap.Missing(profile.Skills.Select(s => s.SkillId), target);
        var programmes = await db.VisibleProgrammes().AsNoTracking().ToListAsync(ct);
        var relevant = programmes.Where(p => p.SkillIds.Exists(missing.Contains)).ToList();
        var providers = await db.Organisations.AsNoTracking()
            .Where(o => relevant.Select(p => p.ProviderId).Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.Sites })
            .ToDictionaryAsync(o => o.Id, ct);

        var home = new GeoPoint(profile.Latitude, profile.Longitude);
        var places = new Dictionary<int, ProgrammePlace>();
        var candidates = new List<PathProgramme>();
        foreach (var programme in relevant)
        {
            providers.TryGetValue(programme.ProviderId, out var provider);
            var site = provider?.Sites.FirstOrDefault(s => s.Id == programme.SiteId) ?? provider?.Sites.FirstOrDefault();
            int? minutes = site is null ? null : Commute.EstimateMinutes(home, new GeoPoint(site.Latitude, site.Longitude), profile.CommuteMode);
            var inReach = programme.IsDistance || minutes <= profile.MaxCommuteMinutes;
            places[programme.Id] = new ProgrammePlace(provider?.Name ?? string.Empty, programme.IsDistance ? null : site?.MunicipalityCode, programme.IsDistance, minutes);
            candidates.Add(new PathProgramme(programme.Id, programme.Title, programme.SkillIds, programme.LengthWeeks, programme.StartDates, programme.Seats, inReach));
        }

        var today = DateOnly.FromDateTime(time.GetLocalNow().Date);
        var start = profile.AvailableFrom is { } from && from > today ? from : today;
        return new PlannedPath(profile.Id, targetId, label, target, LearningPathPlanner.Plan(missing, candidates, start), places);
    }
}
