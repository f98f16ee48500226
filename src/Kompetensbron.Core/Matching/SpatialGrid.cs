using Kompetensbron.Core.Geography;

namespace Kompetensbron.Core.Matching;

/// <summary>
/// A coarse latitude/longitude grid over Sweden (0.25° × 0.5°, about 28 × 28 km) whose row-major cell numbers order
/// postings by place, so a search radius becomes a few contiguous cell ranges (one per grid row). Points outside
/// the grid fall into its edge cells; the mapping is monotone, so ranges stay complete.
/// </summary>
internal static class SpatialGrid
{
    private const double MinLatitude = 54.0;
    private const double MaxLatitude = 70.0;
    private const double MinLongitude = 9.0;
    private const double MaxLongitude = 25.0;
    private const double RowDegrees = 0.25;
    private const double ColumnDegrees = 0.5;
    private const double KmPerDegree = Geography.Commute.EarthRadiusKm * Math.PI / 180;

    public const int Rows = (int)((MaxLatitude - MinLatitude) / RowDegrees);
    public const int Columns = (int)((MaxLongitude - MinLongitude) / ColumnDegrees);

    public static int Row(double latitude) => Math.Clamp((int)Math.Floor((latitude - MinLatitude) / RowDegrees), 0, Rows - 1);

    public static int Column(double longitude) => Math.Clamp((int)Math.Floor((longitude - MinLongitude) / ColumnDegrees), 0, Columns - 1);

    public static ushort Cell(GeoPoint point) => (ushort)((Row(point.Latitude) * Columns) + Column(point.Longitude));

    /// <summary>
    /// Writes the cell ranges (inclusive) that hold every point within <paramref name="radiusKm"/> great-circle
    /// kilometres of <paramref name="centre"/>; returns how many. <paramref name="ranges"/> needs <see cref="Rows"/> entries.
    /// </summary>
    public static int Ranges(GeoPoint centre, double radiusKm, Span<(ushort From, ushort To)> ranges)
    {
        if (radiusKm < 0)
        {
            return 0;
        }

        // On a sphere, every point within angle d of the centre lies within d in latitude and within
        // asin(sin d / cos φ) in longitude (the spherical cap's extent); a hair of margin absorbs rounding.
        var angle = (radiusKm / KmPerDegree) + 1e-6;
        var cosLatitude = Math.Cos(centre.Latitude * Math.PI / 180);
        var sinAngle = Math.Sin(angle * Math.PI / 180);
        var longitudeSpan = angle >= 90 || sinAngle >= cosLatitude
            ? 360.0
            : (Math.Asin(sinAngle / cosLatitude) * 180 / Math.PI) + 1e-6;

        var rowFrom = Row(centre.Latitude - angle);
        var rowTo = Row(centre.Latitude + angle);
        var columnFrom = longitudeSpan >= 180 ? 0 : Column(centre.Longitude - longitudeSpan);
        var columnTo = longitudeSpan >= 180 ? Columns - 1 : Column(centre.Longitude + longitudeSpan);
        var count = 0;
        for (var row = rowFrom; row <= rowTo; row++)
        {
            ranges[count++] = ((ushort)((row * Columns) + columnFrom), (ushort)((row * Columns) + columnTo));
        }

        return count;
    }
}
