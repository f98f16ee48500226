namespace Kompetensbron.Core.Geography;

/// <summary>A point on the earth in WGS 84 degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude);

/// <summary>A Swedish county (län) by its two-digit SCB code.</summary>
public sealed record County(string Code, string Name);

/// <summary>A Swedish municipality (kommun) by its four-digit SCB code, with a representative centre.</summary>
public sealed record Municipality(string Code, string Name, string CountyCode, GeoPoint Centre);

/// <summary>A named place (ort) with coordinates in a municipality.</summary>
public sealed record Place(string Name, string MunicipalityCode, GeoPoint Location);

/// <summary>How a person travels to work.</summary>
public enum CommuteMode
{
    Car,
    PublicTransport,
}

/// <summary>A Swedish postal code (five digits), its postal locality (postort) and municipality.</summary>
public sealed record PostalArea(string PostalCode, string Locality, string MunicipalityCode);
