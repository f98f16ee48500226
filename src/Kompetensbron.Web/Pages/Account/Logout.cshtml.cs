using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kompetensbron.Web.Pages.Account;

public sealed class LogoutModel(SignInManager<KompetensbronUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Ends the session on the server first, so a copy of the cookie no longer logs in.
        await ServerSessions.EndAsync(HttpContext);
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
