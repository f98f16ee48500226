using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.ApiTokens;
using Kompetensbron.Data.Placement;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Data.Privacy;

/// <summary>
/// Hard deletion of a person's account (GDPR erasure): the account, its profile and every row that depends on them
/// (cascades in the model), in one transaction. The audit log keeps a line that it happened, without the ids; rows that
/// only record who created something for an organisation (a placement round, an API token) lose the id. Messages to
/// the person waiting in the outbox are deleted after the commit. <see cref="PersonalDataExport.Coverage"/> lists the
/// tables that refer to a person; a test checks that none still does afterwards.
/// </summary>
public sealed class AccountErasure(KompetensbronDbContext db, UserManager<KompetensbronUser> users, AuditLog audit, IEnumerable<IPersonalMessages> messages)
{
    /// <summary>Deletes the account; <paramref name="reason"/> is <see cref="AuditAction.AccountDeleted"/> or <see cref="AuditAction.AccountPurged"/>.</summary>
    public async Task<bool> DeleteAsync(string userId, AuditAction reason, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return false;
        }

        var profileId = await db.Profiles.Where(p => p.UserId == userId).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        var done = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await audit.RecordAsync(reason, reason == AuditAction.AccountDeleted ? user : null, userId, profileId, cancellationToken);
            await audit.EraseAsync(userId, profileId, cancellationToken);
            if (profileId is { } profile)
            {
                await PlacementRoundErasure.EraseProfileAsync(db, profile, cancellationToken);
            }

            var erased = AuditEntry.ErasedToken();
            await db.Set<StoredPlacementRound>().Where(r => r.CreatedByUserId == userId)
                .ExecuteUpdateAsync(r => r.SetProperty(x => x.CreatedByUserId, erased), cancellationToken);
            await db.Set<ApiToken>().Where(t => t.CreatedByUserId == userId)
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.CreatedByUserId, (string?)null), cancellationToken);

            var deleted = await users.DeleteAsync(user);
            if (!deleted.Succeeded)
            {
                return false;
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        });
        if (done && !string.IsNullOrEmpty(user.Email))
        {
            foreach (var store in messages)
            {
                store.DeleteMessagesTo(user.Email);
            }
        }

        return done;
    }
}
