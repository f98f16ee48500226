using Kompetensbron.Core.Geography;
using Kompetensbron.Web.Persons;
using Microsoft.AspNetCore.Mvc;

namespace Kompetensbron.Web.Pages.Persons.Steps;

/// <summary>Where the person lives: a postal code or a locality, turned into a municipality and a point.</summary>
public sealed class HomeModel(ProfileEditor editor, GeographyModel geography) : ProfileStepModel(editor)
{
    public override string Route => ProfileSteps.Home;

    [BindProperty]
    public string? Where { get; set; }

    public string? MunicipalityName(string code) => geography.FindMunicipality(code)?.Name;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Where = Profile.PostalCode ?? Profile.PlaceName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var text = Where?.Trim() ?? string.Empty;
        if (geography.FindPostalArea(text) is { } area && geography.FindMunicipality(area.MunicipalityCode) is { } municipality)
        {
            var point = geography.FindPlace(area.Locality, area.MunicipalityCode)?.Location ?? municipality.Centre;
            Set(municipality.Code, area.PostalCode, area.Locality, point);
        }
        else if (text.Length > 0 && geography.FindPlace(text) is { } place)
        {
            Set(place.MunicipalityCode, null, place.Name, place.Location);
        }
        else
        {
            ModelState.AddModelError(nameof(Where), Text[text.Length == 0 ? "Home_Required" : "Home_NotFound", text]);
            return Page();
        }

        return await SaveAndContinueAsync(ct);
    }

    private void Set(string municipalityCode, string? postalCode, string placeName, GeoPoint point)
    {
        Profile.MunicipalityCode = municipalityCode;
        Profile.PostalCode = postalCode;
        Profile.PlaceName = placeName;
        Profile.Latitude = point.Latitude;
        Profile.Longitude = point.Longitude;
    }
}
