using FsCheck.Xunit;
using Kompetensbron.Core.Placement;

namespace Kompetensbron.Core.Tests.Placement;

/// <summary>Invariants of both algorithms on small random rounds, checked against the round's own data.</summary>
public sealed class PlacementPropertyTests
{
    private static (PlacementRound Round, PlacementInstance Instance, PlacementResult Da, PlacementResult Mcf) Solve(int seed)
    {
        var round = SmallRounds.Random(seed);
        var instance = PlacementInstance.Build(round);
        return (round, instance,
            PlacementReports.Report(instance, instance.Solve(PlacementAlgorithm.DeferredAcceptance)),
            PlacementReports.Report(instance, instance.Solve(PlacementAlgorithm.MinCostFlow)));
    }

    [Property(MaxTest = 300)]
    public void Both_algorithms_respect_capacities_wishes_and_eligibility(int seed)
    {
        var (round, _, da, mcf) = Solve(seed);
        foreach (var result in new[] { da, mcf })
        {
            foreach (var place in round.Places)
            {
                Assert.True(result.Applicants.Count(o => o.PlaceId == place.Id) <= place.Capacity, $"{place.Id} over capacity");
            }

            foreach (var (applicant, outcome) in round.Applicants.Zip(result.Applicants))
            {
                if (outcome.PlaceId is { } placeId)
                {
                    Assert.Contains(placeId, applicant.Wishes);
                    Assert.Equal(Ineligibility.None, PlacementEligibility.Check(applicant, round.Places.Single(p => p.Id == placeId)));
                    Assert.Equal(applicant.Wishes.ToList().IndexOf(placeId) + 1, outcome.WishRank);
                }
                else
                {
                    Assert.NotNull(outcome.UnplacedReason);
                }
            }
        }
    }

    [Property(MaxTest = 300)]
    public void Deferred_acceptance_leaves_no_blocking_pair(int seed)
    {
        var (round, instance, da, mcf) = Solve(seed);
        var preferences = new SmallRounds.Preferences(round, instance.LotteryRank);

        Assert.Equal(0, preferences.BlockingPairs(SmallRounds.PlaceOf(round, da)));
        Assert.Equal(0, da.Summary.BlockingPairs);
        Assert.Equal(preferences.BlockingPairs(SmallRounds.PlaceOf(round, mcf)), mcf.Summary.BlockingPairs);
    }

    [Property(MaxTest = 200)]
    public void Deferred_acceptance_is_the_applicant_optimal_stable_matching(int seed)
    {
        var (round, instance, da, _) = Solve(seed);
        var preferences = new SmallRounds.Preferences(round, instance.LotteryRank);
        var daPlaces = SmallRounds.PlaceOf(round, da);
        var stable = preferences.AllFeasible().Where(m => preferences.BlockingPairs(m) == 0).ToList();

        Assert.Contains(stable, m => m.SequenceEqual(daPlaces));
        foreach (var matching in stable)
        {
            for (var a = 0; a < daPlaces.Length; a++)
            {
                Assert.True(preferences.RankOf(a, daPlaces[a]) <= preferences.RankOf(a, matching[a]), $"applicant {a} prefers another stable matching");
            }
        }
    }

    [Property(MaxTest = 200)]
    public void Min_cost_flow_finds_the_largest_total_quality(int seed)
    {
        var (round, instance, da, mcf) = Solve(seed);
        var preferences = new SmallRounds.Preferences(round, instance.LotteryRank);
        var maxWishes = round.Applicants.Max(a => a.Wishes.Count);
        var scores = round.Scores.ToDictionary(s => (s.ApplicantId, s.PlaceId), s => s.Score);
        long Total(int[] placeOf) => placeOf.Select((p, a) => p < 0 ? 0L : PlacementInstance.Quality(
            scores.GetValueOrDefault((round.Applicants[a].Id, round.Places[p].Id)),
            round.Applicants[a].Wishes.ToList().IndexOf(round.Places[p].Id),
            maxWishes)).Sum();

        var best = preferences.AllFeasible().Max(Total);

        Assert.Equal(best, mcf.Summary.TotalQuality);
        Assert.Equal(Total(SmallRounds.PlaceOf(round, mcf)), mcf.Summary.TotalQuality);
        Assert.Equal(Total(SmallRounds.PlaceOf(round, da)), da.Summary.TotalQuality);
        Assert.True(mcf.Summary.TotalQuality >= da.Summary.TotalQuality);
    }

    [Property(MaxTest = 100)]
    public void The_same_round_gives_the_same_result(int seed)
    {
        var first = Solve(seed);
        var again = Solve(seed);

        Assert.Equal(first.Da.Applicants, again.Da.Applicants, ApplicantOutcomeComparer.Instance);
        Assert.Equal(first.Mcf.Applicants, again.Mcf.Applicants, ApplicantOutcomeComparer.Instance);
    }

    private sealed class ApplicantOutcomeComparer : IEqualityComparer<ApplicantOutcome>
    {
        public static ApplicantOutcomeComparer Instance { get; } = new();

        public bool Equals(ApplicantOutcome? x, ApplicantOutcome? y) =>
            x?.ApplicantId == y?.ApplicantId && x?.PlaceId == y?.PlaceId && x?.UnplacedReason == y?.UnplacedReason;

        public int GetHashCode(ApplicantOutcome obj) => HashCode.Combine(obj.ApplicantId, obj.PlaceId);
    }
}
