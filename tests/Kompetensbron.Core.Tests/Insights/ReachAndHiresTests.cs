using Kompetensbron.Core.Insights;
using Kompetensbron.Core.Insights.Reports;
using Kompetensbron.Core.Profiles;

namespace Kompetensbron.Core.Tests.Insights;

/// <summary>Reach per target group and hires per occupation on small regions counted by hand.</summary>
public sealed class ReachAndHiresTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    /// <summary>The taxonomy's concept id of an SSYK-4 code (reports show the code and label).</summary>
    private static string Ssyk4(string code) => ReferenceData.Taxonomy.SsykGroups.Single(g => g.Level == 4 && g.Code == code).Id;

    private static SupplyProfile Person(int id, string municipality, TargetGroup? group) =>
        new(municipality, [], [], null, group) { ProfileId = id };

    [Fact]
    public void Reach_is_the_share_of_each_groups_profiles_with_a_match_in_the_view()
    {
        // Youth in Gnosjö: 1, 2, 3 (1 and 3 reached); newly arrived: 4 in Gnosjö (reached), 5 in Värnamo (reached);
        // no group: 6 in Gnosjö (not reached). Profile 9 is reachable but not in the input, so it counts nowhere.
        SupplyProfile[] profiles =
        [
            Person(1, "0617", TargetGroup.Youth), Person(2, "0617", TargetGroup.Youth), Person(3, "0617", TargetGroup.Youth),
            Person(4, "0617", TargetGroup.NewlyArrived), Person(5, "0683", TargetGroup.NewlyArrived), Person(6, "0617", null),
        ];
        var reachable = new HashSet<int> { 1, 3, 4, 5, 9 };

        var county = ReachPerTargetGroup.Count(profiles, reachable, InsightsFilter.All);
        var gnosjo = ReachPerTargetGroup.Count(profiles, reachable, new InsightsFilter("0617"));

        Assert.Equal(Enum.GetValues<TargetGroup>().Length + 1, county.Count);
        Assert.Equal(new TargetGroupReach(TargetGroup.Youth, 3, 2), county.Single(r => r.Group == TargetGroup.Youth));
        Assert.Equal(2 / 3.0, county.Single(r => r.Group == TargetGroup.Youth).Share, 9);
        Assert.Equal(new TargetGroupReach(TargetGroup.NewlyArrived, 2, 2), county.Single(r => r.Group == TargetGroup.NewlyArrived));
        Assert.Equal(new TargetGroupReach(TargetGroup.Unemployed, 0, 0), county.Single(r => r.Group == TargetGroup.Unemployed));
        Assert.Equal(new TargetGroupReach(null, 1, 0), county[^1]);
        Assert.Equal(new TargetGroupReach(TargetGroup.NewlyArrived, 1, 1), gnosjo.Single(r => r.Group == TargetGroup.NewlyArrived));
        Assert.Equal(6, county.Sum(r => r.Profiles));
        Assert.Equal(4, county.Sum(r => r.Reached));
    }

    [Fact]
    public void The_calculator_leaves_reach_out_until_the_match_index_supplies_it()
    {
        var input = new InsightsInput(Today, [], [], [Person(1, "0617", TargetGroup.Youth)], []);

        Assert.Empty(InsightsCalculator.Compute(input, InsightsSettings.Default, InsightsFilter.All, 0).Reach);
        var reach = InsightsCalculator.Compute(input with { ReachableProfileIds = new HashSet<int> { 1 } }, InsightsSettings.Default, InsightsFilter.All, 0).Reach;
        Assert.Equal(1, reach.Single(r => r.Group == TargetGroup.Youth).Reached);
    }

    [Fact]
    public void Hires_are_counted_per_occupation_within_the_filter_most_first()
    {
        // Welders (7212): 2 in Gnosjö, 1 in Värnamo; machine operators (8211): 3 in Gnosjö; nurses (2221): 1 in Värnamo.
        Hire[] hires =
        [
            new("7212", "0617"), new("8211", "0617"), new("7212", "0683"), new("8211", "0617"),
            new("2221", "0683"), new("7212", "0617"), new("8211", "0617"),
        ];

        Assert.Equal(
            [new OccupationHires("7212", 3), new OccupationHires("8211", 3), new OccupationHires("2221", 1)],
            HireOutcomes.PerOccupation(hires, InsightsFilter.All));
        Assert.Equal(
            [new OccupationHires("8211", 3), new OccupationHires("7212", 2)],
            HireOutcomes.PerOccupation(hires, new InsightsFilter("0617")));
        Assert.Equal(
            [new OccupationHires("7212", 1)],
            HireOutcomes.PerOccupation(hires, new InsightsFilter("0683", g => g.StartsWith('7'))));
    }

    [Fact]
    public void Published_reach_and_hires_suppress_small_counts_and_shares_that_would_reveal_them()
    {
        // Youth: 12 profiles, 9 reached, so 3 not reached → the share would reveal the 3: "..".
        // Newly arrived: 20 profiles, 10 reached → 50 %. No group: 3 profiles, none reached → "<5", 0 and "..".
        // All: 35 profiles, 19 reached, 16 not → 54 %.
        var profiles = Enumerable.Range(1, 12).Select(i => Person(i, "0617", TargetGroup.Youth))
            .Concat(Enumerable.Range(13, 20).Select(i => Person(i, "0617", TargetGroup.NewlyArrived)))
            .Concat(Enumerable.Range(33, 3).Select(i => Person(i, "0617", null)))
            .ToList();
        var reachable = Enumerable.Range(1, 9).Concat(Enumerable.Range(13, 10)).ToHashSet();
        var input = new InsightsInput(Today, [], [], profiles, [])
        {
            ReachableProfileIds = reachable,
            Hires = [.. Enumerable.Repeat(new Hire(Ssyk4("7212"), "0617"), 6), new Hire(Ssyk4("8211"), "0617"), new Hire(Ssyk4("8211"), "0617")],
        };
        var insights = InsightsCalculator.Compute(input, InsightsSettings.Default, InsightsFilter.All, 0);
        var report = InsightsReport.Build(insights, ReferenceData.Taxonomy, ReferenceData.Geography, ReportLanguage.Swedish, null, Today);

        var reach = report.Table("reach");
        Assert.Equal(["Målgrupp", "Profiler", "Med minst en matchning inom pendlingsavstånd", "Andel med matchning"], reach.Columns);
        Assert.Equal(["Unga", "12", "9", ".."], reach.Rows[0].Select(c => c.Text));
        Assert.Equal(["Nyanlända", "20", "10", "50 %"], reach.Rows[1].Select(c => c.Text));
        Assert.Equal(["Ingen målgrupp angiven", "<5", "0", ".."], reach.Rows[^1].Select(c => c.Text));
        Assert.Equal(["Alla profiler", "35", "19", "54 %"], reach.Total!.Select(c => c.Text));

        var hires = report.Table("hires");
        Assert.Equal(["7212", "6"], hires.Rows[0].Take(1).Concat(hires.Rows[0].Skip(2)).Select(c => c.Text));
        Assert.Equal(["8211", "<5"], hires.Rows[1].Take(1).Concat(hires.Rows[1].Skip(2)).Select(c => c.Text));
        Assert.Equal("8", hires.Total![2].Text);
    }
}
