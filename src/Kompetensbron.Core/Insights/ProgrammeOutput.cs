namespace Kompetensbron.Core.Insights;

/// <summary>
/// How many people a programme is expected to produce within a horizon: seats × completion rate for each start
/// that completes after today and no later than the horizon. Listed start dates repeat every year.
/// </summary>
public static class ProgrammeOutput
{
    public static double Within(ProgrammeOffer programme, DateOnly today, int horizonYears, double completionRate)
    {
        ArgumentNullException.ThrowIfNull(programme);
        if (horizonYears <= 0 || programme.Seats <= 0)
        {
            return 0;
        }

        var end = today.AddYears(horizonYears);
        var completions = 0;
        foreach (var first in programme.StartDates.Distinct())
        {
            for (var start = first; ; start = start.AddYears(1))
            {
                var done = start.AddDays(7 * programme.LengthWeeks);
                if (done > end)
                {
                    break;
                }

                if (done > today)
                {
                    completions++;
                }
            }
        }

        return completions * programme.Seats * completionRate;
    }
}
