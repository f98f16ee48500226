using Kompetensbron.Core.Geography;

namespace Kompetensbron.Core.Profiles;

/// <summary>Common European Framework of Reference language levels.</summary>
public enum CefrLevel
{
    A1 = 1,
    A2,
    B1,
    B2,
    C1,
    C2,
}

/// <summary>Where a skill was shown.</summary>
public enum SkillEvidence
{
    Work,
    Education,
    Validated,
}

/// <summary>Self-declared, optional; used only in aggregate, never for ranking.</summary>
public enum Gender
{
    Woman,
    Man,
    NonBinary,
}

/// <summary>Self-declared, optional; used only in aggregate, never for ranking.</summary>
public enum TargetGroup
{
    Youth,
    NewlyArrived,
    Unemployed,
    CareerChanger,
}

/// <summary>Who may see a profile.</summary>
public enum ProfileVisibility
{
    Hidden,
    PseudonymousToApprovedEmployers,
    Visible,
}

/// <summary>A person's skills, experience, place and preferences.</summary>
public sealed class Profile : IVersioned
{
    public int Id { get; set; }

    /// <summary>The account that owns the profile; null for demo profiles without a login.</summary>
    public string? UserId { get; set; }

    public required string DisplayName { get; set; }
    public List<ProfileSkill> Skills { get; set; } = [];
    public List<ProfileOccupation> Occupations { get; set; } = [];
    public List<ProfileLanguage> Languages { get; set; } = [];

    /// <summary>Codes from <see cref="Licences"/>.</summary>
    public List<string> Licences { get; set; } = [];

    public required string MunicipalityCode { get; set; }
    public string? PlaceName { get; set; }
    public string? PostalCode { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public int MaxCommuteMinutes { get; set; } = 45;
    public CommuteMode CommuteMode { get; set; }
    public DateOnly? AvailableFrom { get; set; }
    public Gender? Gender { get; set; }
    public TargetGroup? TargetGroup { get; set; }
    public ProfileVisibility Visibility { get; set; } = ProfileVisibility.PseudonymousToApprovedEmployers;

    /// <summary>
    /// The person's own choice to take part in placement rounds (APL places, internships, summer jobs). Only such
    /// profiles are added to a round from the profiles; a pupil on a school's own list comes in by that list instead.
    /// </summary>
    public bool JoinsPlacementRounds { get; set; }

    public bool IsDemo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }
}

/// <summary>A skill with level 1 (beginner) to 4 (expert) and its evidence.</summary>
public sealed class ProfileSkill
{
    public int ProfileId { get; set; }
    public required string SkillId { get; set; }
    public int Level { get; set; } = 2;
    public SkillEvidence Evidence { get; set; }
}

/// <summary>An occupation the person has worked in, with years of experience.</summary>
public sealed class ProfileOccupation
{
    public int ProfileId { get; set; }
    public required string OccupationId { get; set; }
    public decimal Years { get; set; }
}

/// <summary>A language (JobTech concept id) at a CEFR level.</summary>
public sealed class ProfileLanguage
{
    public int ProfileId { get; set; }
    public required string LanguageId { get; set; }
    public CefrLevel Level { get; set; }
}
