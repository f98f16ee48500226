using Kompetensbron.Core.Geography;

namespace Kompetensbron.Web.Forms;

/// <summary>Municipalities for a select: Jönköping county's first (the region this serves), then the rest.</summary>
public sealed record MunicipalityChoices(string HomeCountyName, IReadOnlyList<Municipality> HomeCounty, IReadOnlyList<Municipality> Others)
{
    /// <summary>SCB code of Jönköpings län.</summary>
    public const string HomeCountyCode = "06";

    /// <summary>The code to show as chosen.</summary>
    public string? Selected { get; init; }

    public static MunicipalityChoices From(GeographyModel geography)
    {
        ArgumentNullException.ThrowIfNull(geography);
        var home = geography.MunicipalitiesInCounty(HomeCountyCode).OrderBy(m => m.Name, StringComparer.CurrentCulture).ToList();
        var others = geography.Municipalities
            .Where(m => m.CountyCode != HomeCountyCode)
            .OrderBy(m => m.Name, StringComparer.CurrentCulture)
            .ToList();
        return new MunicipalityChoices(geography.FindCounty(HomeCountyCode)?.Name ?? HomeCountyCode, home, others);
    }
}
