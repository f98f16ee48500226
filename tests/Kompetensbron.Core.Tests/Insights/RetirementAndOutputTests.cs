using Kompetensbron.Core.Insights;

namespace Kompetensbron.Core.Tests.Insights;

public sealed class RetirementAndOutputTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 2)]
    [InlineData(3, 6)]
    [InlineData(5, 10)]
    [InlineData(10, 10)]
    public void Cohort_60_to_64_of_10_retires_2_a_year_for_five_years(int horizon, double expected) =>
        Assert.Equal(expected, RetirementForecast.Cumulative(new WorkforceGroup("A", "0617", 60, 64, null, 10), 65, horizon), 9);

    [Fact]
    public void Staff_past_retirement_age_retire_in_the_first_year_and_young_staff_not_within_ten()
    {
        Assert.Equal([0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0], RetirementForecast.PerYear(new WorkforceGroup("A", "0617", 65, 69, null, 5), 65));
        Assert.Equal(0, RetirementForecast.Cumulative(new WorkforceGroup("A", "0617", 20, 29, null, 50), 65, 10));
    }

    [Fact]
    public void Per_year_sums_to_the_cumulative_figure()
    {
        var cohort = new WorkforceGroup("A", "0617", 55, 64, null, 20);
        var perYear = RetirementForecast.PerYear(cohort, 65);

        Assert.Equal(RetirementForecast.Cumulative(cohort, 65, 10), perYear.Sum(), 9);
        Assert.Equal(10, RetirementForecast.Cumulative(cohort, 65, 5), 9);
        Assert.Equal(20, RetirementForecast.Cumulative(cohort, 67, 10) + 2 * 2, 9);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 8)]
    [InlineData(3, 24)]
    public void Programme_output_counts_completions_after_today_within_the_horizon(int horizon, double expected)
    {
        // 40 weeks from 2026-08-17 is 2027-05-24; the start repeats every August.
        var programme = new ProgrammeOffer(1, "Industri", 1, "Skolan", "0617", ["s1"], 10, 40, [new(2026, 8, 17)], null);

        Assert.Equal(expected, ProgrammeOutput.Within(programme, new DateOnly(2026, 11, 26), horizon, 0.8), 9);
    }

    [Fact]
    public void A_course_that_already_finished_is_not_supply()
    {
        var finished = new ProgrammeOffer(1, "Kurs", 1, "Skolan", "0617", ["s1"], 10, 4, [new(2026, 9, 1)], null);

        // Finished 2026-09-29; next runs finish 2027-09-29 and later.
        Assert.Equal(0, ProgrammeOutput.Within(finished, new DateOnly(2026, 11, 26), 0, 0.8));
        Assert.Equal(8, ProgrammeOutput.Within(finished, new DateOnly(2026, 11, 26), 1, 0.8), 9);
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "<5")]
    [InlineData(4, "<5")]
    [InlineData(4.4, "<5")]
    [InlineData(4.5, "5")]
    [InlineData(5, "5")]
    [InlineData(1234, "1234")]
    public void Published_counts_under_five_people_are_suppressed(double count, string shown) =>
        Assert.Equal(shown, PublishedCount.Format(count));
}
