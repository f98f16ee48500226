using Kompetensbron.Core.Geography;

namespace Kompetensbron.Core.Tests.Geography;

public class GeographyModelTests
{
    private static GeographyModel Geography => ReferenceData.Geography;

    [Fact]
    public void Counts_match_the_source_files()
    {
        Assert.Equal(21, Geography.Counties.Count);
        Assert.Equal(290, Geography.Municipalities.Count);
        Assert.Equal(2012, Geography.Places.Count);
    }

    [Fact]
    public void Jonkoping_county_has_its_thirteen_municipalities()
    {
        Assert.Equal("Jönköpings län", Geography.FindCounty("06")?.Name);
        var expected = new Dictionary<string, string>
        {
            ["0604"] = "Aneby", ["0617"] = "Gnosjö", ["0642"] = "Mullsjö", ["0643"] = "Habo",
            ["0662"] = "Gislaved", ["0665"] = "Vaggeryd", ["0680"] = "Jönköping", ["0682"] = "Nässjö",
            ["0683"] = "Värnamo", ["0684"] = "Sävsjö", ["0685"] = "Vetlanda", ["0686"] = "Eksjö", ["0687"] = "Tranås",
        };
        var actual = Geography.MunicipalitiesInCounty("06").ToDictionary(m => m.Code, m => m.Name);
        Assert.Equal(expected, actual);
        Assert.All(Geography.MunicipalitiesInCounty("06"), m => Assert.Equal("06", m.CountyCode));
    }

    [Fact]
    public void Every_municipality_has_places_and_a_centre_among_or_near_them()
    {
        foreach (var municipality in Geography.Municipalities)
        {
            var places = Geography.PlacesIn(municipality.Code);
            Assert.NotEmpty(places);
            var nearest = places.Min(p => Commute.AirDistanceKm(p.Location, municipality.Centre));
            Assert.True(nearest < 60, $"{municipality.Name}: centre {nearest:F1} km from its nearest place");
        }

        Assert.Equal(Geography.Places.Count, Geography.Municipalities.Sum(m => Geography.PlacesIn(m.Code).Count));
    }

    [Fact]
    public void Centre_is_the_place_named_like_the_municipality_or_its_seat()
    {
        Assert.Equal(Geography.FindPlace("Gnosjö", "0617")!.Location, Geography.FindMunicipality("0617")!.Centre);
        Assert.Equal(Geography.FindPlace("Kungsängen", "0139")!.Location, Geography.FindMunicipality("0139")!.Centre);
    }

    [Theory]
    [InlineData("Gnosjö")]
    [InlineData("Hillerstorp")]
    [InlineData("Kulltorp")]
    public void Gnosjo_places_exist(string name)
    {
        var place = Geography.FindPlace(name, "0617");
        Assert.NotNull(place);
        Assert.Equal(name, place.Name);
        Assert.Contains(place, Geography.PlacesIn("0617"));
        Assert.InRange(place.Location.Latitude, 57.0, 57.6);
        Assert.InRange(place.Location.Longitude, 13.5, 14.2);
    }

    [Theory]
    [InlineData("gnosjo")]
    [InlineData("GNOSJÖ")]
    [InlineData(" Gnosjö ")]
    public void Find_place_forgives_case_and_diacritics(string name) =>
        Assert.Equal("Gnosjö", Geography.FindPlace(name)?.Name);

    [Fact]
    public void Find_place_respects_the_municipality_filter()
    {
        Assert.Null(Geography.FindPlace("Hillerstorp", "0683"));
        Assert.Null(Geography.FindPlace("Ingenstansby"));
    }

    [Fact]
    public void Places_in_a_municipality_are_in_swedish_alphabetical_order()
    {
        // Ordinal (code point) order would put Ä before Å.
        var names = Geography.PlacesIn("0760").Select(p => p.Name).ToList();
        Assert.Equal(["Alstermo", "Lenhovda", "Norrhult Klavreström", "Uppvidinge", "Åseda", "Älghult"], names);
    }

    [Theory]
    [InlineData("335 30")]
    [InlineData("33530")]
    [InlineData(" 335 30 ")]
    [InlineData("SE-335 30")]
    public void Postal_code_finds_gnosjo(string postalCode)
    {
        Assert.Equal("0617", Geography.MunicipalityForPostalCode(postalCode)?.Code);
        Assert.Equal("Gnosjö", Geography.FindPostalArea(postalCode)?.Locality);
    }

    [Theory]
    [InlineData("")]
    [InlineData("3353")]
    [InlineData("335300")]
    [InlineData("33a30")]
    [InlineData("00000")]
    public void Malformed_or_unknown_postal_codes_give_null(string postalCode) =>
        Assert.Null(Geography.MunicipalityForPostalCode(postalCode));

    [Fact]
    public void All_postal_codes_resolve_to_a_municipality()
    {
        // 15,463 rows in postal_to_municipality.csv, no duplicates; sample every code from a known range.
        var known = Enumerable.Range(10000, 90000).Select(n => n.ToString("D5", System.Globalization.CultureInfo.InvariantCulture))
            .Count(code => Geography.FindPostalArea(code) is not null);
        Assert.Equal(15463, known);
    }
}
