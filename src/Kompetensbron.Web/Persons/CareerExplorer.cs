using Kompetensbron.Core.Demo;
using Kompetensbron.Core.Gaps;
using Kompetensbron.Core.Insights;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Core.Workforce;
using Kompetensbron.Data;
using Kompetensbron.Data.Gaps;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Web.Persons;

/// <summary>
/// A group of manufacturing occupations named by what the work is, not by its statistical class, with the
/// group's open places in the region now and the people expected to retire from it in the next ten years.
/// </summary>
public sealed record OccupationGroup(string Key, IReadOnlyList<Occupation> Occupations, int OpenNeeds, int RetiringInTenYears);

/// <summary>"From X you can move to Y; you already have …".</summary>
public sealed record OccupationMove(Occupation Occupation, int Percentage, IReadOnlyList<Skill> AlreadyHave);


/// <summary>Everything the career explorer shows about one occupation.</summary>
public sealed record OccupationPortrait(
    Occupation Occupation,
    string? Definition,
    IReadOnlyList<Skill> Skills,
    int OpenNeeds,
    int RetiringInTenYears,
    IReadOnlyList<EntryProgramme> Programmes,
    IReadOnlyList<OccupationMove> MovesTo,
    IReadOnlyList<OccupationMove> MovesFrom,
    IReadOnlyDictionary<EntryGroup, IReadOnlyList<EntryRoute>> EntryPaths);

/// <summary>The career explorer's content: manufacturing occupations in groups, and one occupation's portrait.</summary>
public sealed class CareerExplorer(KompetensbronDbContext db, TaxonomyModel taxonomy)
{
    /// <summary>Typical skills shown per occupation.</summary>
    public const int SkillsShown = 10;

    /// <summary>Below this, a count of people is shown as "fewer than 5" (published counts suppress small cells).</summary>
    public const int SmallestCount = 5;

    /// <summary>Whether a count of people is published as "fewer than 5" instead of the number.</summary>
    public static bool IsSuppressed(int people) => people < SmallestCount;

    /// <summary>Programmes listed under "programmes that lead there".</summary>
    public const int ProgrammesShown = 5;

    /// <summary>A programme leads to an occupation when it teaches at least this many of its typical skills.</summary>
    public const int LeadingSkills = 2;

    /// <summary>Years ahead the explorer counts retirements.</summary>
    public const int RetirementYears = 10;

    // Real JobTech occupation concepts (the demo catalogue checked every id), grouped by what one does all day.
    private static readonly (string Key, DemoOccupation[] Occupations)[] Groups =
    [
        ("Machines", [DemoCatalogue.CncOperator, DemoCatalogue.Turner, DemoCatalogue.MachineOperator, DemoCatalogue.Grinder, DemoCatalogue.Toolmaker]),
        ("Welding", [DemoCatalogue.Welder, DemoCatalogue.SheetMetalWorker]),
        ("Assembly", [DemoCatalogue.MetalAssembler, DemoCatalogue.PlasticAssembler, DemoCatalogue.ElectricalAssembler]),
        ("Plastics", [DemoCatalogue.PlasticsOperator, DemoCatalogue.PlasticsSetter, DemoCatalogue.InjectionMouldingTechnician, DemoCatalogue.IndustrialPainter, DemoCatalogue.SurfaceTreatmentOperator]),
        ("Robots", [DemoCatalogue.RobotOperator, DemoCatalogue.RobotTechnician, DemoCatalogue.AutomationTechnician, DemoCatalogue.IndustrialElectrician, DemoCatalogue.MaintenanceMechanic]),
        ("Logistics", [DemoCatalogue.WarehouseWorker, DemoCatalogue.ForkliftDriver]),
        ("Leading", [DemoCatalogue.ProductionTechnician, DemoCatalogue.QualityTechnician, DemoCatalogue.ProductionSupervisor]),
    ];

    /// <summary>The groups with their occupations, open places now and retirements ahead (all occupations of a group added up).</summary>
    public async Task<IReadOnlyList<OccupationGroup>> OccupationGroupsAsync(CancellationToken ct)
    {
        var groups = Groups.Select(g => (g.Key, Occupations: g.Occupations.Select(o => taxonomy.FindOccupation(o.Id)).OfType<Occupation>().ToList())).ToList();
        var ids = groups.SelectMany(g => g.Occupations).Select(o => o.Id).ToList();
        var needs = await db.VisibleOpenNeeds().AsNoTracking().Where(n => ids.Contains(n.OccupationId))
            .GroupBy(n => n.OccupationId).Select(g => new { g.Key, Headcount = g.Sum(n => n.Headcount) })
            .ToDictionaryAsync(g => g.Key, g => g.Headcount, StringComparer.Ordinal, ct);
        var cohorts = await db.WorkforceCohorts.AsNoTracking().Where(c => ids.Contains(c.OccupationId)).ToListAsync(ct);
        return groups.Select(g =>
        {
            var inGroup = g.Occupations.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
            return new OccupationGroup(
                g.Key,
                g.Occupations,
                g.Occupations.Sum(o => needs.GetValueOrDefault(o.Id)),
                Retiring(cohorts.Where(c => inGroup.Contains(c.OccupationId))));
        }).ToList();
    }

    /// <summary>The portrait of an occupation; <paramref name="ownSkills"/> are the visitor's skills (empty when anonymous).</summary>
    public async Task<OccupationPortrait?> PortraitAsync(string occupationId, IReadOnlyCollection<string> ownSkills, DateOnly today, CancellationToken ct)
    {
        if (taxonomy.FindOccupation(occupationId) is not { } occupation)
        {
            return null;
        }

        var skills = TypicalSkills.For(taxonomy, occupation.Id, SkillsShown);
        var needs = await db.VisibleOpenNeeds().AsNoTracking().Where(n => n.OccupationId == occupation.Id)
            .Select(n => new { n.Kind, n.Headcount, n.MinimumSwedishLevel }).ToListAsync(ct);
        var retiring = Retiring(await db.WorkforceCohorts.AsNoTracking().Where(c => c.OccupationId == occupation.Id).ToListAsync(ct));

        var skillIds = skills.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var providers = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.EducationProvider)
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var programmes = (await db.VisibleProgrammes().AsNoTracking().ToListAsync(ct))
            .Select(p => new EntryProgramme(
                p.Id, p.Title, providers.GetValueOrDefault(p.ProviderId) ?? string.Empty, p.Level, p.LengthWeeks, p.SkillIds.Distinct(StringComparer.Ordinal).Count(skillIds.Contains)))
            .Where(p => p.SkillsTaught >= LeadingSkills)
            .OrderByDescending(p => p.SkillsTaught).ThenBy(p => p.LengthWeeks).ThenBy(p => p.Id)
            .ToList();
        int Places(NeedKind kind) => needs.Where(n => n.Kind == kind).Sum(n => n.Headcount);
        var places = new EntryPlaces(
            Places(NeedKind.Apprenticeship),
            Places(NeedKind.Internship),
            Places(NeedKind.AplPlace),
            Places(NeedKind.SummerJob),
            Places(NeedKind.Trainee),
            needs.Select(n => n.MinimumSwedishLevel).Where(l => l is not null).DefaultIfEmpty().Min(),
            needs.Where(n => n.MinimumSwedishLevel is null).Sum(n => n.Headcount));
        var nearby = taxonomy.SubstitutesTo(occupation.Id).Where(s => taxonomy.FindOccupation(s.FromOccupationId) is not null)
            .Select(s => new NearbyOccupation(
                s.FromOccupationId,
                s.Percentage,
                TypicalSkills.For(taxonomy, s.FromOccupationId, LearningPathFinder.OccupationSkills).Count(k => skillIds.Contains(k.Id)),
                skills.Count));

        var own = ownSkills.ToHashSet(StringComparer.Ordinal);
        OccupationMove Move(string id, int percentage) => new(
            taxonomy.FindOccupation(id)!,
            percentage,
            taxonomy.SkillsForOccupation(id).Where(s => own.Contains(s.Id)).ToList());

        return new OccupationPortrait(
            occupation,
            taxonomy.OccupationDefinition(occupation.Id),
            skills,
            needs.Sum(n => n.Headcount),
            retiring,
            programmes.Take(ProgrammesShown).ToList(),
            taxonomy.SubstitutesFrom(occupation.Id).Where(s => taxonomy.FindOccupation(s.ToOccupationId) is not null)
                .OrderByDescending(s => s.Percentage).Take(6).Select(s => Move(s.ToOccupationId, s.Percentage)).ToList(),
            taxonomy.SubstitutesTo(occupation.Id).Where(s => taxonomy.FindOccupation(s.FromOccupationId) is not null)
                .OrderByDescending(s => s.Percentage).Take(6).Select(s => Move(s.FromOccupationId, s.Percentage)).ToList(),
            EntryPaths.For(programmes, places, nearby));
    }

    private static int Retiring(IEnumerable<WorkforceCohort> cohorts) =>
        (int)Math.Round(cohorts.Sum(c => RetirementForecast.Cumulative(
            new WorkforceGroup(string.Empty, string.Empty, c.AgeFrom, c.AgeTo, null, c.Count), new InsightsSettings().RetirementAge, RetirementYears)));
}
