using Kompetensbron.Core;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Matching;
using Kompetensbron.Web.Accounts;
using Kompetensbron.Web.Employers;
using Kompetensbron.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kompetensbron.Web.Pages.Employers;

/// <summary>Add or edit one site of the caller's organisation: a name and where it is (postal code or place, municipality).</summary>
[Authorize(Roles = Roles.Employer + "," + Roles.EducationProvider)]
public sealed class SiteModel(
    KompetensbronDbContext db,
    UserManager<KompetensbronUser> users,
    GeographyModel geography,
    MatchService matching,
    IStringLocalizer<OrganisationResource> text) : PageModel
{
    [BindProperty]
    public SiteInput Input { get; set; } = new();

    public MunicipalityChoices Municipalities { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (await OrganisationMembership.ApprovedMemberAsync(users, db, User, ct) is not { } organisationId)
        {
            return Forbid();
        }

        if (id is { } siteId)
        {
            if (await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == siteId && s.OrganisationId == organisationId, ct) is not { } site)
            {
                return NotFound();
            }

            Input = new SiteInput { Name = site.Name, PostalCode = site.PostalCode, PlaceName = site.PlaceName, MunicipalityCode = site.MunicipalityCode };
        }

        Municipalities = MunicipalityChoices.From(geography) with { Selected = Input.MunicipalityCode };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (await OrganisationMembership.ApprovedMemberAsync(users, db, User, ct) is not { } organisationId)
        {
            return Forbid();
        }

        var site = id is { } siteId ? await db.Sites.FirstOrDefaultAsync(s => s.Id == siteId && s.OrganisationId == organisationId, ct) : null;
        if (id is not null && site is null)
        {
            return NotFound();
        }

        Municipalities = MunicipalityChoices.From(geography) with { Selected = Input.MunicipalityCode };
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Input.Name))
        {
            ModelState.AddModelError("Input.Name", text["Site_Name_Required"]);
        }
        else if (Input.Name.Trim().Length > FieldLengths.Name)
        {
            ModelState.AddModelError("Input.Name", text["Site_Name_TooLong", FieldLengths.Name]);
        }

        var (location, problem) = OrganisationSites.Locate(geography, Input.MunicipalityCode, Input.PostalCode, Input.PlaceName);
        switch (problem)
        {
            case SiteLocationProblem.UnknownPostalCode:
                ModelState.AddModelError("Input.PostalCode", text["Site_PostalCode_Unknown"]);
                break;
            case SiteLocationProblem.PostalCodeInOtherMunicipality:
                ModelState.AddModelError("Input.PostalCode", text["Site_PostalCode_OtherMunicipality"]);
                break;
            case SiteLocationProblem.MunicipalityRequired:
                ModelState.AddModelError("Input.MunicipalityCode", text["Site_Municipality_Required"]);
                break;
        }

        if (location is not null && location.PlaceName?.Length > FieldLengths.Name)
        {
            ModelState.AddModelError("Input.PlaceName", text["Site_Name_TooLong", FieldLengths.Name]);
        }

        if (!ModelState.IsValid || location is null)
        {
            return Page();
        }

        if (site is null)
        {
            site = new Site { OrganisationId = organisationId, Name = string.Empty, MunicipalityCode = string.Empty };
            db.Sites.Add(site);
        }

        site.Name = Input.Name!.Trim();
        site.MunicipalityCode = location.MunicipalityCode;
        site.PostalCode = location.PostalCode;
        site.PlaceName = location.PlaceName;
        (site.Latitude, site.Longitude) = (location.Point.Latitude, location.Point.Longitude);
        await db.SaveChangesAsync(ct);
        await OrganisationSites.RefreshNeedsAsync(db, matching, organisationId, ct);
        TempData[nameof(OrganisationModel.Message)] = text["Sites_Saved", site.Name].Value;
        return RedirectToPage("/Employers/Organisation");
    }

    public sealed class SiteInput
    {
        public string? Name { get; set; }
        public string? PostalCode { get; set; }
        public string? PlaceName { get; set; }
        public string? MunicipalityCode { get; set; }
    }
}
