using Kompetensbron.Core.Fairness;
using Kompetensbron.Core.Profiles;

namespace Kompetensbron.Core.Tests.Fairness;

/// <summary>The bias check on a small population worked out by hand.</summary>
public sealed class BiasAuditTests
{
    // Women (all youth): scores 10..50, in 2 of 5 cases in a top k (3 places).
    // Men: scores 20..70, 4 of 6 in a top k (6 places); five unemployed, one not stated.
    // Two non-binary people with the highest scores (1 place): too few to show, and never the reference.
    private static readonly BiasSubject[] Population =
    [
        new(Gender.Woman, TargetGroup.Youth, 10, 0),
        new(Gender.Woman, TargetGroup.Youth, 20, 1),
        new(Gender.Woman, TargetGroup.Youth, 30, 0),
        new(Gender.Woman, TargetGroup.Youth, 40, 2),
        new(Gender.Woman, TargetGroup.Youth, 50, 0),
        new(Gender.Man, TargetGroup.Unemployed, 20, 1),
        new(Gender.Man, TargetGroup.Unemployed, 30, 1),
        new(Gender.Man, TargetGroup.Unemployed, 40, 1),
        new(Gender.Man, TargetGroup.Unemployed, 50, 0),
        new(Gender.Man, TargetGroup.Unemployed, 60, 0),
        new(Gender.Man, null, 70, 3),
        new(Gender.NonBinary, null, 100, 1),
        new(Gender.NonBinary, null, 100, 0),
    ];

    private static BiasGroup Group(BiasReport report, BiasDimension dimension, string? key) =>
        report.Tables.Single(t => t.Dimension == dimension).Groups.Single(g => g.Key == key);

    [Fact]
    public void Computes_distribution_and_top_k_figures_per_gender()
    {
        var report = BiasAudit.Compute(Population, needs: 4, k: 3);

        var women = Group(report, BiasDimension.Gender, "Woman");
        Assert.Equal(5, women.Count);
        Assert.Equal(30, women.MeanScore);
        Assert.Equal(30, women.MedianScore);
        Assert.Equal(50, women.P90Score);
        Assert.Equal(0.4, women.SelectionRate);
        Assert.Equal(0.3, women.TopKShare!.Value, 10);
        Assert.Equal(5 / 13.0, women.PoolShare!.Value, 10);

        var men = Group(report, BiasDimension.Gender, "Man");
        Assert.Equal(45, men.MeanScore);
        Assert.Equal(45, men.MedianScore);
        Assert.Equal(70, men.P90Score);
        Assert.Equal(4 / 6.0, men.SelectionRate!.Value, 10);
        Assert.Equal(0.6, men.TopKShare!.Value, 10);
        Assert.Equal(1, men.ImpactRatio);
        Assert.Equal(1, men.ScoreRatio);
        Assert.False(men.Flagged);

        // Women against the best shown group (men): 0.4 / 0.667 = 0.6 and 30 / 45 = 0.667, both under 0.8.
        Assert.Equal(0.6, women.ImpactRatio!.Value, 10);
        Assert.Equal(30 / 45.0, women.ScoreRatio!.Value, 10);
        Assert.True(women.Flagged);
        Assert.True(report.Flagged);
    }

    [Fact]
    public void Groups_under_five_show_as_under_five_without_figures_and_are_never_the_reference()
    {
        var report = BiasAudit.Compute(Population, needs: 4, k: 3);

        var nonBinary = Group(report, BiasDimension.Gender, "NonBinary");
        Assert.True(nonBinary.Suppressed);
        Assert.Equal("<5", nonBinary.PublishedCount);
        Assert.Null(nonBinary.MeanScore);
        Assert.Null(nonBinary.SelectionRate);
        Assert.False(nonBinary.Flagged);

        var notStated = Group(report, BiasDimension.Gender, null);
        Assert.Equal("0", notStated.PublishedCount);
        Assert.False(notStated.Suppressed);

        var targetNotStated = Group(report, BiasDimension.TargetGroup, null);
        Assert.Equal("<5", targetNotStated.PublishedCount);
        Assert.Equal(5, Group(report, BiasDimension.TargetGroup, "Unemployed").Count);
    }

    [Fact]
    public void Target_groups_are_compared_the_same_way()
    {
        var report = BiasAudit.Compute(Population, needs: 4, k: 3);

        var youth = Group(report, BiasDimension.TargetGroup, "Youth");
        var unemployed = Group(report, BiasDimension.TargetGroup, "Unemployed");
        Assert.Equal(40, unemployed.MeanScore);
        Assert.Equal(0.6, unemployed.SelectionRate!.Value, 10);
        // Youth: 0.4 / 0.6 = 0.667 selection, 30 / 40 = 0.75 score.
        Assert.Equal(0.4 / 0.6, youth.ImpactRatio!.Value, 10);
        Assert.Equal(0.75, youth.ScoreRatio!.Value, 10);
        Assert.True(youth.Flagged);
    }

    [Fact]
    public void A_looser_threshold_flags_nothing_here()
    {
        var report = BiasAudit.Compute(Population, needs: 4, k: 3, threshold: 0.5);

        Assert.False(report.Flagged);
        Assert.Equal(0.5, report.Threshold);
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3, 4 }, 2.5, 4)]
    [InlineData(new[] { 7 }, 7, 7)]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, 6, 10)]
    public void Median_and_nearest_rank_percentile(int[] sorted, double median, double p90)
    {
        Assert.Equal(median, BiasAudit.Median(sorted));
        Assert.Equal(p90, BiasAudit.Percentile(sorted, 0.9));
    }
}
