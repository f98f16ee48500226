using Kompetensbron.Core.Fairness;
using Kompetensbron.Core.Profiles;

namespace Kompetensbron.Core.Tests.Fairness;

/// <summary>The bias check on a small population worked out by hand.</summary>
public sealed class BiasAuditTests
{
    // Every person below stands for six alike, so each group is large enough (≥ 30) to judge.
    // Women (all youth): scores 10..50, in 2 of 5 cases in a top k (3 places).
    // Men: scores 20..70, 4 of 6 in a top k (6 places); five unemployed, one not stated.
    // Two non-binary people with the highest scores (1 place): 12 people, shown but too few to judge.
    private static readonly BiasSubject[] Six =
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

    private static readonly BiasSubject[] Population = [.. Six.SelectMany(s => Enumerable.Repeat(s, 6))];

    private static BiasGroup Group(BiasReport report, BiasDimension dimension, string? key) =>
        report.Tables.Single(t => t.Dimension == dimension).Groups.Single(g => g.Key == key);

    [Fact]
    public void Computes_distribution_and_top_k_figures_per_gender()
    {
        var report = BiasAudit.Compute(Population, needs: 4, k: 3);

        var women = Group(report, BiasDimension.Gender, "Woman");
        Assert.Equal(30, women.Count);
        Assert.Equal(30, women.MeanScore);
        Assert.Equal(30, women.MedianScore);
        Assert.Equal(50, women.P90Score);
        Assert.Equal(0.4, women.SelectionRate);
        Assert.Equal(0.3, women.TopKShare!.Value, 10);
        Assert.Equal(5 / 13.0, women.PoolShare!.Value, 10);
        Assert.False(women.TooFewToJudge);

        var men = Group(report, BiasDimension.Gender, "Man");
        Assert.Equal(45, men.MeanScore);
        Assert.Equal(45, men.MedianScore);
        Assert.Equal(70, men.P90Score);
        Assert.Equal(4 / 6.0, men.SelectionRate!.Value, 10);
        Assert.Equal(0.6, men.TopKShare!.Value, 10);
        Assert.Equal(1, men.ImpactRatio);
        Assert.Equal(1, men.ScoreRatio);
        Assert.False(men.Flagged);

        // Women against the largest group (men, 36 people): 0.4 / 0.667 = 0.6 and 30 / 45 = 0.667, both under 0.8.
        Assert.Equal("Man", report.Tables.Single(t => t.Dimension == BiasDimension.Gender).Reference?.Key);
        Assert.Equal(0.6, women.ImpactRatio!.Value, 10);
        Assert.Equal(30 / 45.0, women.ScoreRatio!.Value, 10);
        Assert.True(women.Flagged);
        Assert.True(report.Flagged);
    }

    [Fact]
    public void Groups_under_five_show_as_under_five_without_figures_and_are_never_the_reference()
    {
        BiasSubject[] few = [.. Population, new(Gender.NonBinary, TargetGroup.NewlyArrived, 100, 4), new(Gender.NonBinary, TargetGroup.NewlyArrived, 100, 4)];
        var report = BiasAudit.Compute(few, needs: 4, k: 3);

        var newlyArrived = Group(report, BiasDimension.TargetGroup, "NewlyArrived");
        Assert.True(newlyArrived.Suppressed);
        Assert.Equal("<5", newlyArrived.PublishedCount);
        Assert.Null(newlyArrived.MeanScore);
        Assert.Null(newlyArrived.SelectionRate);
        Assert.False(newlyArrived.Flagged);

        var notStated = Group(report, BiasDimension.Gender, null);
        Assert.Equal("0", notStated.PublishedCount);
        Assert.False(notStated.Suppressed);
    }

    [Fact]
    public void Groups_under_thirty_show_their_figures_as_too_few_to_judge_and_are_never_the_reference()
    {
        var report = BiasAudit.Compute(Population, needs: 4, k: 3);

        // 12 non-binary people with the highest scores of all: figures shown, but no ratios and no flag.
        var nonBinary = Group(report, BiasDimension.Gender, "NonBinary");
        Assert.Equal(12, nonBinary.Count);
        Assert.False(nonBinary.Suppressed);
        Assert.Equal(100, nonBinary.MeanScore);
        Assert.True(nonBinary.TooFewToJudge);
        Assert.Null(nonBinary.ImpactRatio);
        Assert.Null(nonBinary.ScoreRatio);
        Assert.False(nonBinary.Flagged);
        Assert.Equal("Man", report.Tables.Single(t => t.Dimension == BiasDimension.Gender).Reference?.Key);

        // No group of 30: nothing to compare with, nothing flagged.
        var small = BiasAudit.Compute(Six, needs: 4, k: 3, threshold: 0);
        Assert.All(small.Tables, t => Assert.Null(t.Reference));
        Assert.False(small.Flagged);
        Assert.True(Group(small, BiasDimension.Gender, "Man").TooFewToJudge);
    }

    [Fact]
    public void Thirteen_high_scoring_non_binary_people_are_not_the_reference_and_flag_nobody()
    {
        // Women and men do alike; 13 non-binary people do far better. Against them both would fall under 0.8.
        var subjects = new List<BiasSubject>();
        for (var i = 0; i < 120; i++)
        {
            subjects.Add(new(Gender.Woman, null, 40 + (i % 20), i % 2));
        }

        for (var i = 0; i < 100; i++)
        {
            subjects.Add(new(Gender.Man, null, 41 + (i % 20), i % 2));
        }

        for (var i = 0; i < 13; i++)
        {
            subjects.Add(new(Gender.NonBinary, null, 95, 2));
        }

        var report = BiasAudit.Compute(subjects, needs: 10, k: 10);

        var gender = report.Tables.Single(t => t.Dimension == BiasDimension.Gender);
        Assert.Equal("Woman", gender.Reference?.Key);
        Assert.False(gender.Flagged);
        Assert.False(Group(report, BiasDimension.Gender, "Man").Flagged);
        Assert.Equal(50.5 / 49.5, Group(report, BiasDimension.Gender, "Man").ScoreRatio!.Value, 10);
        Assert.True(Group(report, BiasDimension.Gender, "NonBinary").TooFewToJudge);
        Assert.False(Group(report, BiasDimension.Gender, "NonBinary").Flagged);

        // The target group is not stated by anyone: that group (233 people) is the reference of its table.
        Assert.Null(report.Tables.Single(t => t.Dimension == BiasDimension.TargetGroup).Reference?.Key);
        Assert.Equal(233, report.Tables.Single(t => t.Dimension == BiasDimension.TargetGroup).Reference?.Count);
    }

    [Fact]
    public void Target_groups_are_compared_the_same_way()
    {
        // Twice as many unemployed (same figures), so they are the largest target group.
        var report = BiasAudit.Compute([.. Population, .. Population.Where(s => s.TargetGroup == TargetGroup.Unemployed)], needs: 4, k: 3);

        var youth = Group(report, BiasDimension.TargetGroup, "Youth");
        var unemployed = Group(report, BiasDimension.TargetGroup, "Unemployed");
        Assert.Equal(30, youth.Count);
        Assert.Equal(60, unemployed.Count);
        Assert.Equal("Unemployed", report.Tables.Single(t => t.Dimension == BiasDimension.TargetGroup).Reference?.Key);
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
