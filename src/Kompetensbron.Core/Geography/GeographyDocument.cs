using System.Text.Json.Serialization;

namespace Kompetensbron.Core.Geography;

// The compact schema written by tools/derive-data.py (docs/decisions/0001-reference-data.md).
internal sealed record GeographyDocument(
    CountyRow[] Counties,
    MunicipalityRow[] Municipalities,
    PlaceRow[] Places,
    PostalCodeRow[] PostalCodes);

internal sealed record CountyRow(string Code, string Name);

internal sealed record MunicipalityRow(string Code, string Name, string County, double Lat, double Lon);

internal sealed record PlaceRow(string Name, string Muni, double Lat, double Lon);

internal sealed record PostalCodeRow(string Code, string Locality, string Muni);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(GeographyDocument))]
internal sealed partial class GeographyJsonContext : JsonSerializerContext;
