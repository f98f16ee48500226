using System.ComponentModel.DataAnnotations;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Privacy;
using Kompetensbron.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kompetensbron.Web.Pages.Persons;

/// <summary>"Delete my account": a confirm page, then a hard delete of the account and profile.</summary>
[Authorize(Policy = Roles.Person)]
public sealed class DeleteAccountModel(
    AccountErasure erasure,
    SignInManager<KompetensbronUser> signIn,
    UserManager<KompetensbronUser> users,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    [Display(Name = "Delete_Confirm")]
    public bool Confirm { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), text["Delete_Confirm_Required"]);
            return Page();
        }

        if (!await erasure.DeleteAsync(users.GetUserId(User)!, AuditAction.AccountDeleted, cancellationToken))
        {
            return NotFound();
        }

        await signIn.SignOutAsync();
        return LocalRedirect(RolePages.AccountDeleted);
    }
}
