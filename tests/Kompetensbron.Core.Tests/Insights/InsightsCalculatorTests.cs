using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kompetensbron.Core.Insights;
using Kompetensbron.Core.Profiles;

namespace Kompetensbron.Core.Tests.Insights;

/// <summary>Insights on a small region whose every figure is computed by hand in the comments.</summary>
public sealed class InsightsCalculatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static readonly InsightsInput Region = new(
        Today,
        Needs:
        [
            new("A", "0617", 2, ["s1", "s2"], ["s3"]),
            new("A", "0683", 1, ["s1"], []),
            new("B", "0617", 3, ["s4"], []),
        ],
        Workforce:
        [
            new("A", "0617", 60, 64, Gender.Woman, 10),
            new("B", "0683", 30, 39, Gender.Man, 4),
        ],
        Profiles:
        [
            new("0617", ["s1"], ["A"], Gender.Woman, TargetGroup.Youth),
            new("0617", ["s1", "s4"], ["A", "B"], Gender.Man, TargetGroup.CareerChanger),
            new("0683", ["s2"], [], null, null),
        ],
        Programmes:
        [
            new(1, "Industritekniska programmet", 1, "Gymnasiet", "0617", ["s1", "s5"], 10, 40, [new(2026, 8, 17)], "A"),
            new(2, "Truckkort", 2, "Komvux", "0683", ["s4"], 5, 20, [new(2027, 1, 11)], "B"),
        ]);

    private static RegionalInsights Compute(int horizon, InsightsFilter? filter = null) =>
        InsightsCalculator.Compute(Region, InsightsSettings.Default, filter ?? InsightsFilter.All, horizon);

    [Fact]
    public void Occupation_demand_is_needs_plus_retirements_and_supply_is_profiles_plus_programme_output()
    {
        var insights = Compute(horizon: 3);

        // A: 3 open; 60–64 year-olds (2 per age) retire in years 5..1, so 6 within 3 years.
        // Supply: two profiles; the programme finishes 2027-05-24, 2028-05-23, 2029-05-24 → 3 × 10 seats × 0.8.
        var a = insights.Occupations.Single(o => o.Ssyk4Id == "A");
        Assert.Equal(3, a.OpenPositions);
        Assert.Equal(6, a.Retirements, 9);
        Assert.Equal(2, a.ProfileSupply);
        Assert.Equal(24, a.ProgrammeSupply, 9);
        Assert.Equal(-17, a.Gap, 9);
        Assert.Equal((9 - 26) / 35.0, a.ShortageIndex, 9);

        // B: 3 open, nobody retires (30–39); one profile; the 20-week course finishes in May 2027, 2028 and 2029.
        var b = insights.Occupations.Single(o => o.Ssyk4Id == "B");
        Assert.Equal(3, b.Demand);
        Assert.Equal(1 + 12, b.Supply, 9);
    }

    [Fact]
    public void Skill_demand_adds_retirements_in_proportion_to_the_group_needs_that_require_the_skill()
    {
        var insights = Compute(horizon: 3);
        var bySkill = insights.Skills.ToDictionary(s => s.SkillId);

        // s1 is required in all 3 of A's positions: 3 + 6 × 3/3. s2 in 2 of 3: 2 + 6 × 2/3.
        Assert.Equal(9, bySkill["s1"].Demand, 9);
        Assert.Equal(6, bySkill["s2"].Demand, 9);
        Assert.Equal(2, bySkill["s3"].MeritingPositions);
        Assert.Equal(0, bySkill["s3"].Demand);
        Assert.Equal(2, bySkill["s1"].ProfileSupply);
        Assert.Equal(24, bySkill["s1"].ProgrammeSupply, 9);
        Assert.Equal(["s1", "s2", "s4"], insights.Skills.Where(s => s.Demand > 0).Select(s => s.SkillId));
    }

    [Fact]
    public void Demanded_skills_that_no_programme_teaches_are_listed()
    {
        var insights = Compute(horizon: 3);

        var uncovered = Assert.Single(insights.UncoveredSkills);
        Assert.Equal("s2", uncovered.SkillId);
    }

    [Fact]
    public void Programme_relevance_weighs_taught_skills_by_demand()
    {
        var insights = Compute(horizon: 3);

        // Demanded: s1 9, s2 6, s4 3 → mean 6. Programme 1 teaches s1 (9) and s5 (not asked for: weighs 6).
        var programme = insights.Programmes.Single(p => p.ProgrammeId == 1);
        Assert.Equal(2, programme.TaughtSkills);
        Assert.Equal(1, programme.InDemandSkills);
        Assert.Equal(0.5, programme.Share, 9);
        Assert.Equal(9 / 15.0, programme.WeightedShare, 9);
        Assert.Equal(9, programme.DemandAddressed, 9);
        Assert.Equal(1.0, insights.Programmes.Single(p => p.ProgrammeId == 2).WeightedShare, 9);
        Assert.Equal([2, 1], insights.Providers.Select(p => p.ProviderId));
    }

    [Fact]
    public void Municipality_filter_keeps_only_that_municipality_but_teaching_is_judged_county_wide()
    {
        var insights = Compute(horizon: 3, new InsightsFilter("0617"));

        var gnosjo = Assert.Single(insights.Municipalities);
        Assert.Equal("0617", gnosjo.MunicipalityCode);
        Assert.Equal(5, gnosjo.OpenPositions);
        Assert.Equal(6, gnosjo.Retirements, 9);
        Assert.Equal(2, gnosjo.ProfileSupply);
        var a = insights.Occupations.Single(o => o.Ssyk4Id == "A");
        Assert.Equal(2, a.OpenPositions);
        // s1 is required in both of A's positions here: 2 + 6 × 2/2.
        Assert.Equal(8, insights.Skills.Single(s => s.SkillId == "s1").Demand, 9);
        // s4 is taught in Värnamo: not "uncovered" even when looking at Gnosjö only.
        Assert.DoesNotContain(insights.UncoveredSkills, s => s.SkillId == "s4");
        Assert.Single(insights.Programmes);
    }

    [Fact]
    public void Occupation_filter_limits_occupation_rows()
    {
        var insights = Compute(horizon: 3, new InsightsFilter(Ssyk4Filter: id => id == "B"));

        Assert.Equal(["B"], insights.Occupations.Select(o => o.Ssyk4Id));
        Assert.Equal(3, insights.Totals.OpenPositions);
    }

    [Fact]
    public void Now_has_no_retirements_and_no_programme_output()
    {
        var insights = Compute(horizon: 0);

        Assert.Equal(6, insights.Totals.OpenPositions);
        Assert.Equal(0, insights.Totals.Retirements);
        Assert.Equal(3, insights.Totals.Profiles);
        Assert.Equal(0, insights.Totals.ProgrammeSupply);
    }

    [Fact]
    public void Gender_balance_counts_profiles_and_workforce_per_occupation()
    {
        var insights = Compute(horizon: 1);

        var a = insights.GenderBalance.Single(g => g.Ssyk4Id == "A");
        Assert.Equal(new GenderCounts(1, 1, 0, 0), a.Profiles);
        Assert.Equal(new GenderCounts(10, 0, 0, 0), a.Workforce);
        Assert.Equal(0.5, a.Profiles.ShareWomen);
        Assert.Equal(0.0, insights.GenderBalance.Single(g => g.Ssyk4Id == "B").Workforce.ShareWomen);
    }

    [Fact]
    public void Retirements_per_year_are_reported_for_ten_years()
    {
        var insights = Compute(horizon: 1);

        Assert.Equal([0, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0], insights.RetirementsPerYear["A"]);
        Assert.Equal(new double[11], insights.RetirementsPerYear["B"]);
    }

    [Property(MaxTest = 200)]
    public FsCheck.Property Totals_equal_the_sum_of_municipality_rows_and_of_occupation_rows() =>
        Prop.ForAll(RandomRegion().ToArbitrary(), Gen.Elements(0, 1, 3, 5, 10).ToArbitrary(), (region, horizon) =>
        {
            var insights = InsightsCalculator.Compute(region, InsightsSettings.Default, InsightsFilter.All, horizon);
            var byMunicipality = insights.Municipalities.Sum(m => m.Demand);
            var byOccupation = insights.Occupations.Sum(o => o.Demand);
            return Math.Abs(byMunicipality - insights.Totals.Demand) < 1e-6
                && Math.Abs(byOccupation - insights.Totals.Demand) < 1e-6
                && Math.Abs(insights.Municipalities.Sum(m => m.ProfileSupply) - region.Profiles.Count) < 1e-9;
        });

    private static Gen<InsightsInput> RandomRegion()
    {
        var municipality = Gen.Elements("0617", "0662", "0665", "0683");
        var ssyk4 = Gen.Elements("A", "B", "C");
        var skill = Gen.Elements("s1", "s2", "s3", "s4", "s5");
        var skills = skill.ListOf().Select(l => (IReadOnlyList<string>)l.Take(4).ToList());
        var need = from g in ssyk4
                   from m in municipality
                   from h in Gen.Choose(0, 5)
                   from r in skills
                   from mer in skills
                   select new DemandNeed(g, m, h, r, mer);
        var cohort = from g in ssyk4
                     from m in municipality
                     from from_ in Gen.Choose(18, 66)
                     from width in Gen.Choose(0, 9)
                     from count in Gen.Choose(0, 30)
                     select new WorkforceGroup(g, m, from_, from_ + width, null, count);
        var profile = from m in municipality
                      from s in skills
                      from g in ssyk4.ListOf()
                      select new SupplyProfile(m, s, g.Take(2).ToList(), null, null);
        return from needs in need.ListOf()
               from workforce in cohort.ListOf()
               from profiles in profile.ListOf()
               select new InsightsInput(Today, needs.ToList(), workforce.ToList(), profiles.ToList(), []);
    }
}
