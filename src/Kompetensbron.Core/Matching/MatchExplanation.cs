using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Profiles;

namespace Kompetensbron.Core.Matching;

/// <summary>Why a pair is not ranked; nothing is left out without one of these reasons.</summary>
[Flags]
public enum MatchExclusions
{
    None = 0,

    /// <summary>The need requires a licence or certificate the person does not have.</summary>
    MissingLicence = 1,

    /// <summary>The person's Swedish is below the need's minimum (or not stated).</summary>
    SwedishTooLow = 2,

    /// <summary>The person is available only after the need's start date.</summary>
    NotAvailableByStart = 4,

    /// <summary>The estimated commute is longer than the person's own maximum.</summary>
    CommuteTooLong = 8,

    /// <summary>The person has chosen not to be shown to employers (profiles for a need only).</summary>
    ProfileHidden = 16,

    /// <summary>No skill, related skill or experience in common: commute alone is no match.</summary>
    NothingInCommon = 32,
}

/// <summary>Whom an explanation speaks to: the person ("Du har …") or the employer ("Personen har …").</summary>
public enum MatchPerspective
{
    Person,
    Employer,
}

/// <summary>A ranked pair: the need, the profile and the score (0–1000).</summary>
public readonly record struct MatchResult(int NeedId, int ProfileId, int Score);

/// <summary>The score's parts in whole points; <see cref="Total"/> is the score.</summary>
public readonly record struct MatchComponents(int Required, int Related, int Meriting, int Experience, int Commute)
{
    public int Total => Required + Related + Meriting + Experience + Commute;
}

/// <summary>A need skill the person has, at a level, and the points it earned.</summary>
public sealed record SkillCredit(string SkillId, int Level, int Points);

/// <summary>A related skill that earned partial credit for a required skill the person lacks, and why.</summary>
public sealed record RelatedCredit(string RequiredSkillId, string StandInSkillId, int Level, int ClosenessPermille, int Points, RelatedReason? Reason);

/// <summary>Experience that counted: the person's occupation, years, how much it counts (%) and the points.</summary>
public sealed record ExperienceCredit(string OccupationId, decimal Years, int AffinityPercent, int Points);

/// <summary>
/// Everything behind one pair's score: the components (which add up to <see cref="Score"/>), matched, related and
/// missing skills, experience, distance and commute, and the reasons when the pair is excluded.
/// </summary>
public sealed record MatchExplanation(
    int NeedId,
    int ProfileId,
    MatchComponents Components,
    MatchExclusions Exclusions,
    int RequiredCount,
    IReadOnlyList<SkillCredit> MatchedRequired,
    IReadOnlyList<SkillCredit> MatchedMeriting,
    IReadOnlyList<RelatedCredit> Related,
    IReadOnlyList<string> MissingRequired,
    ExperienceCredit? Experience,
    double DistanceKm,
    int CommuteMinutes,
    CommuteMode CommuteMode,
    int MaxCommuteMinutes,
    IReadOnlyList<string> MissingLicences,
    CefrLevel? MinimumSwedishLevel,
    CefrLevel? SwedishLevel,
    DateOnly? StartDate,
    DateOnly? AvailableFrom)
{
    /// <summary>The score: the sum of the components.</summary>
    public int Score => Components.Total;

    public bool IsExcluded => Exclusions != MatchExclusions.None;
}
