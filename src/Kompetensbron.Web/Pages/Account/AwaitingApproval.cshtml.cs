using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kompetensbron.Web.Pages.Account;

[Authorize]
public sealed class AwaitingApprovalModel(UserManager<KompetensbronUser> users, KompetensbronDbContext db) : PageModel
{
    public string? OrganisationName { get; private set; }

    public bool IsApproved { get; private set; }

    public string MyPage { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        IsApproved = user.IsApproved;
        MyPage = RolePages.For(await users.GetRolesAsync(user));
        if (user.OrganisationId is { } organisationId)
        {
            OrganisationName = (await db.Organisations.FindAsync([organisationId], cancellationToken))?.Name;
        }

        return Page();
    }
}
