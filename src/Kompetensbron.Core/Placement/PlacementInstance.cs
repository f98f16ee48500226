namespace Kompetensbron.Core.Placement;

/// <summary>The two ways a round can be solved.</summary>
public enum PlacementAlgorithm
{
    /// <summary>Applicant-proposing deferred acceptance: stable, best stable result for every applicant.</summary>
    DeferredAcceptance,

    /// <summary>Min-cost flow: the largest total placement quality within capacities; may leave blocking pairs.</summary>
    MinCostFlow,
}

/// <summary>
/// A <see cref="PlacementRound"/> checked and compiled to arrays once, so both algorithms and the reports run on
/// the same eligible pairs, scores and lottery. Build it, solve it with either algorithm, report on the result.
/// </summary>
public sealed class PlacementInstance
{
    /// <summary>Points for the most wanted wish in <see cref="Quality"/>; also the top of the match-score scale.</summary>
    public const int MaxPoints = 1000;

    private PlacementInstance(PlacementRound round)
    {
        Round = round;
    }

    public PlacementRound Round { get; }

    /// <summary>Applicant–place pairs that were wished and pass every eligibility rule.</summary>
    public int EligiblePairCount => WishPlace.Length;

    internal int ApplicantCount => Round.Applicants.Count;
    internal int PlaceCount => Round.Places.Count;

    /// <summary>Seats per place.</summary>
    internal int[] Capacity { get; private set; } = [];

    /// <summary>The longest wish list in the round; wish ranks run 0 … MaxWishes − 1.</summary>
    internal int MaxWishes { get; private set; }

    /// <summary>Per applicant the number of distinct wishes given (eligible or not).</summary>
    internal int[] WishCount { get; private set; } = [];

    /// <summary>Higher wins the lottery; a permutation of 0 … applicants − 1.</summary>
    internal int[] LotteryRank { get; private set; } = [];

    // Eligible wishes in compressed rows: applicant a's are EligibleStart[a] … EligibleStart[a + 1] − 1, best first.
    internal int[] EligibleStart { get; private set; } = [];
    internal int[] WishApplicant { get; private set; } = [];
    internal int[] WishPlace { get; private set; } = [];

    /// <summary>0-based position in the applicant's own wish list.</summary>
    internal int[] WishRank { get; private set; } = [];

    internal int[] WishScore { get; private set; } = [];
    internal int[] WishQuality { get; private set; } = [];

    /// <summary>How much the place wants the applicant: score, then lottery; distinct for distinct applicants.</summary>
    internal long[] WishKey { get; private set; } = [];

    /// <summary>Wishes that may not be placed, with the reasons, in applicant order.</summary>
    internal List<(int Applicant, int Rank, int Place, Ineligibility Reasons)> IneligibleWishes { get; } = [];

    /// <summary>Checks the round (unique ids, capacities, scores 0–1000) and compiles it.</summary>
    /// <exception cref="ArgumentException">The round is inconsistent; the message says where.</exception>
    public static PlacementInstance Build(PlacementRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        var instance = new PlacementInstance(round);
        instance.Compile();
        return instance;
    }

    /// <summary>Solves the round with one algorithm. Deterministic for the same round.</summary>
    public PlacementAssignment Solve(PlacementAlgorithm algorithm) => new(
        algorithm,
        algorithm switch
        {
            PlacementAlgorithm.DeferredAcceptance => DeferredAcceptance.Solve(this),
            PlacementAlgorithm.MinCostFlow => WelfareOptimalAssignment.Solve(this),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown placement algorithm."),
        });

    /// <summary>
    /// Quality of placing an applicant at a wish: the match score (0–1000) plus 1000 × (K − r) / K points for the
    /// wish rank r (0 = first) where K is the longest wish list, so the place's view and the applicant's count
    /// equally (docs/decisions/0009-placement.md).
    /// </summary>
    public static int Quality(int score, int wishRank, int maxWishes) =>
        score + (MaxPoints * (maxWishes - wishRank) / Math.Max(1, maxWishes));

    private void Compile()
    {
        var places = Round.Places;
        var applicants = Round.Applicants;
        var placeIndex = new Dictionary<string, int>(places.Count, StringComparer.Ordinal);
        Capacity = new int[places.Count];
        for (var p = 0; p < places.Count; p++)
        {
            var place = places[p];
            if (!placeIndex.TryAdd(place.Id, p))
            {
                throw new ArgumentException($"Place id '{place.Id}' occurs more than once.", nameof(Round));
            }

            if (place.Capacity < 0)
            {
                throw new ArgumentException($"Place '{place.Id}' has a negative capacity.", nameof(Round));
            }

            Capacity[p] = place.Capacity;
        }

        var applicantIndex = new Dictionary<string, int>(applicants.Count, StringComparer.Ordinal);
        for (var a = 0; a < applicants.Count; a++)
        {
            if (!applicantIndex.TryAdd(applicants[a].Id, a))
            {
                throw new ArgumentException($"Applicant id '{applicants[a].Id}' occurs more than once.", nameof(Round));
            }
        }

        var scores = new Dictionary<long, int>(Round.Scores.Count);
        foreach (var score in Round.Scores)
        {
            if (score.Score is < 0 or > MaxPoints)
            {
                throw new ArgumentException($"Score {score.Score} for '{score.ApplicantId}' at '{score.PlaceId}' is outside 0–{MaxPoints}.", nameof(Round));
            }

            if (applicantIndex.TryGetValue(score.ApplicantId, out var a) && placeIndex.TryGetValue(score.PlaceId, out var p))
            {
                scores[PairKey(a, p)] = score.Score;
            }
        }

        LotteryRank = Lottery.Ranks(Round.LotterySeed, applicants);
        WishCount = new int[applicants.Count];
        var totalWishes = 0;
        foreach (var applicant in applicants)
        {
            totalWishes += applicant.Wishes.Count;
            MaxWishes = Math.Max(MaxWishes, applicant.Wishes.Count);
        }

        EligibleStart = new int[applicants.Count + 1];
        var wishApplicant = new int[totalWishes];
        var wishPlace = new int[totalWishes];
        var wishRank = new int[totalWishes];
        var wishScore = new int[totalWishes];
        var wishQuality = new int[totalWishes];
        var wishKey = new long[totalWishes];
        var eligible = 0;
        var seen = new HashSet<int>();
        for (var a = 0; a < applicants.Count; a++)
        {
            var applicant = applicants[a];
            EligibleStart[a] = eligible;
            seen.Clear();
            for (var r = 0; r < applicant.Wishes.Count; r++)
            {
                if (!placeIndex.TryGetValue(applicant.Wishes[r], out var p))
                {
                    IneligibleWishes.Add((a, r, -1, Ineligibility.UnknownPlace));
                    WishCount[a]++;
                    continue;
                }

                if (!seen.Add(p))
                {
                    continue; // a repeated wish adds nothing
                }

                WishCount[a]++;
                var reasons = PlacementEligibility.Check(applicant, places[p]);
                if (reasons != Ineligibility.None)
                {
                    IneligibleWishes.Add((a, r, p, reasons));
                    continue;
                }

                var score = scores.GetValueOrDefault(PairKey(a, p));
                wishApplicant[eligible] = a;
                wishPlace[eligible] = p;
                wishRank[eligible] = r;
                wishScore[eligible] = score;
                wishQuality[eligible] = Quality(score, r, MaxWishes);
                wishKey[eligible] = ((long)score << 32) | (uint)LotteryRank[a];
                eligible++;
            }
        }

        EligibleStart[applicants.Count] = eligible;
        WishApplicant = wishApplicant[..eligible];
        WishPlace = wishPlace[..eligible];
        WishRank = wishRank[..eligible];
        WishScore = wishScore[..eligible];
        WishQuality = wishQuality[..eligible];
        WishKey = wishKey[..eligible];
    }

    private static long PairKey(int applicant, int place) => ((long)applicant << 32) | (uint)place;
}

/// <summary>The result of solving a <see cref="PlacementInstance"/>: for each applicant the wish they got, if any.</summary>
public sealed class PlacementAssignment
{
    internal PlacementAssignment(PlacementAlgorithm algorithm, int[] assignedWish)
    {
        Algorithm = algorithm;
        AssignedWish = assignedWish;
        foreach (var wish in assignedWish)
        {
            if (wish >= 0)
            {
                PlacedCount++;
            }
        }
    }

    public PlacementAlgorithm Algorithm { get; }
    public int PlacedCount { get; }

    /// <summary>Per applicant an index into the instance's eligible wishes, or −1 when unplaced.</summary>
    internal int[] AssignedWish { get; }
}
