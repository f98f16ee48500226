using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Coordinators;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kompetensbron.Web.Pages.Coordinators;

/// <summary>One user for the coordinator: role, organisation membership and lock, each changed by its own form.</summary>
[Authorize(Policy = Roles.Coordinator)]
public sealed class UserModel(UserAdministration administration, UserManager<KompetensbronUser> users, IStringLocalizer<OrganisationResource> text) : PageModel
{
    public UserRow Row { get; private set; } = null!;

    /// <summary>The coordinator looking at their own account may not lock it or change its role.</summary>
    public bool IsSelf { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostRoleAsync(string id, string? role, CancellationToken ct) =>
        ApplyAsync(id, "User_RoleChanged", me => administration.ChangeRoleAsync(me, id, role, ct), ct);

    public Task<IActionResult> OnPostApproveAsync(string id, CancellationToken ct) =>
        ApplyAsync(id, "User_Approved", me => administration.ApproveAsync(me, id, ct), ct);

    public Task<IActionResult> OnPostRemoveMembershipAsync(string id, CancellationToken ct) =>
        ApplyAsync(id, "User_MembershipRemoved", me => administration.RemoveMembershipAsync(me, id, ct), ct);

    public Task<IActionResult> OnPostLockAsync(string id, CancellationToken ct) =>
        ApplyAsync(id, "User_LockedMessage", me => administration.LockAsync(me, id, ct), ct);

    public Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct) =>
        ApplyAsync(id, "User_UnlockedMessage", me => administration.UnlockAsync(me, id, ct), ct);

    private async Task<IActionResult> ApplyAsync(string id, string doneKey, Func<string, Task<UserChange>> change, CancellationToken ct)
    {
        switch (await change(users.GetUserId(User)!))
        {
            case UserChange.NotFound:
                return NotFound();
            case UserChange.Done:
                Message = text[doneKey];
                return RedirectToPage(new { id });
            default:
                // Refused (the coordinator's own role or lock) or an unknown role: the page again, with the reason.
                await LoadAsync(id, ct);
                ModelState.AddModelError(string.Empty, text["User_NotAllowed"]);
                return Page();
        }
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        if (await administration.FindAsync(id, ct) is not { } row)
        {
            return false;
        }

        Row = row;
        IsSelf = row.User.Id == users.GetUserId(User);
        return true;
    }
}
