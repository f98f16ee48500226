using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Invitations;
using Kompetensbron.Data.Matching;
using Kompetensbron.Data.Privacy;
using Kompetensbron.Web.Employers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kompetensbron.Web.Pages.Needs;

/// <summary>
/// One need for its employer: ranked, explained, pseudonymous candidates to invite, and the pipeline of invitations
/// (contact details only where the person accepted).
/// </summary>
[Authorize(Policy = Roles.Employer)]
public sealed class DetailsModel(
    KompetensbronDbContext db,
    UserManager<KompetensbronUser> users,
    TaxonomyModel taxonomy,
    MatchService matching,
    InvitationService invitations,
    InvitationEmail invitationEmail,
    AuditLog audit,
    IDataProtectionProvider protection,
    IStringLocalizer<EmployerResource> text) : PageModel
{
    public const int CandidatesShown = 20;

    /// <summary>A ranked candidate: the token to invite by and whether they are already invited.</summary>
    public sealed record Candidate(int Rank, string Token, ExplainedMatch Match, bool Invited);

    public Need Need { get; private set; } = null!;

    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];

    public IReadOnlyList<PipelineEntry> Pipeline { get; private set; } = [];

    public string OccupationLabel => taxonomy.FindOccupation(Need.OccupationId)?.Label ?? Need.OccupationId;

    public string SkillLabel(string id) => taxonomy.FindSkill(id)?.Label ?? id;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await EmployerAccess.ApprovedEmployerAsync(users, db, User, ct) is not { } organisationId)
        {
            return Forbid();
        }

        if (await db.Needs.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id && n.OrganisationId == organisationId, ct) is not { } need)
        {
            return NotFound();
        }

        Need = need;
        Pipeline = await invitations.PipelineAsync(organisationId, id, ct);

        // The person can see in their own log that this employer has looked at their contact details.
        var viewer = await users.GetUserAsync(User);
        foreach (var revealed in Pipeline.Where(p => p.Name is not null))
        {
            await audit.RecordAsync(AuditAction.ProfileViewed, viewer, revealed.UserId, revealed.Invitation.ProfileId, ct);
        }

        var invited = Pipeline.Select(p => p.Invitation.ProfileId).ToHashSet();
        var protector = CandidateTokens.ForNeed(protection, id);
        var matches = await matching.ProfilesForNeedAsync(id, CandidatesShown, ct);
        Candidates = matches.Select((m, i) => new Candidate(i + 1, protector.Protect(m.Match.ProfileId), m, invited.Contains(m.Match.ProfileId))).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(int id, string? candidate, CancellationToken ct)
    {
        if (await EmployerAccess.ApprovedEmployerAsync(users, db, User, ct) is not { } organisationId)
        {
            return Forbid();
        }

        if (!await db.Needs.AnyAsync(n => n.Id == id && n.OrganisationId == organisationId, ct))
        {
            return NotFound();
        }

        if (CandidateTokens.ForNeed(protection, id).ProfileId(candidate) is { } profileId)
        {
            switch (await invitations.InviteAsync(organisationId, id, profileId, ct))
            {
                case InviteOutcome.Invited:
                    await invitationEmail.SendAsync(profileId, ct);
                    break;
                case InviteOutcome.NotVisible:
                    // The list was shown before the person hid the profile: say so, with the list as it is now.
                    ModelState.AddModelError(string.Empty, text["Candidate_NoLongerVisible"]);
                    return await OnGetAsync(id, ct);
            }
        }

        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostOutcomeAsync(int id, int invitationId, InvitationStatus outcome, CancellationToken ct)
    {
        if (await EmployerAccess.ApprovedEmployerAsync(users, db, User, ct) is not { } organisationId)
        {
            return Forbid();
        }

        if (!await db.Needs.AnyAsync(n => n.Id == id && n.OrganisationId == organisationId, ct))
        {
            return NotFound();
        }

        await invitations.RecordOutcomeAsync(organisationId, invitationId, outcome, ct);
        return RedirectToPage(new { id });
    }
}
