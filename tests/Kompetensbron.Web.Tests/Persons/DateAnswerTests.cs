using Kompetensbron.Web.Persons;

namespace Kompetensbron.Web.Tests.Persons;

public sealed class DateAnswerTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Theory]
    [InlineData("", "", "", null)]
    [InlineData(" 29 ", "02", "2028", "2028-02-29")]
    [InlineData("26", "11", "2026", "2026-11-26")]
    [InlineData("1", "1", "2031", "2031-01-01")]
    public void Empty_fields_mean_no_date_and_real_dates_from_today_are_read(string day, string month, string year, string? expected)
    {
        var answer = DateAnswer.Read(day, month, year, Today);

        Assert.True(answer.IsValid);
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), answer.Date);
    }

    [Theory]
    [InlineData("", "", "2027", "Date_MissingSeveral", new[] { DatePart.Day, DatePart.Month })]
    [InlineData("5", "", "2027", "Date_Missing_Month", new[] { DatePart.Month })]
    [InlineData("0", "5", "2027", "Date_Day", new[] { DatePart.Day })]
    [InlineData("femte", "5", "2027", "Date_Day", new[] { DatePart.Day })]
    [InlineData("5", "-1", "2027", "Date_Month", new[] { DatePart.Month })]
    [InlineData("5", "5", "27", "Date_Year", new[] { DatePart.Year })]
    [InlineData("29", "2", "2027", "Date_NotReal", new[] { DatePart.Day, DatePart.Month })]
    [InlineData("25", "11", "2026", "Date_Past", new[] { DatePart.Day, DatePart.Month, DatePart.Year })]
    [InlineData("27", "11", "2031", "Date_TooFar", new[] { DatePart.Year })]
    public void A_wrong_date_names_its_problem_and_the_fields_to_mark(string day, string month, string year, string problem, DatePart[] wrong)
    {
        var answer = DateAnswer.Read(day, month, year, Today);

        Assert.False(answer.IsValid);
        Assert.Null(answer.Date);
        Assert.Equal(problem, answer.Problem);
        Assert.Equal(wrong, answer.Wrong);
    }
}
