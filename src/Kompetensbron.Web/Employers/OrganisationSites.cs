using System.Security.Claims;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Import.Tabular;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Matching;
using Kompetensbron.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Web.Employers;

/// <summary>Where a site is, worked out from its postal code or place name and municipality.</summary>
public sealed record SiteLocation(string MunicipalityCode, string? PostalCode, string? PlaceName, GeoPoint Point);

/// <summary>Why a site's address could not be placed (the form field it concerns).</summary>
public enum SiteLocationProblem
{
    None,
    UnknownPostalCode,
    PostalCodeInOtherMunicipality,
    MunicipalityRequired,
}

/// <summary>
/// The organisation page's rules for sites, shared by employers and education providers: who may change them, how
/// an address becomes a place, and keeping the match index in step (a need is placed at its site).
/// </summary>
public static class OrganisationSites
{
    /// <summary>
    /// A postal code decides the municipality (and the locality when no place is named); without one the
    /// municipality must be chosen. The point is the named place in the municipality, else its centre.
    /// </summary>
    public static (SiteLocation? Location, SiteLocationProblem Problem) Locate(
        GeographyModel geography, string? municipalityCode, string? postalCode, string? placeName)
    {
        ArgumentNullException.ThrowIfNull(geography);
        var place = string.IsNullOrWhiteSpace(placeName) ? null : placeName.Trim();
        string? postal = null;
        if (!string.IsNullOrWhiteSpace(postalCode))
        {
            if (geography.FindPostalArea(postalCode) is not { } area)
            {
                return (null, SiteLocationProblem.UnknownPostalCode);
            }

            if (!string.IsNullOrWhiteSpace(municipalityCode) && municipalityCode != area.MunicipalityCode)
            {
                return (null, SiteLocationProblem.PostalCodeInOtherMunicipality);
            }

            municipalityCode = area.MunicipalityCode;
            postal = area.PostalCode;
            place ??= area.Locality;
        }

        if (string.IsNullOrWhiteSpace(municipalityCode) || geography.FindMunicipality(municipalityCode) is null)
        {
            return (null, SiteLocationProblem.MunicipalityRequired);
        }

        return (new SiteLocation(municipalityCode, postal, place, TabularWords.Location(geography, municipalityCode, place)), SiteLocationProblem.None);
    }

    /// <summary>Re-reads the organisation's needs into the match index (after its sites or its approval changed).</summary>
    public static async Task RefreshNeedsAsync(KompetensbronDbContext db, MatchService matching, int organisationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(matching);
        var needs = await db.Needs.AsNoTracking().Where(n => n.OrganisationId == organisationId).Select(n => n.Id).ToListAsync(ct);
        foreach (var need in needs)
        {
            await matching.RefreshNeedAsync(need, ct);
        }
    }
}
