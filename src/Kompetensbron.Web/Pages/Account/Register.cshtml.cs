using System.ComponentModel.DataAnnotations;
using Kompetensbron.Core.Geography;
using Kompetensbron.Web.Accounts;
using Kompetensbron.Web.Forms;
using Kompetensbron.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Kompetensbron.Web.Pages.Account;

[EnableRateLimiting(SecuritySetup.SignUpPolicy)]
public sealed class RegisterModel(
    SignUpByEmail signUp,
    GeographyModel geography,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public PersonInput Input { get; set; } = new();

    public MunicipalityChoices Municipalities { get; private set; } = null!;

    public void OnGet() => Municipalities = MunicipalityChoices.From(geography);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Municipalities = MunicipalityChoices.From(geography) with { Selected = Input.MunicipalityCode };
        var municipality = Input.MunicipalityCode is { } code ? geography.FindMunicipality(code) : null;
        if (Input.MunicipalityCode is not null && municipality is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(PersonInput.MunicipalityCode)}", text["Register_Municipality_Required"]);
        }

        if (!ModelState.IsValid || municipality is null)
        {
            return Page();
        }

        // The same answer whether or not the address has an account: "check your e-mail" (SignUpByEmail).
        var errors = await signUp.StartAsync(
            new PendingSignUp(null, Input.DisplayName!.Trim(), Input.Email!.Trim(), municipality.Code, null, null, PasswordHash: string.Empty),
            Input.Password!,
            cancellationToken);
        if (errors.Count > 0)
        {
            ModelState.AddIdentityErrors(errors, nameof(Input));
            return Page();
        }

        return LocalRedirect(SignUpByEmail.CheckEmailPath);
    }

    public sealed class PersonInput
    {
        [Display(Name = "Field_YourName")]
        [Required(ErrorMessage = "Register_Name_Required")]
        [StringLength(100, ErrorMessage = "Register_Name_TooLong")]
        public string? DisplayName { get; set; }

        [Display(Name = "Field_Municipality")]
        [Required(ErrorMessage = "Register_Municipality_Required")]
        public string? MunicipalityCode { get; set; }

        [Display(Name = "Field_Email")]
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
