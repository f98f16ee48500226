using Kompetensbron.Core.Profiles;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Data.Invitations;

/// <summary>An invitation with what the employer may see: the contact only once the person has accepted.</summary>
public sealed record PipelineEntry(Invitation Invitation, string? Name, string? Email, string? UserId);

/// <summary>What <see cref="InvitationService.InviteAsync"/> did.</summary>
public enum InviteOutcome
{
    /// <summary>The need is not the organisation's: nothing happened.</summary>
    NotYours,

    /// <summary>The person was already invited to this need: nothing new (and no second e-mail).</summary>
    AlreadyInvited,

    /// <summary>
    /// The profile is hidden now, or gone: the candidate list the token came from is out of date. Nothing happened.
    /// </summary>
    NotVisible,

    /// <summary>A new invitation.</summary>
    Invited,
}

/// <summary>An invitation as the person sees it in their inbox.</summary>
public sealed record InboxEntry(Invitation Invitation, string NeedTitle, string OrganisationName);

/// <summary>
/// Invite, answer and record outcomes. Every method takes the caller's organisation or profile and acts only on
/// invitations that belong to it, so a page cannot reach another employer's or person's invitations by id.
/// </summary>
public sealed class InvitationService(KompetensbronDbContext db, TimeProvider time)
{
    /// <summary>
    /// Invites the profile to the organisation's need (once), if the person still lets approved organisations see it:
    /// the choice is read now, not when the candidate list was shown.
    /// </summary>
    public async Task<InviteOutcome> InviteAsync(int organisationId, int needId, int profileId, CancellationToken ct)
    {
        if (!await db.Needs.AnyAsync(n => n.Id == needId && n.OrganisationId == organisationId, ct))
        {
            return InviteOutcome.NotYours;
        }

        var visibility = await db.Profiles.Where(p => p.Id == profileId).Select(p => (ProfileVisibility?)p.Visibility).FirstOrDefaultAsync(ct);
        if (visibility is not { } current || !current.IsSeenByApprovedOrganisations())
        {
            return InviteOutcome.NotVisible;
        }

        if (await db.Invitations.AnyAsync(i => i.NeedId == needId && i.ProfileId == profileId, ct))
        {
            return InviteOutcome.AlreadyInvited;
        }

        var now = time.GetUtcNow();
        db.Add(new Invitation
        {
            NeedId = needId, ProfileId = profileId, OrganisationId = organisationId,
            Status = InvitationStatus.Invited, CreatedAt = now, UpdatedAt = now,
        });
        await db.SaveChangesAsync(ct);
        return InviteOutcome.Invited;
    }

    /// <summary>The person accepts or declines one of their own open invitations; false when there is none.</summary>
    public async Task<bool> AnswerAsync(int profileId, int invitationId, bool accept, CancellationToken ct)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(
            i => i.Id == invitationId && i.ProfileId == profileId && i.Status == InvitationStatus.Invited, ct);
        if (invitation is null)
        {
            return false;
        }

        invitation.Status = accept ? InvitationStatus.Accepted : InvitationStatus.Declined;
        invitation.AnsweredAt = invitation.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// The employer records an outcome (interviewed, hired) of an accepted invitation; false when the invitation is
    /// not the organisation's or the step does not follow.
    /// </summary>
    public async Task<bool> RecordOutcomeAsync(int organisationId, int invitationId, InvitationStatus outcome, CancellationToken ct)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.OrganisationId == organisationId, ct);
        if (invitation is null || !invitation.NextSteps.Contains(outcome))
        {
            return false;
        }

        invitation.Status = outcome;
        invitation.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>A need's invitations for its employer, with name and e-mail only where the person accepted.</summary>
    public async Task<IReadOnlyList<PipelineEntry>> PipelineAsync(int organisationId, int needId, CancellationToken ct)
    {
        var rows = await (
            from i in db.Invitations.AsNoTracking()
            where i.NeedId == needId && i.OrganisationId == organisationId
            join p in db.Profiles on i.ProfileId equals p.Id
            join u in db.Users on p.UserId equals u.Id into accounts
            from u in accounts.DefaultIfEmpty()
            orderby i.CreatedAt
            select new { Invitation = i, p.DisplayName, Email = u == null ? null : u.Email, p.UserId })
            .ToListAsync(ct);
        return rows.ConvertAll(r => r.Invitation.RevealsContact
            ? new PipelineEntry(r.Invitation, r.DisplayName, r.Email, r.UserId)
            : new PipelineEntry(r.Invitation, null, null, null));
    }

    /// <summary>The person's invitations, newest first.</summary>
    public async Task<IReadOnlyList<InboxEntry>> InboxAsync(int profileId, CancellationToken ct) =>
        (await (
            from i in db.Invitations.AsNoTracking()
            where i.ProfileId == profileId
            join n in db.Needs on i.NeedId equals n.Id
            join o in db.Organisations on i.OrganisationId equals o.Id
            select new { Invitation = i, n.Title, o.Name })
            .ToListAsync(ct))
        .OrderByDescending(r => r.Invitation.CreatedAt)
        .Select(r => new InboxEntry(r.Invitation, r.Title, r.Name))
        .ToList();
}
