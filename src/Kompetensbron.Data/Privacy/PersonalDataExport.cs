using Kompetensbron.Core.Profiles;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Invitations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Data.Privacy;

/// <summary>Everything stored about a person (GDPR access and portability), as plain data ready for JSON.</summary>
public sealed record PersonalData(
    DateTimeOffset ExportedAt,
    PersonalData.AccountData Account,
    Profile? Profile,
    IReadOnlyList<PersonalData.AuditData> AuditEntries,
    IReadOnlyList<PersonalData.InvitationData> Invitations)
{
    public sealed record AccountData(
        string Id, string? Email, string? DisplayName, IReadOnlyList<string> Roles, int? OrganisationId,
        DateTimeOffset CreatedAt, DateTimeOffset? LastActiveAt, DateTimeOffset? RetentionWarningSentAt);

    /// <summary>An audit line about the person or by them; other people's ids are left out.</summary>
    public sealed record AuditData(DateTimeOffset At, AuditAction Action, bool BySelf, int? ActorOrganisationId);

    /// <summary>An employer's invitation to the person, as their inbox shows it.</summary>
    public sealed record InvitationData(
        string Need, string Employer, InvitationStatus Status, DateTimeOffset InvitedAt, DateTimeOffset? AnsweredAt);
}

/// <summary>Collects a person's data for "download my data" and records that it was exported.</summary>
public sealed class PersonalDataExport(KompetensbronDbContext db, UserManager<KompetensbronUser> users, AuditLog audit, TimeProvider time)
{
    public async Task<PersonalData?> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return null;
        }

        // Skills, occupations and languages are auto-included with the profile.
        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        await audit.RecordAsync(AuditAction.ProfileExported, user, userId, profile?.Id, cancellationToken);

        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectUserId == userId || e.ActorUserId == userId || (profile != null && e.SubjectProfileId == profile.Id))
            .OrderBy(e => e.At)
            .ToListAsync(cancellationToken);

        return new PersonalData(
            time.GetUtcNow(),
            new PersonalData.AccountData(
                user.Id, user.Email, user.DisplayName, (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList(), user.OrganisationId,
                user.CreatedAt, user.LastActiveAt, user.RetentionWarningSentAt),
            profile,
            entries.Select(e => new PersonalData.AuditData(e.At, e.Action, e.ActorUserId == userId, e.ActorOrganisationId)).ToList(),
            profile is null ? []
                : (await new InvitationService(db, time).InboxAsync(profile.Id, cancellationToken))
                    .Select(i => new PersonalData.InvitationData(i.NeedTitle, i.OrganisationName, i.Invitation.Status, i.Invitation.CreatedAt, i.Invitation.AnsweredAt))
                    .ToList());
    }
}
