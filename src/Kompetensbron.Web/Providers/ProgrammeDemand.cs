using Kompetensbron.Core.Insights;
using Kompetensbron.Core.Programmes;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data;
using Kompetensbron.Data.Insights;

namespace Kompetensbron.Web.Providers;

/// <summary>Regional demand for one skill: positions that require it now, mention it as meriting, and retirements ahead.</summary>
public sealed record SkillDemand(string SkillId, string Label, double RequiredNow, double MeritingNow, double RetirementsAhead)
{
    /// <summary>Positions asked for now plus the retirements to replace within the forecast years.</summary>
    public double Total => RequiredNow + RetirementsAhead;
}

/// <summary>
/// A programme's demand panel: the regional demand for each skill it teaches, the share of its skills in demand
/// (null for an archived programme, which is left out of the regional figures), and the skills asked for in the
/// region that no programme teaches.
/// </summary>
public sealed record ProgrammeDemandPanel(
    int ForecastYears,
    IReadOnlyList<SkillDemand> Taught,
    ProgrammeRelevance? Relevance,
    IReadOnlyList<SkillDemand> TaughtNowhere);

/// <summary>
/// Builds <see cref="ProgrammeDemandPanel"/> from the same input and calculator as the regional insights
/// (<see cref="InsightsLoader"/>, <see cref="InsightsCalculator"/>), so the panel and the dashboard agree.
/// </summary>
public sealed class ProgrammeDemand(KompetensbronDbContext db, InsightsInputCache cache, TaxonomyModel taxonomy, TimeProvider time)
{
    /// <summary>How far ahead retirements count (the dashboard's default horizon).</summary>
    public const int ForecastYears = 5;

    /// <summary>How many untaught skills the panel lists (the most asked for first).</summary>
    public const int TaughtNowhereShown = 10;

    private static readonly object RegionKey = new();

    public async Task<ProgrammeDemandPanel> ForAsync(Programme programme, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(programme);
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var snapshot = await cache.GetAsync(db, today, ct);
        // The same for every programme until the next change: computed once per snapshot.
        var (now, ahead) = snapshot.Result(RegionKey, input => Tuple.Create(
            InsightsCalculator.Compute(input, InsightsSettings.Default, InsightsFilter.All, 0),
            InsightsCalculator.Compute(input, InsightsSettings.Default, InsightsFilter.All, ForecastYears)));

        var nowBySkill = now.Skills.ToDictionary(s => s.SkillId, StringComparer.Ordinal);
        var aheadBySkill = ahead.Skills.ToDictionary(s => s.SkillId, StringComparer.Ordinal);
        SkillDemand Demand(string id) => new(
            id,
            taxonomy.FindSkill(id)?.Label ?? id,
            nowBySkill.GetValueOrDefault(id)?.RequiredPositions ?? 0,
            nowBySkill.GetValueOrDefault(id)?.MeritingPositions ?? 0,
            aheadBySkill.GetValueOrDefault(id)?.RetirementDemand ?? 0);

        var taught = programme.SkillIds.Distinct(StringComparer.Ordinal).Select(Demand)
            .OrderByDescending(d => d.Total).ThenByDescending(d => d.MeritingNow).ThenBy(d => d.Label, StringComparer.CurrentCulture)
            .ToList();
        var nowhere = ahead.UncoveredSkills.Take(TaughtNowhereShown).Select(s => Demand(s.SkillId)).ToList();
        return new ProgrammeDemandPanel(ForecastYears, taught, now.Programmes.FirstOrDefault(p => p.ProgrammeId == programme.Id), nowhere);
    }
}
