using System.ComponentModel.DataAnnotations;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Data;
using Kompetensbron.Web.Accounts;
using Kompetensbron.Web.Forms;
using Kompetensbron.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kompetensbron.Web.Pages.Account;

[EnableRateLimiting(SecuritySetup.SignUpPolicy)]
public sealed class RegisterOrganisationModel(
    SignUpByEmail signUp,
    KompetensbronDbContext db,
    GeographyModel geography,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    public MunicipalityChoices Municipalities { get; private set; } = null!;

    public void OnGet() => Municipalities = MunicipalityChoices.From(geography);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Municipalities = MunicipalityChoices.From(geography) with { Selected = Input.MunicipalityCode };
        const string prefix = nameof(Input);

        var organisationNumber = string.Empty;
        if (Input.OrganisationNumber is not null)
        {
            if (!OrganisationNumber.TryNormalise(Input.OrganisationNumber, out organisationNumber))
            {
                ModelState.AddModelError($"{prefix}.{nameof(OrganisationInput.OrganisationNumber)}", text["RegisterOrg_Number_Invalid"]);
            }
            else if (await db.Organisations.AnyAsync(o => o.OrganisationNumber == organisationNumber, cancellationToken))
            {
                ModelState.AddModelError($"{prefix}.{nameof(OrganisationInput.OrganisationNumber)}", text["RegisterOrg_Number_Taken"]);
            }
        }

        var municipality = Input.MunicipalityCode is { } code ? geography.FindMunicipality(code) : null;
        if (Input.MunicipalityCode is not null && municipality is null)
        {
            ModelState.AddModelError($"{prefix}.{nameof(OrganisationInput.MunicipalityCode)}", text["RegisterOrg_Municipality_Required"]);
        }

        if (!ModelState.IsValid || municipality is null || Input.Kind is not { } kind)
        {
            return Page();
        }

        // The same answer whether or not the address has an account: "check your e-mail" (SignUpByEmail).
        var errors = await signUp.StartAsync(
            new PendingSignUp(kind, Input.DisplayName!.Trim(), Input.Email!.Trim(), municipality.Code, Input.OrganisationName!.Trim(), organisationNumber, PasswordHash: string.Empty),
            Input.Password!,
            cancellationToken);
        if (errors.Count > 0)
        {
            ModelState.AddIdentityErrors(errors, prefix);
            return Page();
        }

        return LocalRedirect(SignUpByEmail.CheckEmailPath);
    }

    public sealed class OrganisationInput
    {
        [Display(Name = "Field_OrganisationName")]
        [Required(ErrorMessage = "RegisterOrg_Name_Required")]
        [StringLength(200, ErrorMessage = "RegisterOrg_Name_TooLong")]
        public string? OrganisationName { get; set; }

        [Display(Name = "Field_OrganisationNumber")]
        [Required(ErrorMessage = "RegisterOrg_Number_Required")]
        public string? OrganisationNumber { get; set; }

        [Display(Name = "Field_OrganisationKind")]
        [Required(ErrorMessage = "RegisterOrg_Kind_Required")]
        public OrganisationKind? Kind { get; set; }

        [Display(Name = "Field_OrganisationMunicipality")]
        [Required(ErrorMessage = "RegisterOrg_Municipality_Required")]
        public string? MunicipalityCode { get; set; }

        [Display(Name = "Field_YourName")]
        [Required(ErrorMessage = "Register_Name_Required")]
        [StringLength(100, ErrorMessage = "Register_Name_TooLong")]
        public string? DisplayName { get; set; }

        [Display(Name = "Field_WorkEmail")]
        [Required(ErrorMessage = "Register_Email_Required")]
        [EmailAddress(ErrorMessage = "Validation_Email")]
        [StringLength(200, ErrorMessage = "Validation_Email")]
        public string? Email { get; set; }

        [Display(Name = "Field_NewPassword")]
        [Required(ErrorMessage = "Register_Password_Required")]
        [DataType(DataType.Password)]
        public string? Password { get; set; }

        [Display(Name = "Field_ConfirmPassword")]
        [Required(ErrorMessage = "Register_ConfirmPassword_Required")]
        [Compare(nameof(Password), ErrorMessage = "Register_ConfirmPassword_Mismatch")]
        [DataType(DataType.Password)]
        public string? ConfirmPassword { get; set; }
    }
}
