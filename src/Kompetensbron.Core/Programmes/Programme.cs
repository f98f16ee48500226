namespace Kompetensbron.Core.Programmes;

/// <summary>The kind of education offer.</summary>
public enum ProgrammeLevel
{
    UpperSecondary,
    Komvux,
    Yh,
    ShortCourse,
    CompanyTraining,
}

/// <summary>An education offer from a provider: skills taught, length, starts, seats and place.</summary>
public sealed class Programme : IVersioned
{
    public int Id { get; set; }
    public int ProviderId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }

    /// <summary>SUN 2020 education field code (e.g. "521a").</summary>
    public string? SunFieldCode { get; set; }

    /// <summary>SUN 2020 education level code (e.g. "322").</summary>
    public string? SunLevelCode { get; set; }

    public ProgrammeLevel Level { get; set; }

    /// <summary>JobTech skill concept ids the programme teaches.</summary>
    public List<string> SkillIds { get; set; } = [];

    public int LengthWeeks { get; set; }
    public List<DateOnly> StartDates { get; set; } = [];
    public int Seats { get; set; }
    public int? SiteId { get; set; }
    public bool IsDistance { get; set; }
    public bool IsArchived { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }
}
