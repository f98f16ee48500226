using Kompetensbron.Core.Placement;

namespace Kompetensbron.Core.Tests.Placement;

public sealed class PlacementSnapshotTests
{
    [Fact]
    public void An_erased_applicant_leaves_the_round_and_the_result_while_the_aggregates_stay()
    {
        var round = new PlacementRound
        {
            Places = [new PlacementPlace { Id = "p", Capacity = 1, Location = SmallRounds.Gnosjo }],
            Applicants =
            [
                new PlacementApplicant { Id = "a", Home = SmallRounds.Gnosjo, Wishes = ["p"] },
                new PlacementApplicant { Id = "b", Home = SmallRounds.Gnosjo, Wishes = ["p"] },
            ],
            Scores = [new("a", "p", 900), new("b", "p", 100)],
        };
        var instance = PlacementInstance.Build(round);
        var result = PlacementReports.Report(instance, instance.Solve(PlacementAlgorithm.MinCostFlow));
        Assert.Equal("p", result.Applicants.Single(o => o.ApplicantId == "a").PlaceId);

        var erased = new HashSet<string>(StringComparer.Ordinal) { "a" };
        var roundAfter = PlacementSnapshot.WithoutApplicants(round, erased);
        var resultAfter = PlacementSnapshot.WithoutApplicants(result, erased);

        Assert.Equal(["b"], roundAfter.Applicants.Select(a => a.Id));
        Assert.Equal([new PlacementScore("b", "p", 100)], roundAfter.Scores);
        Assert.Equal(["b"], resultAfter.Applicants.Select(o => o.ApplicantId));
        Assert.DoesNotContain(resultAfter.BlockingPairSample, p => p.ApplicantId == "a");
        Assert.Equal(result.Summary, resultAfter.Summary);
        Assert.Equal(1, resultAfter.Summary.Placed);
        Assert.Equal(round.Places, roundAfter.Places);
    }
}
