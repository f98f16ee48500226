using System.ComponentModel.DataAnnotations;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Accounts;
using Kompetensbron.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Kompetensbron.Web.Pages.Account;

[EnableRateLimiting(SecuritySetup.LoginPolicy)]
public sealed class LoginModel(
    SignInManager<KompetensbronUser> signIn,
    UserManager<KompetensbronUser> users,
    LoginAttemptsPerAccount attemptsPerAccount,
    TimeProvider time,
    IStringLocalizer<SharedResource> text,
    IStringLocalizer<OrganisationResource> organisationText) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!attemptsPerAccount.TryAttempt(users.NormalizeEmail(Input.Email!.Trim())))
        {
            // The same answer as the per-address limit: the status page for 429.
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        var user = await users.FindByEmailAsync(Input.Email!);
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: true);

        if (result.IsLockedOut)
        {
            // A coordinator's lock (until unlocked) is not the 15 minutes after wrong passwords.
            var lockedByCoordinator = user?.LockoutEnd > time.GetUtcNow().AddYears(1);
            ModelState.AddModelError($"{nameof(Input)}.{nameof(LoginInput.Email)}", lockedByCoordinator ? organisationText["Login_LockedByCoordinator"] : text["Login_LockedOut"]);
            return Page();
        }

        if (!result.Succeeded || user is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(LoginInput.Email)}", text["Login_Failed"]);
            return Page();
        }

        // A login is activity: the retention clock starts again.
        user.MarkActive(time.GetUtcNow());
        await users.UpdateAsync(user);

        var roles = await users.GetRolesAsync(user);
        if (!user.IsApproved && (roles.Contains(Roles.Employer) || roles.Contains(Roles.EducationProvider)))
        {
            return LocalRedirect(RolePages.AwaitingApproval);
        }

        return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : LocalRedirect(RolePages.For(roles));
    }

    public sealed class LoginInput
    {
        [Display(Name = "Field_Email")]
        [Required(ErrorMessage = "Login_Email_Required")]
        [EmailAddress(ErrorMessage = "Validation_Email")]
        public string? Email { get; set; }

        [Display(Name = "Field_Password")]
        [Required(ErrorMessage = "Login_Password_Required")]
        [DataType(DataType.Password)]
        public string? Password { get; set; }
    }
}
