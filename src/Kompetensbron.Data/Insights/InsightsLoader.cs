using Kompetensbron.Core.Insights;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Programmes;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data.Invitations;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Data.Insights;

/// <summary>Reads what the regional insights are computed from: open needs of approved employers, workforce,
/// profiles, current programmes and recorded hires, each placed in a municipality.</summary>
public static class InsightsLoader
{
    // Taxonomy concept ids are letters, digits, '_' and '-'.
    private const string SkillSeparator = ",";

    /// <summary>Everything as of <paramref name="today"/>; <paramref name="reachableProfileIds"/> are the profiles with at
    /// least one match within their commute (the match service keeps them), null to leave reach out.</summary>
    public static async Task<InsightsInput> LoadAsync(
        KompetensbronDbContext db, TaxonomyModel taxonomy, DateOnly today, IReadOnlySet<int>? reachableProfileIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(taxonomy);

        // An organisation without a site of the need's or programme's own is placed at its first site.
        var sites = await db.Sites.AsNoTracking()
            .Select(s => new { s.Id, s.OrganisationId, s.MunicipalityCode })
            .ToListAsync(ct);
        var siteMunicipality = sites.ToDictionary(s => s.Id, s => s.MunicipalityCode);
        var organisationMunicipality = sites.GroupBy(s => s.OrganisationId)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Id).First().MunicipalityCode);
        string? Place(int organisationId, int? siteId) =>
            siteId is { } id && siteMunicipality.TryGetValue(id, out var code) ? code : organisationMunicipality.GetValueOrDefault(organisationId);
        string? Ssyk4(string occupationId) => taxonomy.FindOccupation(occupationId)?.Ssyk4Id;

        // Each table is read flat, with only the columns used, and put together here: joining a profile's skills and
        // occupations in one query would multiply the rows (skills × occupations) and sort them, and whole entities
        // (descriptions, auto-included languages) cost time and memory for nothing. Strings repeated on many rows
        // (skill, occupation and municipality ids) are kept once: the input stays in memory (InsightsInputCache).
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        string Pooled(string value)
        {
            if (!pool.TryGetValue(value, out var kept))
            {
                pool[value] = kept = value;
            }

            return kept;
        }

        var approvedEmployers = db.Organisations.Where(o => o.IsApproved && o.Kind == OrganisationKind.Employer).Select(o => o.Id);
        var openNeeds = db.Needs.IgnoreAutoIncludes().Where(n => n.Status == NeedStatus.Open && approvedEmployers.Contains(n.OrganisationId));
        var needRows = await openNeeds.AsNoTracking()
            .Select(n => new { n.Id, n.OrganisationId, n.SiteId, n.OccupationId, n.Headcount })
            .ToListAsync(ct);
        var needSkills = new Dictionary<int, (List<string> Required, List<string> Meriting)>();
        await foreach (var skill in db.Set<NeedSkill>().AsNoTracking()
            .Where(s => openNeeds.Select(n => n.Id).Contains(s.NeedId))
            .Select(s => new { s.NeedId, s.SkillId, s.IsRequired })
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!needSkills.TryGetValue(skill.NeedId, out var lists))
            {
                needSkills[skill.NeedId] = lists = ([], []);
            }

            (skill.IsRequired ? lists.Required : lists.Meriting).Add(Pooled(skill.SkillId));
        }

        var demand = needRows
            .Select(n => (Need: n, Ssyk4: Ssyk4(n.OccupationId), Municipality: Place(n.OrganisationId, n.SiteId)))
            .Where(x => x.Ssyk4 is not null && x.Municipality is not null)
            .Select(x => needSkills.TryGetValue(x.Need.Id, out var skills)
                ? new DemandNeed(x.Ssyk4!, x.Municipality!, x.Need.Headcount, skills.Required, skills.Meriting)
                : new DemandNeed(x.Ssyk4!, x.Municipality!, x.Need.Headcount, [], []))
            .ToList();

        var cohorts = await db.WorkforceCohorts.AsNoTracking()
            .Select(c => new { c.OrganisationId, c.OccupationId, c.AgeFrom, c.AgeTo, c.Gender, c.Count })
            .ToListAsync(ct);
        var workforce = cohorts
            .Select(c => (Cohort: c, Ssyk4: Ssyk4(c.OccupationId), Municipality: Place(c.OrganisationId, null)))
            .Where(x => x.Ssyk4 is not null && x.Municipality is not null)
            .Select(x => new WorkforceGroup(x.Ssyk4!, x.Municipality!, x.Cohort.AgeFrom, x.Cohort.AgeTo, x.Cohort.Gender, x.Cohort.Count))
            .ToList();

        // A profile's skills come as one text per profile ("a,b,c", joined by the database): the most numerous rows of
        // the input (eight skills a profile) cross from the database to here as one row a profile, and are split
        // without a new string for each id.
        var profileSkills = new Dictionary<int, List<string>>();
        var pooledSpan = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        await foreach (var row in db.Set<ProfileSkill>().AsNoTracking()
            .GroupBy(s => s.ProfileId)
            .Select(g => new { ProfileId = g.Key, Skills = string.Join(SkillSeparator, g.Select(s => s.SkillId)) })
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            var list = new List<string>();
            foreach (var range in row.Skills.AsSpan().Split(SkillSeparator[0]))
            {
                var id = row.Skills.AsSpan()[range];
                if (!pooledSpan.TryGetValue(id, out var kept))
                {
                    kept = id.ToString();
                    pool[kept] = kept;
                }

                list.Add(kept);
            }

            profileSkills[row.ProfileId] = list;
        }

        var profileGroups = new Dictionary<int, List<string>>();
        await foreach (var occupation in db.Set<ProfileOccupation>().AsNoTracking().Select(o => new { o.ProfileId, o.OccupationId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (Ssyk4(occupation.OccupationId) is not { } group)
            {
                continue;
            }

            if (!profileGroups.TryGetValue(occupation.ProfileId, out var list))
            {
                profileGroups[occupation.ProfileId] = list = [];
            }

            if (!list.Contains(group))
            {
                list.Add(group);
            }
        }

        var profiles = new List<SupplyProfile>();
        await foreach (var p in db.Profiles.AsNoTracking().IgnoreAutoIncludes().OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.MunicipalityCode, p.Gender, p.TargetGroup })
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            profiles.Add(new SupplyProfile(
                Pooled(p.MunicipalityCode), profileSkills.GetValueOrDefault(p.Id) ?? [], profileGroups.GetValueOrDefault(p.Id) ?? [], p.Gender, p.TargetGroup)
            {
                ProfileId = p.Id,
            });
        }

        var providers = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.EducationProvider)
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var programmeRows = await db.VisibleProgrammes().AsNoTracking()
            .Select(p => new { p.Id, p.Title, p.ProviderId, p.SiteId, p.SkillIds, p.Seats, p.LengthWeeks, p.StartDates, p.Level })
            .ToListAsync(ct);
        var programmes = programmeRows
            .Select(p => (Programme: p, Municipality: Place(p.ProviderId, p.SiteId)))
            .Where(x => x.Municipality is not null)
            .Select(x => new ProgrammeOffer(
                x.Programme.Id, x.Programme.Title, x.Programme.ProviderId, providers.GetValueOrDefault(x.Programme.ProviderId) ?? "",
                x.Municipality!, x.Programme.SkillIds.Distinct().ToList(), x.Programme.Seats, x.Programme.LengthWeeks, x.Programme.StartDates,
                LeadsToOccupation(x.Programme.Level) ? ProgrammeOccupation.BestFit(taxonomy, x.Programme.SkillIds) : null))
            .ToList();

        // A hire counts whatever became of the need afterwards (a filled need is usually closed).
        var hireRows = await (
            from i in db.Invitations.AsNoTracking()
            join n in db.Needs on i.NeedId equals n.Id
            where i.Status == InvitationStatus.Hired
            select new { n.OccupationId, n.OrganisationId, n.SiteId })
            .ToListAsync(ct);
        var hires = hireRows
            .Select(h => (Ssyk4: Ssyk4(h.OccupationId), Municipality: Place(h.OrganisationId, h.SiteId)))
            .Where(h => h.Ssyk4 is not null && h.Municipality is not null)
            .Select(h => new Hire(h.Ssyk4!, h.Municipality!))
            .ToList();

        return new InsightsInput(today, demand, workforce, profiles, programmes) { ReachableProfileIds = reachableProfileIds, Hires = hires };
    }

    /// <summary>
    /// Only full programmes (upper-secondary, Komvux, YH) train people into an occupation; short courses and
    /// company training add skills to people who are mostly already counted, so they count as skill supply only.
    /// </summary>
    private static bool LeadsToOccupation(ProgrammeLevel level) =>
        level is ProgrammeLevel.UpperSecondary or ProgrammeLevel.Komvux or ProgrammeLevel.Yh;
}
