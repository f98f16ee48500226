using Kompetensbron.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Data.Privacy;

/// <summary>One look at a profile, as its owner sees it: when, what, and which organisation (or role) it was.</summary>
public sealed record ProfileAccess(DateTimeOffset At, AuditAction Action, bool BySelf, string? OrganisationName, string? ActorRole);

/// <summary>
/// The audit log of who viewed or exported which profile. Features that show a profile to someone call
/// <see cref="RecordAsync"/>; the person reads <see cref="AccessesToAsync"/> on their page.
/// </summary>
public sealed class AuditLog(KompetensbronDbContext db, TimeProvider time)
{
    /// <summary>Adds an entry and saves it (with anything else pending in the context).</summary>
    public async Task RecordAsync(AuditAction action, KompetensbronUser? actor, string? subjectUserId, int? subjectProfileId, CancellationToken cancellationToken)
    {
        Add(action, actor, subjectUserId, subjectProfileId, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// One <see cref="AuditAction.ProfileViewed"/> entry per profile a page showed to <paramref name="actor"/> (each
    /// profile once), saved together.
    /// </summary>
    public async Task RecordViewsAsync(KompetensbronUser? actor, IEnumerable<(string? UserId, int ProfileId)> profiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var now = time.GetUtcNow();
        var any = false;
        foreach (var (userId, profileId) in profiles.DistinctBy(p => p.ProfileId))
        {
            Add(AuditAction.ProfileViewed, actor, userId, profileId, now);
            any = true;
        }

        if (any)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private void Add(AuditAction action, KompetensbronUser? actor, string? subjectUserId, int? subjectProfileId, DateTimeOffset at) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = at,
            Action = action,
            ActorUserId = actor?.Id,
            ActorOrganisationId = actor?.OrganisationId,
            SubjectUserId = subjectUserId,
            SubjectProfileId = subjectProfileId,
        });

    /// <summary>Views and exports of the profile, newest first.</summary>
    public async Task<IReadOnlyList<ProfileAccess>> AccessesToAsync(int profileId, string ownerUserId, int limit, CancellationToken cancellationToken)
    {
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectProfileId == profileId && (e.Action == AuditAction.ProfileViewed || e.Action == AuditAction.ProfileExported))
            .OrderByDescending(e => e.At)
            .Take(limit)
            .ToListAsync(cancellationToken);

        var organisationIds = entries.Where(e => e.ActorOrganisationId is not null).Select(e => e.ActorOrganisationId!.Value).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);

        var actorIds = entries.Where(e => e.ActorUserId is not null && e.ActorOrganisationId is null).Select(e => e.ActorUserId!).Distinct().ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where actorIds.Contains(ur.UserId)
                           select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var roleOf = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => Roles.All.FirstOrDefault(g.Select(r => r.Name).Contains), StringComparer.Ordinal);

        return entries.Select(e => new ProfileAccess(
                e.At,
                e.Action,
                BySelf: e.ActorUserId == ownerUserId,
                OrganisationName: e.ActorOrganisationId is { } o ? organisations.GetValueOrDefault(o) : null,
                ActorRole: e.ActorUserId is { } a && e.ActorUserId != ownerUserId ? roleOf.GetValueOrDefault(a) : null))
            .ToList();
    }

    /// <summary>
    /// Replaces a deleted account's ids in the log with one random token (and drops its profile id), so the entries
    /// remain as a record that something happened without saying to or by whom. Saved with the caller's changes.
    /// </summary>
    public async Task EraseAsync(string userId, int? profileId, CancellationToken cancellationToken)
    {
        var token = AuditEntry.ErasedToken();
        var entries = await db.AuditEntries
            .Where(e => e.ActorUserId == userId || e.SubjectUserId == userId || (profileId != null && e.SubjectProfileId == profileId))
            .ToListAsync(cancellationToken);
        foreach (var entry in entries)
        {
            if (entry.ActorUserId == userId)
            {
                entry.ActorUserId = token;
            }

            if (entry.SubjectUserId == userId || (profileId is not null && entry.SubjectProfileId == profileId))
            {
                entry.SubjectUserId = token;
                entry.SubjectProfileId = null;
            }
        }
    }
}
