namespace Kompetensbron.Core.Placement;

/// <summary>Builds the reports of a solved round: stability, rank distribution, unplaced, gender, schools, comparison.</summary>
public static class PlacementReports
{
    public const int BlockingPairSampleSize = 20;

    /// <summary>Everything about one assignment of the instance, as plain data.</summary>
    public static PlacementResult Report(PlacementInstance instance, PlacementAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(assignment);
        var round = instance.Round;
        var assigned = assignment.AssignedWish;
        var (held, weakestHeld) = Holdings(instance, assigned);
        var sample = new List<BlockingPair>();
        var blockingPairs = CountBlockingPairs(instance, assigned, held, weakestHeld, sample);

        var byRank = new int[instance.MaxWishes];
        var outcomes = new ApplicantOutcome[instance.ApplicantCount];
        var gender = new Dictionary<string, OccupationGenderBalance>(StringComparer.Ordinal);
        var schools = new Dictionary<string, (int Applicants, int Placed, int First, long RankSum)>(StringComparer.Ordinal);
        long totalQuality = 0;
        long rankSum = 0;
        var nextIneligible = 0;
        for (var a = 0; a < instance.ApplicantCount; a++)
        {
            var applicant = round.Applicants[a];
            var ineligible = new List<IneligibleWish>();
            while (nextIneligible < instance.IneligibleWishes.Count && instance.IneligibleWishes[nextIneligible].Applicant == a)
            {
                ineligible.Add(Describe(instance, instance.IneligibleWishes[nextIneligible++]));
            }

            var school = schools.GetValueOrDefault(applicant.SchoolId);
            school.Applicants++;
            var w = assigned[a];
            if (w >= 0)
            {
                var place = round.Places[instance.WishPlace[w]];
                var rank = instance.WishRank[w];
                byRank[rank]++;
                rankSum += rank + 1;
                totalQuality += instance.WishQuality[w];
                school.Placed++;
                school.RankSum += rank + 1;
                school.First += rank == 0 ? 1 : 0;
                gender[place.OccupationId] = gender.GetValueOrDefault(place.OccupationId, new(place.OccupationId, 0, 0, 0, 0)).Add(applicant.Gender);
                outcomes[a] = new(applicant.Id, applicant.SchoolId, place.Id, rank + 1, instance.WishScore[w], instance.WishQuality[w], null, ineligible);
            }
            else
            {
                var reason = UnplacedReasonOf(instance, a, held, weakestHeld);
                outcomes[a] = new(applicant.Id, applicant.SchoolId, null, null, null, null, reason, ineligible);
            }

            schools[applicant.SchoolId] = school;
        }

        var seats = 0;
        foreach (var capacity in instance.Capacity)
        {
            seats += capacity;
        }

        var placed = assignment.PlacedCount;
        var summary = new PlacementSummary(
            assignment.Algorithm,
            instance.ApplicantCount,
            seats,
            placed,
            instance.ApplicantCount - placed,
            totalQuality,
            placed == 0 ? null : (double)rankSum / placed,
            blockingPairs,
            byRank);
        return new PlacementResult
        {
            Summary = summary,
            Applicants = outcomes,
            BlockingPairSample = sample,
            GenderBalance = [.. gender.Values.OrderBy(g => g.OccupationId, StringComparer.Ordinal)],
            Schools =
            [
                .. schools.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new SchoolSummary(
                    s.Key, s.Value.Applicants, s.Value.Placed, s.Value.First, s.Value.Placed == 0 ? null : (double)s.Value.RankSum / s.Value.Placed)),
            ],
        };
    }

    /// <summary>The number of blocking pairs of an assignment (0 for deferred acceptance).</summary>
    public static int CountBlockingPairs(PlacementInstance instance, PlacementAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(assignment);
        var (held, weakestHeld) = Holdings(instance, assignment.AssignedWish);
        return CountBlockingPairs(instance, assignment.AssignedWish, held, weakestHeld, sample: null);
    }

    /// <summary>Two results of the same round side by side (e.g. deferred acceptance, then min-cost flow).</summary>
    /// <exception cref="ArgumentException">The results are not of the same applicants.</exception>
    public static PlacementComparison Compare(PlacementResult first, PlacementResult second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Applicants.Count != second.Applicants.Count)
        {
            throw new ArgumentException("The results are of different rounds.", nameof(second));
        }

        int better = 0, worse = 0, same = 0;
        for (var i = 0; i < first.Applicants.Count; i++)
        {
            var was = first.Applicants[i].WishRank ?? int.MaxValue;
            var now = second.Applicants[i].WishRank ?? int.MaxValue;
            if (now < was)
            {
                better++;
            }
            else if (now > was)
            {
                worse++;
            }
            else
            {
                same++;
            }
        }

        return new PlacementComparison(first.Summary, second.Summary, better, worse, same);
    }

    /// <summary>Per place the number of applicants held and the key of the one it wants least.</summary>
    private static (int[] Held, long[] WeakestHeld) Holdings(PlacementInstance instance, int[] assigned)
    {
        var held = new int[instance.PlaceCount];
        var weakest = new long[instance.PlaceCount];
        Array.Fill(weakest, long.MaxValue);
        foreach (var w in assigned)
        {
            if (w >= 0)
            {
                var p = instance.WishPlace[w];
                held[p]++;
                weakest[p] = Math.Min(weakest[p], instance.WishKey[w]);
            }
        }

        return (held, weakest);
    }

    /// <summary>
    /// A pair blocks when the applicant ranks the place above what they got (or got nothing), the pair is eligible,
    /// and the place has a free seat or holds someone it wants less.
    /// </summary>
    private static int CountBlockingPairs(PlacementInstance instance, int[] assigned, int[] held, long[] weakestHeld, List<BlockingPair>? sample)
    {
        var count = 0;
        for (var a = 0; a < instance.ApplicantCount; a++)
        {
            var got = assigned[a] >= 0 ? instance.WishRank[assigned[a]] : int.MaxValue;
            for (var w = instance.EligibleStart[a]; w < instance.EligibleStart[a + 1] && instance.WishRank[w] < got; w++)
            {
                var p = instance.WishPlace[w];
                if (held[p] < instance.Capacity[p] || instance.WishKey[w] > weakestHeld[p])
                {
                    count++;
                    if (sample is { Count: < BlockingPairSampleSize })
                    {
                        sample.Add(new(instance.Round.Applicants[a].Id, instance.Round.Places[p].Id, instance.WishRank[w] + 1));
                    }
                }
            }
        }

        return count;
    }

    private static UnplacedReason UnplacedReasonOf(PlacementInstance instance, int a, int[] held, long[] weakestHeld)
    {
        if (instance.WishCount[a] == 0)
        {
            return UnplacedReason.NoWishes;
        }

        if (instance.EligibleStart[a] == instance.EligibleStart[a + 1])
        {
            return UnplacedReason.NoEligibleWish;
        }

        for (var w = instance.EligibleStart[a]; w < instance.EligibleStart[a + 1]; w++)
        {
            var p = instance.WishPlace[w];
            if (held[p] < instance.Capacity[p] || instance.WishKey[w] > weakestHeld[p])
            {
                return UnplacedReason.SeatGivenForTotalQuality;
            }
        }

        return UnplacedReason.OutrankedAtEveryEligibleWish;
    }

    private static IneligibleWish Describe(PlacementInstance instance, (int Applicant, int Rank, int Place, Ineligibility Reasons) wish)
    {
        var applicant = instance.Round.Applicants[wish.Applicant];
        if (wish.Place < 0)
        {
            return new(applicant.Wishes[wish.Rank], wish.Rank + 1, wish.Reasons, null, null, null, null, []);
        }

        var place = instance.Round.Places[wish.Place];
        return new(
            place.Id,
            wish.Rank + 1,
            wish.Reasons,
            PlacementEligibility.CommuteMinutes(applicant, place),
            PlacementEligibility.CommuteLimit(applicant, place),
            PlacementEligibility.AgeAtStart(applicant, place),
            place.Requirements.MinimumAge,
            PlacementEligibility.MissingLicences(applicant, place));
    }
}
