using Kompetensbron.Core.Profiles;

namespace Kompetensbron.Core.Needs;

/// <summary>What kind of place an employer offers.</summary>
public enum NeedKind
{
    Job,
    Apprenticeship,
    AplPlace,
    Internship,
    SummerJob,
    Trainee,
}

/// <summary>Life cycle of a need.</summary>
public enum NeedStatus
{
    Draft,
    Open,
    Filled,
    Closed,
}

/// <summary>Where a need's skill comes from: stated by the employer, or recognised by Kompetensbron in the ad's text.</summary>
public enum NeedSkillSource
{
    Stated,
    Recognised,
}

/// <summary>What an employer needs: a place of a kind, for an occupation, with skills and constraints.</summary>
public sealed class Need : IVersioned
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public NeedKind Kind { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }

    /// <summary>JobTech occupation-name concept id.</summary>
    public required string OccupationId { get; set; }

    public int Headcount { get; set; } = 1;
    public List<NeedSkill> Skills { get; set; } = [];

    /// <summary>Codes from <see cref="Licences"/> that are required.</summary>
    public List<string> Licences { get; set; } = [];

    public CefrLevel? MinimumSwedishLevel { get; set; }
    public bool ShiftWork { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? ApplicationDeadline { get; set; }

    /// <summary>The need's id in the system it was imported from (e.g. "jobtech:24681012"); unique, null when entered here.</summary>
    public string? ExternalId { get; set; }

    public int? SiteId { get; set; }
    public NeedStatus Status { get; set; } = NeedStatus.Open;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }
}

/// <summary>A skill a need asks for: required or meriting, with importance 1 (nice) to 3 (essential).</summary>
public sealed class NeedSkill
{
    public int NeedId { get; set; }
    public required string SkillId { get; set; }
    public bool IsRequired { get; set; }
    public int Importance { get; set; } = 2;
    public NeedSkillSource Source { get; set; }
}
