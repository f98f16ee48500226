using System.Collections.ObjectModel;
using System.Globalization;
using System.Text.Json;
using Kompetensbron.Core.Text;

namespace Kompetensbron.Core.Geography;

/// <summary>
/// Immutable Swedish geography shipped in <c>data/geography.json.gz</c>: counties, municipalities,
/// places with coordinates and postal code → municipality. Thread-safe reads.
/// </summary>
public sealed class GeographyModel
{
    private readonly Dictionary<string, County> _counties;
    private readonly Dictionary<string, Municipality> _municipalities;
    private readonly Dictionary<string, ReadOnlyCollection<Municipality>> _municipalitiesByCounty;
    private readonly Dictionary<string, ReadOnlyCollection<Place>> _placesByMunicipality;
    private readonly Dictionary<string, Place[]> _placesByKey;
    private readonly Dictionary<string, PostalArea> _postalAreas;

    private GeographyModel(GeographyDocument document)
    {
        // Swedish alphabetical order (… x y z å ä ö) for lists shown to people.
        var swedish = StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: false);

        var counties = Array.ConvertAll(document.Counties, c => new County(c.Code, c.Name));
        var municipalities = Array.ConvertAll(
            document.Municipalities, m => new Municipality(m.Code, m.Name, m.County, new GeoPoint(m.Lat, m.Lon)));
        var places = Array.ConvertAll(document.Places, p => new Place(p.Name, p.Muni, new GeoPoint(p.Lat, p.Lon)));
        Array.Sort(places, (a, b) =>
        {
            var byMunicipality = string.CompareOrdinal(a.MunicipalityCode, b.MunicipalityCode);
            return byMunicipality != 0 ? byMunicipality : swedish.Compare(a.Name, b.Name);
        });

        Counties = Array.AsReadOnly(counties);
        Municipalities = Array.AsReadOnly(municipalities);
        Places = Array.AsReadOnly(places);

        _counties = counties.ToDictionary(c => c.Code, StringComparer.Ordinal);
        _municipalities = municipalities.ToDictionary(m => m.Code, StringComparer.Ordinal);
        _municipalitiesByCounty = municipalities
            .GroupBy(m => m.CountyCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Array.AsReadOnly(g.ToArray()), StringComparer.Ordinal);
        _placesByMunicipality = places
            .GroupBy(p => p.MunicipalityCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Array.AsReadOnly(g.ToArray()), StringComparer.Ordinal);
        _placesByKey = places
            .GroupBy(p => SearchText.Key(p.Name), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _postalAreas = document.PostalCodes.ToDictionary(
            p => p.Code, p => new PostalArea(p.Code, p.Locality, p.Muni), StringComparer.Ordinal);
    }

    /// <summary>Loads the geography embedded in this assembly.</summary>
    public static GeographyModel LoadEmbedded()
    {
        using var stream = EmbeddedData.Open("geography.json.gz");
        return Load(stream);
    }

    /// <summary>Loads geography from uncompressed JSON in the schema written by tools/derive-data.py.</summary>
    internal static GeographyModel Load(Stream json)
    {
        var document = JsonSerializer.Deserialize(json, GeographyJsonContext.Default.GeographyDocument)
            ?? throw new InvalidDataException("The geography document is empty.");
        return new GeographyModel(document);
    }

    /// <summary>The 21 counties, ordered by code.</summary>
    public IReadOnlyList<County> Counties { get; }

    /// <summary>The 290 municipalities, ordered by code.</summary>
    public IReadOnlyList<Municipality> Municipalities { get; }

    /// <summary>All places, ordered by municipality code and then by name in Swedish order.</summary>
    public IReadOnlyList<Place> Places { get; }

    public County? FindCounty(string code) => _counties.GetValueOrDefault(code);
    public Municipality? FindMunicipality(string code) => _municipalities.GetValueOrDefault(code);

    public IReadOnlyList<Municipality> MunicipalitiesInCounty(string countyCode) =>
        _municipalitiesByCounty.TryGetValue(countyCode, out var list) ? list : ReadOnlyCollection<Municipality>.Empty;

    public IReadOnlyList<Place> PlacesIn(string municipalityCode) =>
        _placesByMunicipality.TryGetValue(municipalityCode, out var list) ? list : ReadOnlyCollection<Place>.Empty;

    /// <summary>Finds a place by name (case- and diacritic-insensitive), optionally within a municipality.</summary>
    /// <remarks>
    /// Hyphens and spaces are equivalent ("Upplands-Bro" finds "Upplands Bro"). When several places share the
    /// name, an exact spelling wins, then the place that gives its municipality its name, then the lowest
    /// municipality code.
    /// </remarks>
    public Place? FindPlace(string name, string? municipalityCode = null)
    {
        if (!_placesByKey.TryGetValue(SearchText.Key(name), out var candidates))
        {
            return null;
        }

        Place? best = null;
        var bestRank = int.MaxValue;
        foreach (var place in candidates)
        {
            if (municipalityCode is not null && !string.Equals(place.MunicipalityCode, municipalityCode, StringComparison.Ordinal))
            {
                continue;
            }

            var rank = (string.Equals(place.Name, name.Trim(), StringComparison.Ordinal) ? 0 : 2)
                + (string.Equals(FindMunicipality(place.MunicipalityCode)?.Name, place.Name, StringComparison.Ordinal) ? 0 : 1);
            if (rank < bestRank)
            {
                best = place;
                bestRank = rank;
            }
        }

        return best;
    }

    /// <summary>The municipality of a Swedish postal code ("335 30" or "33530"); null when unknown.</summary>
    public Municipality? MunicipalityForPostalCode(string postalCode) =>
        FindPostalArea(postalCode) is { } area ? FindMunicipality(area.MunicipalityCode) : null;

    /// <summary>The postal area of a postal code ("335 30", "33530" or "SE-335 30"); null when unknown or malformed.</summary>
    public PostalArea? FindPostalArea(string postalCode)
    {
        ArgumentNullException.ThrowIfNull(postalCode);
        Span<char> digits = stackalloc char[5];
        var count = 0;
        var text = postalCode.AsSpan().Trim();
        if (text.StartsWith("SE-", StringComparison.OrdinalIgnoreCase))
        {
            text = text[3..];
        }

        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length)
                {
                    return null;
                }

                digits[count++] = c;
            }
            else if (c != ' ')
            {
                return null;
            }
        }

        return count == digits.Length ? _postalAreas.GetValueOrDefault(new string(digits)) : null;
    }
}
