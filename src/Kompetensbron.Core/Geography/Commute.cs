namespace Kompetensbron.Core.Geography;

/// <summary>Air distance and the estimated commute model (see docs/decisions/0003-commute-model.md).</summary>
public static class Commute
{
    /// <summary>Mean earth radius (IUGG) in kilometres.</summary>
    public const double EarthRadiusKm = 6371.0088;

    // Model constants (docs/decisions/0003-commute-model.md): road distance ≈ air distance × detour factor,
    // driven at an average speed, plus fixed time for parking/walking or for walking and waiting.
    private const double CarDetour = 1.3;
    private const double CarKmPerHour = 70;
    private const double CarFixedMinutes = 5;
    private const double TransitDetour = 1.4;
    private const double TransitKmPerHour = 45;
    private const double TransitFixedMinutes = 15;

    /// <summary>Great-circle distance in kilometres (haversine, mean earth radius 6371.0088 km).</summary>
    public static double AirDistanceKm(GeoPoint from, GeoPoint to)
    {
        var lat1 = DegreesToRadians(from.Latitude);
        var lat2 = DegreesToRadians(to.Latitude);
        var sinHalfLat = Math.Sin((lat2 - lat1) / 2);
        var sinHalfLon = Math.Sin(DegreesToRadians(to.Longitude - from.Longitude) / 2);
        var h = (sinHalfLat * sinHalfLat) + (Math.Cos(lat1) * Math.Cos(lat2) * sinHalfLon * sinHalfLon);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>Estimated one-way door-to-door commute in whole minutes for an air distance and a mode.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The distance is negative, infinite or not a number.</exception>
    public static int EstimateMinutes(double airDistanceKm, CommuteMode mode)
    {
        if (!double.IsFinite(airDistanceKm) || airDistanceKm < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(airDistanceKm), airDistanceKm, "Distance must be a finite, non-negative number of kilometres.");
        }

        var minutes = mode switch
        {
            CommuteMode.Car => (airDistanceKm * CarDetour / CarKmPerHour * 60) + CarFixedMinutes,
            CommuteMode.PublicTransport => (airDistanceKm * TransitDetour / TransitKmPerHour * 60) + TransitFixedMinutes,
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown commute mode."),
        };

        // Round up: a commute estimate should not look shorter than the model says. Capped so absurd
        // inputs cannot overflow.
        return (int)Math.Ceiling(Math.Min(minutes, int.MaxValue));
    }

    /// <summary>
    /// The largest air distance whose estimate is at most <paramref name="minutes"/> for the mode, with a hair of
    /// margin for rounding, so a search radius from it never misses a place <see cref="EstimateMinutes(double, CommuteMode)"/>
    /// would accept; negative when even the fixed minutes exceed the limit.
    /// </summary>
    public static double MaxAirDistanceKm(int minutes, CommuteMode mode)
    {
        var (detour, speed, fixedMinutes) = mode switch
        {
            CommuteMode.Car => (CarDetour, CarKmPerHour, CarFixedMinutes),
            CommuteMode.PublicTransport => (TransitDetour, TransitKmPerHour, TransitFixedMinutes),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown commute mode."),
        };

        // EstimateMinutes rounds up, so ceil(x) <= minutes exactly when x <= minutes.
        var km = (minutes - fixedMinutes) * speed / (60 * detour);
        return km < 0 ? -1 : (km * (1 + 1e-9)) + 1e-6;
    }

    /// <summary>Estimated one-way commute in whole minutes between two points.</summary>
    public static int EstimateMinutes(GeoPoint from, GeoPoint to, CommuteMode mode) =>
        EstimateMinutes(AirDistanceKm(from, to), mode);

    private static double DegreesToRadians(double degrees) => degrees * Math.PI / 180;
}
