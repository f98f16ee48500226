using Kompetensbron.Core.Profiles;

namespace Kompetensbron.Core.Placement;

/// <summary>A solved round as plain data: every applicant's outcome and the reports built from it.</summary>
public sealed record PlacementResult
{
    public required PlacementSummary Summary { get; init; }

    /// <summary>One outcome per applicant, in the round's applicant order.</summary>
    public required IReadOnlyList<ApplicantOutcome> Applicants { get; init; }

    /// <summary>Up to <see cref="PlacementReports.BlockingPairSampleSize"/> blocking pairs; the count is in the summary.</summary>
    public required IReadOnlyList<BlockingPair> BlockingPairSample { get; init; }

    /// <summary>Raw counts; suppress small cells when publishing (Insights.PublishedCount).</summary>
    public required IReadOnlyList<OccupationGenderBalance> GenderBalance { get; init; }

    public required IReadOnlyList<SchoolSummary> Schools { get; init; }

    public IEnumerable<ApplicantOutcome> Unplaced => Applicants.Where(a => a.PlaceId is null);
}

/// <summary>The headline numbers of one algorithm's result, for the side-by-side comparison. PlacedByWishRank: Index 0 counts applicants placed at their 1st wish, index 1 their 2nd, … TotalQuality: Sum of <see cref="PlacementInstance.Quality"/> over placed applicants. MeanWishRank: Mean 1-based wish rank of placed applicants; null when nobody was placed.</summary>
public sealed record PlacementSummary(
    PlacementAlgorithm Algorithm,
    int Applicants,
    int Seats,
    int Placed,
    int Unplaced,
    long TotalQuality,
    double? MeanWishRank,
    int BlockingPairs,
    IReadOnlyList<int> PlacedByWishRank);

/// <summary>Why an applicant was left without a place.</summary>
public enum UnplacedReason
{
    /// <summary>The applicant named no wishes.</summary>
    NoWishes,

    /// <summary>Every wish is ruled out by an eligibility rule (see the applicant's ineligible wishes).</summary>
    NoEligibleWish,

    /// <summary>Every eligible wish is full with applicants the place ranks higher (score, then lottery).</summary>
    OutrankedAtEveryEligibleWish,

    /// <summary>A full eligible wish holds someone the place ranks lower: their seat gave a larger total quality.</summary>
    SeatGivenForTotalQuality,
}

/// <summary>What one applicant got, or why not, and which wishes were ruled out. WishRank: 1-based position of the place in the applicant's wishes.</summary>
public sealed record ApplicantOutcome(
    string ApplicantId,
    string SchoolId,
    string? PlaceId,
    int? WishRank,
    int? Score,
    int? Quality,
    UnplacedReason? UnplacedReason,
    IReadOnlyList<IneligibleWish> IneligibleWishes);

/// <summary>A wish that could not be granted, with the reasons and the numbers behind them. WishRank: 1-based position in the applicant's wishes.</summary>
public sealed record IneligibleWish(
    string PlaceId,
    int WishRank,
    Ineligibility Reasons,
    int? CommuteMinutes,
    int? CommuteLimitMinutes,
    int? AgeAtStart,
    int? MinimumAge,
    IReadOnlyList<string> MissingLicences);

/// <summary>An applicant and a place that both would rather have each other than what they got. WishRank: 1-based position of the place in the applicant's wishes.</summary>
public sealed record BlockingPair(string ApplicantId, string PlaceId, int WishRank);

/// <summary>Placed applicants per occupation by self-declared gender (raw counts).</summary>
public sealed record OccupationGenderBalance(string OccupationId, int Women, int Men, int NonBinary, int NotStated)
{
    public int Total => Women + Men + NonBinary + NotStated;

    internal OccupationGenderBalance Add(Gender? gender) => gender switch
    {
        Gender.Woman => this with { Women = Women + 1 },
        Gender.Man => this with { Men = Men + 1 },
        Gender.NonBinary => this with { NonBinary = NonBinary + 1 },
        _ => this with { NotStated = NotStated + 1 },
    };
}

/// <summary>How one school's or provider's applicants fared.</summary>
public sealed record SchoolSummary(string SchoolId, int Applicants, int Placed, int PlacedAtFirstWish, double? MeanWishRank)
{
    public int Unplaced => Applicants - Placed;
}

/// <summary>Two algorithms' results on the same round side by side, and how applicants moved between them. BetterOffInSecond: Applicants with a better wish (or a place instead of none) in the second result.</summary>
public sealed record PlacementComparison(
    PlacementSummary First,
    PlacementSummary Second,
    int BetterOffInSecond,
    int WorseOffInSecond,
    int Unchanged);
