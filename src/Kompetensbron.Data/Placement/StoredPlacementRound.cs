using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Placement;

namespace Kompetensbron.Data.Placement;

/// <summary>Where a stored round is in its life: being prepared, solved (results to compare), or published to people.</summary>
public enum PlacementRoundStatus
{
    Draft,
    Run,
    Published,
}

/// <summary>
/// A placement round as a coordinator or education provider prepares it: places from needs, applicants from profiles
/// or a CSV file, and the results of both algorithms. Converted to Core's <see cref="PlacementRound"/> to run.
/// </summary>
public sealed class StoredPlacementRound
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The kind of places the round fills (APL place, internship or summer job).</summary>
    public NeedKind Kind { get; set; } = NeedKind.AplPlace;

    /// <summary>The education provider that owns the round; null for a coordinator's round.</summary>
    public int? OwnerOrganisationId { get; set; }

    public required string CreatedByUserId { get; set; }
    public PlacementRoundStatus Status { get; set; }
    public int LotterySeed { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public PlacementAlgorithm? PublishedAlgorithm { get; set; }
    public List<RoundPlace> Places { get; set; } = [];
    public List<RoundApplicant> Applicants { get; set; } = [];
    public List<RoundResult> Results { get; set; } = [];
}

/// <summary>A need taking part in a round, with the seats it offers in this round (the need's headcount to start with).</summary>
public sealed class RoundPlace
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int NeedId { get; set; }
    public int Capacity { get; set; } = 1;

    /// <summary>Minimum age on the first day, e.g. 18 where minors may not work near the machines; null: no limit.</summary>
    public int? MinimumAge { get; set; }

    /// <summary>The workplace supervisor (handledare) the student reports to.</summary>
    public string? Supervisor { get; set; }
}

/// <summary>A student in a round: a profile, or a row of an uploaded CSV file.</summary>
public sealed class RoundApplicant
{
    public int Id { get; set; }
    public int RoundId { get; set; }

    /// <summary>The profile the applicant comes from; null for a CSV row.</summary>
    public int? ProfileId { get; set; }

    public required string Name { get; set; }
    public string School { get; set; } = "";
    public DateOnly? BirthDate { get; set; }

    /// <summary>Need ids, most wanted first; empty means "propose from the applicant's matches".</summary>
    public List<int> Wishes { get; set; } = [];
}

/// <summary>One algorithm's result of the latest run: the round as it was run and the result, both as JSON (PlacementRoundJson).</summary>
public sealed class RoundResult
{
    public int RoundId { get; set; }
    public PlacementAlgorithm Algorithm { get; set; }
    public required string RoundJson { get; set; }
    public required string ResultJson { get; set; }
    public DateTimeOffset RunAt { get; set; }
}
