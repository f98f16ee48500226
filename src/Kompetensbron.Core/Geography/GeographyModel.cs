namespace Kompetensbron.Core.Geography;

/// <summary>
/// Immutable Swedish geography shipped in <c>data/geography.json.gz</c>: counties, municipalities,
/// places with coordinates and postal code → municipality. Thread-safe reads.
/// </summary>
public sealed class GeographyModel
{
    /// <summary>Loads the geography embedded in this assembly.</summary>
    public static GeographyModel LoadEmbedded() => throw new NotImplementedException();

    public IReadOnlyList<County> Counties => throw new NotImplementedException();
    public IReadOnlyList<Municipality> Municipalities => throw new NotImplementedException();
    public IReadOnlyList<Place> Places => throw new NotImplementedException();

    public County? FindCounty(string code) => throw new NotImplementedException();
    public Municipality? FindMunicipality(string code) => throw new NotImplementedException();
    public IReadOnlyList<Municipality> MunicipalitiesInCounty(string countyCode) => throw new NotImplementedException();
    public IReadOnlyList<Place> PlacesIn(string municipalityCode) => throw new NotImplementedException();

    /// <summary>Finds a place by name (case- and diacritic-insensitive), optionally within a municipality.</summary>
    public Place? FindPlace(string name, string? municipalityCode = null) => throw new NotImplementedException();

    /// <summary>The municipality of a Swedish postal code ("335 30" or "33530"); null when unknown.</summary>
    public Municipality? MunicipalityForPostalCode(string postalCode) => throw new NotImplementedException();
}
