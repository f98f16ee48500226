using System.Globalization;

namespace Kompetensbron.Web.Persons;

/// <summary>One of the three fields of a GOV.UK date input.</summary>
public enum DatePart
{
    Day,
    Month,
    Year,
}

/// <summary>
/// A date typed as day, month and year in three fields (the GOV.UK date input): all empty means "no date";
/// otherwise either a date or one problem with the fields to mark.
/// </summary>
public sealed record DateAnswer(DateOnly? Date, string? Problem, IReadOnlyList<DatePart> Wrong)
{
    /// <summary>How far ahead a date may be, in years.</summary>
    public const int MaxYearsAhead = 5;

    public bool IsValid => Problem is null;

    /// <summary>
    /// Reads the three fields. <see cref="Problem"/> is a resource key of <c>PersonResource</c>
    /// (<c>Date_Missing_Day</c>, <c>Date_Day</c>, <c>Date_NotReal</c>, <c>Date_Past</c> …); <see cref="Wrong"/>
    /// lists the fields to mark, the first being where the error summary links.
    /// </summary>
    public static DateAnswer Read(string? day, string? month, string? year, DateOnly today)
    {
        var texts = new Dictionary<DatePart, string>
        {
            [DatePart.Day] = day?.Trim() ?? string.Empty,
            [DatePart.Month] = month?.Trim() ?? string.Empty,
            [DatePart.Year] = year?.Trim() ?? string.Empty,
        };
        var missing = texts.Where(t => t.Value.Length == 0).Select(t => t.Key).ToList();
        if (missing.Count == 3)
        {
            return new DateAnswer(null, null, []);
        }

        if (missing.Count > 0)
        {
            return Fail(missing.Count == 1 ? "Date_Missing_" + missing[0] : "Date_MissingSeveral", missing);
        }

        if (Number(texts[DatePart.Day]) is not (>= 1 and <= 31))
        {
            return Fail("Date_Day", [DatePart.Day]);
        }

        if (Number(texts[DatePart.Month]) is not (>= 1 and <= 12))
        {
            return Fail("Date_Month", [DatePart.Month]);
        }

        if (texts[DatePart.Year].Length != 4 || Number(texts[DatePart.Year]) is null)
        {
            return Fail("Date_Year", [DatePart.Year]);
        }

        var (dd, mm, yyyy) = (Number(texts[DatePart.Day])!.Value, Number(texts[DatePart.Month])!.Value, Number(texts[DatePart.Year])!.Value);
        if (yyyy < 1 || dd > DateTime.DaysInMonth(yyyy, mm))
        {
            return Fail("Date_NotReal", [DatePart.Day, DatePart.Month]);
        }

        var date = new DateOnly(yyyy, mm, dd);
        if (date < today)
        {
            return Fail("Date_Past", [DatePart.Day, DatePart.Month, DatePart.Year]);
        }

        if (date > today.AddYears(MaxYearsAhead))
        {
            return Fail("Date_TooFar", [DatePart.Year]);
        }

        return new DateAnswer(date, null, []);
    }

    private static DateAnswer Fail(string problem, IReadOnlyList<DatePart> wrong) => new(null, problem, wrong);

    private static int? Number(string text) =>
        text.Length is > 0 and <= 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
