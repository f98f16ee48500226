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
    IStringLocalizer<SharedResource> text) : PageModel
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

        // One answer for every failure (no account, wrong password, locked), after the same work, so neither the
        // text nor the time tells whether an account exists.
        var user = await users.FindByEmailAsync(Input.Email!);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            UnknownAccount.VerifyDummyPassword(users.PasswordHasher, Input.Password!);
            return Failed();
        }

        var result = await signIn.CheckPasswordSignInAsync(user, Input.Password!, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            return Failed();
        }

        await signIn.SignInAsync(user, isPersistent: false);

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

    private PageResult Failed()
    {
        ModelState.AddModelError($"{nameof(Input)}.{nameof(LoginInput.Email)}", text["Login_Failed"]);
        return Page();
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
