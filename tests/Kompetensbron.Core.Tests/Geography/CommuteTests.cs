using FsCheck;
using FsCheck.Xunit;
using Kompetensbron.Core.Geography;

namespace Kompetensbron.Core.Tests.Geography;

public class CommuteTests
{
    [Fact]
    public void Gnosjo_to_Varnamo_is_the_great_circle_distance_between_the_places()
    {
        var gnosjo = ReferenceData.Geography.FindPlace("Gnosjö", "0617")!.Location;
        var varnamo = ReferenceData.Geography.FindPlace("Värnamo", "0683")!.Location;

        var km = Commute.AirDistanceKm(gnosjo, varnamo);

        Assert.Equal(SphericalLawOfCosinesKm(gnosjo, varnamo), km, precision: 6);
        Assert.InRange(km, 22, 32);
        Assert.Equal(km, Commute.AirDistanceKm(varnamo, gnosjo), precision: 9);
    }

    [Fact]
    public void Known_long_distance_is_right()
    {
        // Stockholm (59.3293 N, 18.0686 E) to Göteborg (57.7089 N, 11.9746 E) is about 398 km as the crow flies.
        var km = Commute.AirDistanceKm(new GeoPoint(59.3293, 18.0686), new GeoPoint(57.7089, 11.9746));
        Assert.InRange(km, 395, 401);
    }

    [Fact]
    public void Same_point_is_zero_km_and_the_fixed_minutes()
    {
        var point = new GeoPoint(57.35, 13.73);
        Assert.Equal(0, Commute.AirDistanceKm(point, point));
        Assert.Equal(5, Commute.EstimateMinutes(point, point, CommuteMode.Car));
        Assert.Equal(15, Commute.EstimateMinutes(point, point, CommuteMode.PublicTransport));
    }

    [Theory]
    [InlineData(10, CommuteMode.Car, 17)]             // 13 km road at 70 km/h = 11.1 min + 5
    [InlineData(10, CommuteMode.PublicTransport, 34)] // 14 km at 45 km/h = 18.7 min + 15
    [InlineData(26, CommuteMode.Car, 34)]
    [InlineData(26, CommuteMode.PublicTransport, 64)]
    public void Estimates_follow_the_documented_model(double km, CommuteMode mode, int expected) =>
        Assert.Equal(expected, Commute.EstimateMinutes(km, mode));

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Invalid_distances_are_rejected(double km) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Commute.EstimateMinutes(km, CommuteMode.Car));

    [Property]
    public bool Estimates_grow_with_distance_and_transit_is_never_faster(NormalFloat a, NormalFloat b)
    {
        var near = Math.Min(Math.Abs(a.Get), Math.Abs(b.Get)) % 2000;
        var far = near + (Math.Abs(a.Get - b.Get) % 500);
        foreach (var mode in new[] { CommuteMode.Car, CommuteMode.PublicTransport })
        {
            if (Commute.EstimateMinutes(near, mode) > Commute.EstimateMinutes(far, mode))
            {
                return false;
            }
        }

        return Commute.EstimateMinutes(near, CommuteMode.PublicTransport) >= Commute.EstimateMinutes(near, CommuteMode.Car)
            && Commute.EstimateMinutes(far, CommuteMode.PublicTransport) >= Commute.EstimateMinutes(far, CommuteMode.Car);
    }

    [Fact]
    public void Estimates_are_monotonic_on_a_fine_grid()
    {
        var previous = (Car: 0, Transit: 0);
        for (var km = 0.0; km <= 300; km += 0.25)
        {
            var car = Commute.EstimateMinutes(km, CommuteMode.Car);
            var transit = Commute.EstimateMinutes(km, CommuteMode.PublicTransport);
            Assert.True(car >= previous.Car && transit >= previous.Transit, $"not monotonic at {km} km");
            Assert.True(transit >= car, $"transit faster than car at {km} km");
            previous = (car, transit);
        }
    }

    // An independent formula (spherical law of cosines) with the same earth radius.
    private static double SphericalLawOfCosinesKm(GeoPoint a, GeoPoint b)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var cos = (Math.Sin(Rad(a.Latitude)) * Math.Sin(Rad(b.Latitude)))
            + (Math.Cos(Rad(a.Latitude)) * Math.Cos(Rad(b.Latitude)) * Math.Cos(Rad(b.Longitude - a.Longitude)));
        return 6371.0088 * Math.Acos(Math.Clamp(cos, -1, 1));
    }
}
