using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Profiles;

namespace Kompetensbron.Core.Matching;

/// <summary>
/// What the matching engine knows about an open need: plain data, built from a <see cref="Need"/> and its site by
/// <see cref="MatchRecordMapper"/>.
/// </summary>
public sealed record MatchNeed(
    int Id,
    NeedKind Kind,
    string OccupationId,
    string MunicipalityCode,
    GeoPoint Location,
    IReadOnlyList<MatchNeedSkill> Skills,
    IReadOnlyList<string> Licences,
    CefrLevel? MinimumSwedishLevel,
    DateOnly? StartDate);

/// <summary>A skill a need asks for: required or meriting, importance 1 (nice) to 3 (essential).</summary>
public readonly record struct MatchNeedSkill(string SkillId, bool IsRequired, int Importance);

/// <summary>
/// What the matching engine knows about a person. Gender, age and target group are deliberately absent: they
/// cannot enter a score because the engine never sees them.
/// </summary>
public sealed record MatchProfile(
    int Id,
    IReadOnlyList<MatchProfileSkill> Skills,
    IReadOnlyList<MatchExperience> Occupations,
    CefrLevel? SwedishLevel,
    IReadOnlyList<string> Licences,
    string MunicipalityCode,
    GeoPoint Location,
    int MaxCommuteMinutes,
    CommuteMode CommuteMode,
    DateOnly? AvailableFrom,
    bool IsVisibleToEmployers);

/// <summary>A skill a person has, level 1 (beginner) to 4 (expert).</summary>
public readonly record struct MatchProfileSkill(string SkillId, int Level);

/// <summary>Years of experience in an occupation (JobTech occupation-name id).</summary>
public readonly record struct MatchExperience(string OccupationId, decimal Years);
