namespace Kompetensbron.Core.Insights;

/// <summary>
/// Expected retirements from workforce cohorts. Ages are taken as evenly spread over a cohort's band; a person of
/// age <c>a</c> retires in year <c>RetirementAge − a</c> from now, and anyone already at or past the retirement
/// age retires in year 1.
/// </summary>
public static class RetirementForecast
{
    /// <summary>
    /// Expected retirements in each year 1..<paramref name="years"/> (index 0 is unused and 0) for one cohort.
    /// </summary>
    public static double[] PerYear(WorkforceGroup cohort, int retirementAge, int years = 10)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        var result = new double[years + 1];
        if (cohort.Count <= 0 || cohort.AgeTo < cohort.AgeFrom)
        {
            return result;
        }

        var perAge = (double)cohort.Count / (cohort.AgeTo - cohort.AgeFrom + 1);
        for (var age = cohort.AgeFrom; age <= cohort.AgeTo; age++)
        {
            var year = Math.Max(1, retirementAge - age);
            if (year <= years)
            {
                result[year] += perAge;
            }
        }

        return result;
    }

    /// <summary>Expected retirements within <paramref name="horizon"/> years (0 for "now").</summary>
    public static double Cumulative(WorkforceGroup cohort, int retirementAge, int horizon)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        if (horizon <= 0 || cohort.Count <= 0 || cohort.AgeTo < cohort.AgeFrom)
        {
            return 0;
        }

        // Ages a with max(1, R − a) ≤ h, i.e. a ≥ R − h.
        var from = Math.Max(cohort.AgeFrom, retirementAge - horizon);
        var ages = cohort.AgeTo - from + 1;
        return ages <= 0 ? 0 : (double)cohort.Count * ages / (cohort.AgeTo - cohort.AgeFrom + 1);
    }
}
