namespace Kompetensbron.Core.Geography;

/// <summary>Air distance and the estimated commute model (see docs/decisions/0003-commute-model.md).</summary>
public static class Commute
{
    /// <summary>Great-circle distance in kilometres (haversine, mean earth radius 6371.0088 km).</summary>
    public static double AirDistanceKm(GeoPoint from, GeoPoint to) => throw new NotImplementedException();

    /// <summary>Estimated one-way door-to-door commute in whole minutes for an air distance and a mode.</summary>
    public static int EstimateMinutes(double airDistanceKm, CommuteMode mode) => throw new NotImplementedException();

    /// <summary>Estimated one-way commute in whole minutes between two points.</summary>
    public static int EstimateMinutes(GeoPoint from, GeoPoint to, CommuteMode mode) =>
        EstimateMinutes(AirDistanceKm(from, to), mode);
}
