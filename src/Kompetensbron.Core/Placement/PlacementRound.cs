using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Profiles;

namespace Kompetensbron.Core.Placement;

/// <summary>
/// Everything a placement round needs, as plain data that can be stored and run again with the same result:
/// places with capacities and requirements, applicants with ranked wishes, match scores for the pairs and the
/// lottery seed that breaks ties (docs/decisions/0009-placement.md).
/// </summary>
public sealed record PlacementRound
{
    public string Name { get; init; } = "";
    public required IReadOnlyList<PlacementPlace> Places { get; init; }
    public required IReadOnlyList<PlacementApplicant> Applicants { get; init; }

    /// <summary>Match scores (0–1000, the matching engine's scale) per applicant and place; a missing pair scores 0.</summary>
    public IReadOnlyList<PlacementScore> Scores { get; init; } = [];

    /// <summary>Seed of the lottery that orders applicants a place scores equally.</summary>
    public int LotterySeed { get; init; }
}

/// <summary>A place offered in a round: an APL place, internship or summer job with a number of seats.</summary>
public sealed record PlacementPlace
{
    public required string Id { get; init; }
    public string Title { get; init; } = "";
    public NeedKind Kind { get; init; } = NeedKind.AplPlace;

    /// <summary>JobTech occupation-name concept id; reports group gender balance by it.</summary>
    public string OccupationId { get; init; } = "";

    public int Capacity { get; init; } = 1;
    public DateOnly PeriodStart { get; init; }
    public DateOnly PeriodEnd { get; init; }
    public string? Supervisor { get; init; }
    public GeoPoint Location { get; init; }
    public PlacementRequirements Requirements { get; init; } = PlacementRequirements.None;
}

/// <summary>Who may be placed at a place. Rules are data so a round can say why a pair was not allowed.</summary>
public sealed record PlacementRequirements
{
    public static PlacementRequirements None { get; } = new();

    /// <summary>Minimum age on the first day of the period, e.g. 18 where minors may not work near the machines.</summary>
    public int? MinimumAge { get; init; }

    /// <summary>Codes from <see cref="Licences"/> the applicant must hold.</summary>
    public IReadOnlyList<string> RequiredLicences { get; init; } = [];

    /// <summary>A stricter commute limit than the applicant's own (e.g. early shifts); the smaller limit applies.</summary>
    public int? MaxCommuteMinutes { get; init; }
}

/// <summary>A student or young person taking part in a round, with ranked wishes (place ids, best first).</summary>
public sealed record PlacementApplicant
{
    public required string Id { get; init; }

    /// <summary>School or education provider, for the per-school view.</summary>
    public string SchoolId { get; init; } = "";

    /// <summary>Birth date; the age on each place's first day is computed from it. Takes precedence over <see cref="Age"/>.</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>Age at the start of the period when no birth date is given.</summary>
    public int? Age { get; init; }

    /// <summary>Codes from <see cref="Licences"/>.</summary>
    public IReadOnlyList<string> Licences { get; init; } = [];

    public GeoPoint Home { get; init; }
    public int MaxCommuteMinutes { get; init; } = 45;
    public CommuteMode CommuteMode { get; init; } = CommuteMode.PublicTransport;

    /// <summary>Self-declared; only counted in the gender-balance report, never used to decide.</summary>
    public Gender? Gender { get; init; }

    /// <summary>Place ids, most wanted first.</summary>
    public IReadOnlyList<string> Wishes { get; init; } = [];
}

/// <summary>The match score of one applicant for one place (0–1000; the place prefers higher).</summary>
public sealed record PlacementScore(string ApplicantId, string PlaceId, int Score);
