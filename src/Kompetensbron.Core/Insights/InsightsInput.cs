using Kompetensbron.Core.Profiles;

namespace Kompetensbron.Core.Insights;

/// <summary>Open positions of one need, located where the work is (each skill id once).</summary>
public sealed record DemandNeed(
    string Ssyk4Id, string MunicipalityCode, int Headcount, IReadOnlyList<string> RequiredSkillIds, IReadOnlyList<string> MeritingSkillIds);

/// <summary>A workforce cohort (an employer's staff in one occupation and age band) located at the employer.</summary>
public sealed record WorkforceGroup(string Ssyk4Id, string MunicipalityCode, int AgeFrom, int AgeTo, Gender? Gender, int Count);

/// <summary>A person as supply: where they live, their skills and the SSYK-4 groups they have worked in (each id once).</summary>
public sealed record SupplyProfile(
    string MunicipalityCode, IReadOnlyList<string> SkillIds, IReadOnlyList<string> Ssyk4Ids, Gender? Gender, TargetGroup? TargetGroup)
{
    /// <summary>The profile's id, to look it up in <see cref="InsightsInput.ReachableProfileIds"/>.</summary>
    public int ProfileId { get; init; }
}

/// <summary>
/// An education offer as future supply. <see cref="TargetSsyk4Id"/> is the occupation group it leads to
/// (see <see cref="ProgrammeOccupation"/>); listed start dates are taken to repeat every year.
/// </summary>
public sealed record ProgrammeOffer(
    int ProgrammeId,
    string Title,
    int ProviderId,
    string ProviderName,
    string MunicipalityCode,
    IReadOnlyList<string> SkillIds,
    int Seats,
    int LengthWeeks,
    IReadOnlyList<DateOnly> StartDates,
    string? TargetSsyk4Id);

/// <summary>Everything the regional insights are computed from, as of <see cref="Today"/>.</summary>
public sealed record InsightsInput(
    DateOnly Today,
    IReadOnlyList<DemandNeed> Needs,
    IReadOnlyList<WorkforceGroup> Workforce,
    IReadOnlyList<SupplyProfile> Profiles,
    IReadOnlyList<ProgrammeOffer> Programmes)
{
    /// <summary>Profiles with at least one open need within their commute, from the match index; null: not known (no reach table).</summary>
    public IReadOnlySet<int>? ReachableProfileIds { get; init; }

    /// <summary>Hires recorded in the employer pipeline.</summary>
    public IReadOnlyList<Hire> Hires { get; init; } = [];
}

/// <summary>Settings of the forecast model (see docs/decisions/0010-insights-model.md).</summary>
public sealed record InsightsSettings
{
    /// <summary>The age at which staff are expected to retire.</summary>
    public int RetirementAge { get; init; } = 65;

    /// <summary>The share of a programme's seats that become people with its skills.</summary>
    public double CompletionRate { get; init; } = 0.8;

    public static InsightsSettings Default { get; } = new();
}

/// <summary>The horizons the dashboard shows, in years from today; 0 is "now".</summary>
public static class Horizons
{
    public static IReadOnlyList<int> All { get; } = [0, 1, 3, 5, 10];
}
