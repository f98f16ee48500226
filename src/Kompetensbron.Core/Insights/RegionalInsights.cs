namespace Kompetensbron.Core.Insights;

/// <summary>Which part of the region a view covers; null members mean "all".</summary>
public sealed record InsightsFilter(string? MunicipalityCode = null, Func<string, bool>? Ssyk4Filter = null)
{
    public static InsightsFilter All { get; } = new();

    public bool Includes(string municipalityCode) => MunicipalityCode is null || MunicipalityCode == municipalityCode;

    public bool IncludesOccupation(string ssyk4Id) => Ssyk4Filter is null || Ssyk4Filter(ssyk4Id);
}

/// <summary>Demand and supply of one occupation group (SSYK-4) at a horizon.</summary>
public sealed record OccupationBalance(
    string Ssyk4Id,
    double OpenPositions,
    double Retirements,
    double ProfileSupply,
    double ProgrammeSupply)
{
    public double Demand => OpenPositions + Retirements;
    public double Supply => ProfileSupply + ProgrammeSupply;
    public double Gap => Demand - Supply;

    /// <summary>(demand − supply) / (demand + supply): +1 nobody to hire, 0 balance, −1 no demand.</summary>
    public double ShortageIndex => Demand + Supply == 0 ? 0 : (Demand - Supply) / (Demand + Supply);
}

/// <summary>Demand and supply of one skill at a horizon.</summary>
public sealed record SkillBalance(
    string SkillId,
    double RequiredPositions,
    double MeritingPositions,
    double RetirementDemand,
    double ProfileSupply,
    double ProgrammeSupply,
    bool TaughtInRegion)
{
    /// <summary>Positions that require the skill, now and to replace retirements; meriting mentions are shown apart.</summary>
    public double Demand => RequiredPositions + RetirementDemand;
    public double Supply => ProfileSupply + ProgrammeSupply;
    public double Gap => Demand - Supply;
}

/// <summary>Demand and supply in one municipality at a horizon.</summary>
public sealed record MunicipalityBalance(
    string MunicipalityCode, double OpenPositions, double Retirements, double ProfileSupply, double ProgrammeSupply)
{
    public double Demand => OpenPositions + Retirements;
    public double Supply => ProfileSupply + ProgrammeSupply;
    public double Gap => Demand - Supply;
}

/// <summary>How well a programme's skills meet regional demand.</summary>
public sealed record ProgrammeRelevance(
    int ProgrammeId,
    string Title,
    int ProviderId,
    int Seats,
    int TaughtSkills,
    int InDemandSkills,
    double Share,
    double WeightedShare,
    double DemandAddressed);

/// <summary>A provider's programmes together (seat-weighted).</summary>
public sealed record ProviderRelevance(int ProviderId, string Name, int Programmes, double WeightedShare);

/// <summary>Counts by self-declared gender; <see cref="Unknown"/> for those who did not say.</summary>
public sealed record GenderCounts(double Women, double Men, double NonBinary, double Unknown)
{
    public double Total => Women + Men + NonBinary + Unknown;

    /// <summary>Share of women among those who declared a gender; null when nobody did.</summary>
    public double? ShareWomen => Women + Men + NonBinary == 0 ? null : Women / (Women + Men + NonBinary);
}

/// <summary>Gender balance of an occupation group among profiles and in employers' workforce.</summary>
public sealed record GenderBalance(string Ssyk4Id, GenderCounts Profiles, GenderCounts Workforce);

/// <summary>The region's totals at a horizon.</summary>
public sealed record InsightsTotals(
    double OpenPositions, double Retirements, double Profiles, double ProgrammeSupply)
{
    public double Demand => OpenPositions + Retirements;
    public double Supply => Profiles + ProgrammeSupply;
}

/// <summary>Everything the coordinator dashboard shows for one filter and horizon.</summary>
public sealed record RegionalInsights(
    int Horizon,
    InsightsTotals Totals,
    IReadOnlyList<OccupationBalance> Occupations,
    IReadOnlyList<SkillBalance> Skills,
    IReadOnlyList<MunicipalityBalance> Municipalities,
    IReadOnlyList<ProgrammeRelevance> Programmes,
    IReadOnlyList<ProviderRelevance> Providers,
    IReadOnlyList<SkillBalance> UncoveredSkills,
    IReadOnlyList<GenderBalance> GenderBalance,
    IReadOnlyDictionary<string, double[]> RetirementsPerYear,
    IReadOnlyList<TargetGroupReach> Reach,
    IReadOnlyList<OccupationHires> Hires);
