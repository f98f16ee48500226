using Kompetensbron.Core.Geography;

namespace Kompetensbron.Core.Placement;

/// <summary>Why an applicant may not be placed at a wished place; a pair with any of these is never assigned.</summary>
[Flags]
public enum Ineligibility
{
    None = 0,

    /// <summary>The wish names no place in the round.</summary>
    UnknownPlace = 1,

    /// <summary>The applicant is younger than the place's minimum age on the first day of the period.</summary>
    BelowMinimumAge = 2,

    /// <summary>The place has a minimum age and the applicant's age is not known.</summary>
    AgeUnknown = 4,

    /// <summary>The estimated commute is longer than the applicant's own maximum or the place's limit.</summary>
    CommuteTooLong = 8,

    /// <summary>The applicant lacks a licence or certificate the place requires.</summary>
    MissingLicence = 16,
}

/// <summary>The eligibility rules of a round, applied to one applicant and one place.</summary>
public static class PlacementEligibility
{
    /// <summary>The reasons the pair may not be placed (<see cref="Ineligibility.None"/> when it may).</summary>
    public static Ineligibility Check(PlacementApplicant applicant, PlacementPlace place)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        ArgumentNullException.ThrowIfNull(place);
        var requirements = place.Requirements;
        var reasons = Ineligibility.None;
        if (requirements.MinimumAge is { } minimumAge)
        {
            var age = AgeAtStart(applicant, place);
            if (age is null)
            {
                reasons |= Ineligibility.AgeUnknown;
            }
            else if (age < minimumAge)
            {
                reasons |= Ineligibility.BelowMinimumAge;
            }
        }

        if (CommuteMinutes(applicant, place) > CommuteLimit(applicant, place))
        {
            reasons |= Ineligibility.CommuteTooLong;
        }

        foreach (var licence in requirements.RequiredLicences)
        {
            if (!Holds(applicant, licence))
            {
                reasons |= Ineligibility.MissingLicence;
                break;
            }
        }

        return reasons;
    }

    /// <summary>The applicant's age in whole years on the first day of the place's period, if known.</summary>
    public static int? AgeAtStart(PlacementApplicant applicant, PlacementPlace place)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        ArgumentNullException.ThrowIfNull(place);
        if (applicant.BirthDate is not { } born)
        {
            return applicant.Age;
        }

        var on = place.PeriodStart;
        var age = on.Year - born.Year;
        return on < born.AddYears(age) ? age - 1 : age;
    }

    /// <summary>Estimated one-way commute from the applicant's home (docs/decisions/0003-commute-model.md).</summary>
    public static int CommuteMinutes(PlacementApplicant applicant, PlacementPlace place)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        ArgumentNullException.ThrowIfNull(place);
        return Commute.EstimateMinutes(applicant.Home, place.Location, applicant.CommuteMode);
    }

    /// <summary>The commute limit that applies: the applicant's own maximum or the place's, whichever is smaller.</summary>
    public static int CommuteLimit(PlacementApplicant applicant, PlacementPlace place)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        ArgumentNullException.ThrowIfNull(place);
        return place.Requirements.MaxCommuteMinutes is { } placeLimit
            ? Math.Min(placeLimit, applicant.MaxCommuteMinutes)
            : applicant.MaxCommuteMinutes;
    }

    /// <summary>The place's required licences the applicant does not hold.</summary>
    public static IReadOnlyList<string> MissingLicences(PlacementApplicant applicant, PlacementPlace place)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        ArgumentNullException.ThrowIfNull(place);
        return [.. place.Requirements.RequiredLicences.Where(l => !Holds(applicant, l))];
    }

    private static bool Holds(PlacementApplicant applicant, string licence)
    {
        foreach (var held in applicant.Licences)
        {
            if (string.Equals(held, licence, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
