using Kompetensbron.Core.Demo;
using Kompetensbron.Core.Gaps;
using Kompetensbron.Core.Insights;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Web.Persons;

/// <summary>A group of manufacturing occupations named by what the work is, not by its statistical class.</summary>
public sealed record OccupationGroup(string Key, IReadOnlyList<Occupation> Occupations);

/// <summary>"From X you can move to Y; you already have …".</summary>
public sealed record OccupationMove(Occupation Occupation, int Percentage, IReadOnlyList<Skill> AlreadyHave);

/// <summary>A programme that teaches several of the occupation's typical skills.</summary>
public sealed record LeadingProgramme(int Id, string Title, int LengthWeeks, int SkillsTaught);

/// <summary>Everything the career explorer shows about one occupation.</summary>
public sealed record OccupationPortrait(
    Occupation Occupation,
    string? Definition,
    IReadOnlyList<Skill> Skills,
    int OpenNeeds,
    int RetiringInTenYears,
    IReadOnlyList<LeadingProgramme> Programmes,
    IReadOnlyList<OccupationMove> MovesTo,
    IReadOnlyList<OccupationMove> MovesFrom);

/// <summary>The career explorer's content: manufacturing occupations in groups, and one occupation's portrait.</summary>
public sealed class CareerExplorer(KompetensbronDbContext db, TaxonomyModel taxonomy)
{
    /// <summary>Typical skills shown per occupation.</summary>
    public const int SkillsShown = 10;

    /// <summary>Below this, a count of people is shown as "fewer than 5" (published counts suppress small cells).</summary>
    public const int SmallestCount = 5;

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

    public IReadOnlyList<OccupationGroup> OccupationGroups() =>
        Groups.Select(g => new OccupationGroup(g.Key, g.Occupations.Select(o => taxonomy.FindOccupation(o.Id)).OfType<Occupation>().ToList())).ToList();

    /// <summary>The portrait of an occupation; <paramref name="ownSkills"/> are the visitor's skills (empty when anonymous).</summary>
    public async Task<OccupationPortrait?> PortraitAsync(string occupationId, IReadOnlyCollection<string> ownSkills, DateOnly today, CancellationToken ct)
    {
        if (taxonomy.FindOccupation(occupationId) is not { } occupation)
        {
            return null;
        }

        var skills = TypicalSkills.For(taxonomy, occupation.Id, SkillsShown);
        var openNeeds = await db.Needs.AsNoTracking().Where(n => n.OccupationId == occupation.Id && n.Status == NeedStatus.Open && db.Organisations.Any(o => o.Id == n.OrganisationId && o.IsApproved)).SumAsync(n => n.Headcount, ct);
        var cohorts = await db.WorkforceCohorts.AsNoTracking().Where(c => c.OccupationId == occupation.Id).ToListAsync(ct);
        var retiring = (int)Math.Round(cohorts.Sum(c => RetirementForecast.Cumulative(
            new WorkforceGroup(occupation.Ssyk4Id, string.Empty, c.AgeFrom, c.AgeTo, null, c.Count), new InsightsSettings().RetirementAge, 10)));

        var skillIds = skills.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var programmes = (await db.Programmes.AsNoTracking().Where(p => !p.IsArchived).ToListAsync(ct))
            .Select(p => new LeadingProgramme(p.Id, p.Title, p.LengthWeeks, p.SkillIds.Count(skillIds.Contains)))
            .Where(p => p.SkillsTaught >= 2)
            .OrderByDescending(p => p.SkillsTaught).ThenBy(p => p.LengthWeeks).ThenBy(p => p.Id)
            .Take(5)
            .ToList();

        var own = ownSkills.ToHashSet(StringComparer.Ordinal);
        OccupationMove Move(string id, int percentage) => new(
            taxonomy.FindOccupation(id)!,
            percentage,
            taxonomy.SkillsForOccupation(id).Where(s => own.Contains(s.Id)).ToList());

        return new OccupationPortrait(
            occupation,
            taxonomy.OccupationDefinition(occupation.Id),
            skills,
            openNeeds,
            retiring,
            programmes,
            taxonomy.SubstitutesFrom(occupation.Id).Where(s => taxonomy.FindOccupation(s.ToOccupationId) is not null)
                .OrderByDescending(s => s.Percentage).Take(6).Select(s => Move(s.ToOccupationId, s.Percentage)).ToList(),
            taxonomy.SubstitutesTo(occupation.Id).Where(s => taxonomy.FindOccupation(s.FromOccupationId) is not null)
                .OrderByDescending(s => s.Percentage).Take(6).Select(s => Move(s.FromOccupationId, s.Percentage)).ToList());
    }
}
