using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Invitations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Web.Pages.Invitations;

/// <summary>The person's inbox: employers' invitations to accept (revealing name and e-mail to that employer only) or decline.</summary>
[Authorize(Policy = Roles.Person)]
public sealed class IndexModel(KompetensbronDbContext db, UserManager<KompetensbronUser> users, InvitationService invitations) : PageModel
{
    public IReadOnlyList<InboxEntry> Inbox { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Inbox = await ProfileIdAsync(ct) is { } profileId ? await invitations.InboxAsync(profileId, ct) : [];

    public Task<IActionResult> OnPostAcceptAsync(int invitationId, CancellationToken ct) => AnswerAsync(invitationId, accept: true, ct);

    public Task<IActionResult> OnPostDeclineAsync(int invitationId, CancellationToken ct) => AnswerAsync(invitationId, accept: false, ct);

    private async Task<IActionResult> AnswerAsync(int invitationId, bool accept, CancellationToken ct)
    {
        // Only the caller's own invitations are answered; any other id changes nothing.
        if (await ProfileIdAsync(ct) is { } profileId)
        {
            await invitations.AnswerAsync(profileId, invitationId, accept, ct);
        }

        return RedirectToPage();
    }

    private async Task<int?> ProfileIdAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        return await db.Profiles.Where(p => p.UserId == userId).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
    }
}
