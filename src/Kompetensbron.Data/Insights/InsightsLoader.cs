using Kompetensbron.Core.Insights;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Programmes;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data.Invitations;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Data.Insights;

/// <summary>Reads what the regional insights are computed from: open needs of approved employers, workforce,
/// profiles, current programmes and recorded hires, each placed in a municipality.</summary>
public static class InsightsLoader
{
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

        var approvedEmployers = db.Organisations.Where(o => o.IsApproved && o.Kind == OrganisationKind.Employer).Select(o => o.Id);
        var needs = await db.Needs.AsNoTracking()
            .Where(n => n.Status == NeedStatus.Open && approvedEmployers.Contains(n.OrganisationId))
            .ToListAsync(ct);
        var demand = needs
            .Select(n => (Need: n, Ssyk4: Ssyk4(n.OccupationId), Municipality: Place(n.OrganisationId, n.SiteId)))
            .Where(x => x.Ssyk4 is not null && x.Municipality is not null)
            .Select(x => new DemandNeed(
                x.Ssyk4!, x.Municipality!, x.Need.Headcount,
                x.Need.Skills.Where(s => s.IsRequired).Select(s => s.SkillId).ToList(),
                x.Need.Skills.Where(s => !s.IsRequired).Select(s => s.SkillId).ToList()))
            .ToList();

        var cohorts = await db.WorkforceCohorts.AsNoTracking().ToListAsync(ct);
        var workforce = cohorts
            .Select(c => (Cohort: c, Ssyk4: Ssyk4(c.OccupationId), Municipality: Place(c.OrganisationId, null)))
            .Where(x => x.Ssyk4 is not null && x.Municipality is not null)
            .Select(x => new WorkforceGroup(x.Ssyk4!, x.Municipality!, x.Cohort.AgeFrom, x.Cohort.AgeTo, x.Cohort.Gender, x.Cohort.Count))
            .ToList();

        var profileRows = await db.Profiles.AsNoTracking()
            .Select(p => new
            {
                p.Id,
                p.MunicipalityCode,
                Skills = p.Skills.Select(s => s.SkillId).ToList(),
                Occupations = p.Occupations.Select(o => o.OccupationId).ToList(),
                p.Gender,
                p.TargetGroup,
            })
            .ToListAsync(ct);
        var profiles = profileRows
            .Select(p => new SupplyProfile(
                p.MunicipalityCode, p.Skills, p.Occupations.Select(Ssyk4).OfType<string>().Distinct().ToList(), p.Gender, p.TargetGroup)
            {
                ProfileId = p.Id,
            })
            .ToList();

        var providers = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.EducationProvider)
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var programmeRows = await db.VisibleProgrammes().AsNoTracking().ToListAsync(ct);
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
