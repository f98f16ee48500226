using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Placement;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Data.Privacy;

/// <summary>
/// Hard deletion of a person's account (GDPR erasure): the account, its profile and every row that depends on them
/// (cascades in the model), in one transaction. The audit log keeps a line that it happened, without the ids.
/// </summary>
public sealed class AccountErasure(KompetensbronDbContext db, UserManager<KompetensbronUser> users, AuditLog audit)
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
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await audit.RecordAsync(reason, reason == AuditAction.AccountDeleted ? user : null, userId, profileId, cancellationToken);
            await audit.EraseAsync(userId, profileId, cancellationToken);
            if (profileId is { } profile)
            {
                await PlacementRoundErasure.EraseProfileAsync(db, profile, cancellationToken);
            }

            var deleted = await users.DeleteAsync(user);
            if (!deleted.Succeeded)
            {
                return false;
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        });
    }
}
