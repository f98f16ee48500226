using Kompetensbron.Core.Organisations;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Matching;
using Kompetensbron.Web.Employers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Web.Coordinators;

/// <summary>A user as the coordinator's list shows them.</summary>
public sealed record UserRow(
    KompetensbronUser User, IReadOnlyList<string> Roles, string? OrganisationName, bool OrganisationApproved, bool IsLocked);

/// <summary>What a coordinator's change did; <see cref="NotAllowed"/> when it would lock out or demote the coordinator themself.</summary>
public enum UserChange
{
    Done,
    NotFound,
    NotAllowed,
    Invalid,
}

/// <summary>
/// The coordinator's user and organisation administration: search, change role, approve or remove organisation
/// membership, lock and unlock, approve organisations. Each change renews the user's security stamp so their
/// open sessions pick it up at the next check (<see cref="CoordinatorSetup.AddCoordinatorTools"/> sets how often).
/// </summary>
public sealed class UserAdministration(
    KompetensbronDbContext db, UserManager<KompetensbronUser> users, MatchService matching, TimeProvider time)
{
    /// <summary>How many users a search lists at most.</summary>
    public const int MaxRows = 100;

    /// <summary>Users whose name, e-mail or organisation contains the text (any case), optionally in one role; waiting users first.</summary>
    public async Task<(IReadOnlyList<UserRow> Rows, int Total)> SearchAsync(string? text, string? role, CancellationToken ct)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            // UPPER and LOWER in SQL may fold ASCII letters only (SQLite does), so the text is tried as typed,
            // upper-cased and lower-cased: "östlund", "ÖSTLUND" and "Östlund" all find "Östlund". No .NET culture
            // is involved in the SQL functions.
            var typed = $"%{text.Trim()}%";
            var upper = typed.ToUpperInvariant();
            var lower = typed.ToLowerInvariant();
#pragma warning disable CA1304, CA1311
            var organisations = db.Organisations
                .Where(o => EF.Functions.Like(o.Name, typed) || EF.Functions.Like(o.Name.ToUpper(), upper) || EF.Functions.Like(o.Name.ToLower(), lower))
                .Select(o => (int?)o.Id);
            query = query.Where(u => EF.Functions.Like(u.NormalizedEmail!, upper)
                || (u.DisplayName != null
                    && (EF.Functions.Like(u.DisplayName, typed) || EF.Functions.Like(u.DisplayName.ToUpper(), upper) || EF.Functions.Like(u.DisplayName.ToLower(), lower)))
                || organisations.Contains(u.OrganisationId));
#pragma warning restore CA1304, CA1311
        }

        if (Roles.Parse(role) is { } inRole)
        {
            var roleId = db.Roles.Where(r => r.Name == inRole).Select(r => r.Id);
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleId.Contains(ur.RoleId)));
        }

        var total = await query.CountAsync(ct);
        var page = await query.OrderBy(u => u.IsApproved).ThenBy(u => u.Email).Take(MaxRows).ToListAsync(ct);
        return (await RowsAsync(page, ct), total);
    }

    /// <summary>One user with roles and organisation; null when there is none with the id.</summary>
    public async Task<UserRow?> FindAsync(string id, CancellationToken ct) =>
        await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) is { } user ? (await RowsAsync([user], ct))[0] : null;

    /// <summary>Gives the user exactly one role instead of the ones they had.</summary>
    public Task<UserChange> ChangeRoleAsync(string actorId, string userId, string? role, CancellationToken ct) =>
        ChangeAsync(actorId, userId, selfAllowed: false, async user =>
        {
            if (Roles.Parse(role) is not { } newRole)
            {
                return UserChange.Invalid;
            }

            var current = await users.GetRolesAsync(user);
            if (current.Count != 1 || current[0] != newRole)
            {
                Check(await users.RemoveFromRolesAsync(user, current));
                Check(await users.AddToRoleAsync(user, newRole));
            }

            return UserChange.Done;
        }, ct);

    /// <summary>Approves the user's membership (their organisation is approved on its own, with <see cref="ApproveOrganisationAsync"/>).</summary>
    public Task<UserChange> ApproveAsync(string actorId, string userId, CancellationToken ct) =>
        ChangeAsync(actorId, userId, selfAllowed: true, user =>
        {
            user.IsApproved = true;
            return Task.FromResult(UserChange.Done);
        }, ct);

    /// <summary>The user no longer acts for their organisation (the account stays; a coordinator may approve them elsewhere later).</summary>
    public Task<UserChange> RemoveMembershipAsync(string actorId, string userId, CancellationToken ct) =>
        ChangeAsync(actorId, userId, selfAllowed: true, user =>
        {
            user.OrganisationId = null;
            user.IsApproved = false;
            return Task.FromResult(UserChange.Done);
        }, ct);

    /// <summary>Locks the account until unlocked: no login, and open sessions end at the next security-stamp check.</summary>
    public Task<UserChange> LockAsync(string actorId, string userId, CancellationToken ct) =>
        ChangeAsync(actorId, userId, selfAllowed: false, async user =>
        {
            Check(await users.SetLockoutEnabledAsync(user, true));
            Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
            return UserChange.Done;
        }, ct);

    public Task<UserChange> UnlockAsync(string actorId, string userId, CancellationToken ct) =>
        ChangeAsync(actorId, userId, selfAllowed: true, async user =>
        {
            Check(await users.SetLockoutEndDateAsync(user, null));
            Check(await users.ResetAccessFailedCountAsync(user));
            return UserChange.Done;
        }, ct);

    /// <summary>
    /// Approves an organisation and every member waiting for it; its open needs join the match index (an
    /// unapproved employer's needs are not visible anywhere). Returns the name, or null when there is none.
    /// </summary>
    public async Task<string?> ApproveOrganisationAsync(int organisationId, CancellationToken ct)
    {
        var organisation = await db.Organisations.FindAsync([organisationId], ct);
        if (organisation is null)
        {
            return null;
        }

        organisation.IsApproved = true;
        var members = await db.Users.Where(u => u.OrganisationId == organisationId && !u.IsApproved).ToListAsync(ct);
        foreach (var member in members)
        {
            member.IsApproved = true;
        }

        await db.SaveChangesAsync(ct);
        if (organisation.Kind == OrganisationKind.Employer)
        {
            await OrganisationSites.RefreshNeedsAsync(db, matching, organisationId, ct);
        }

        return organisation.Name;
    }

    private async Task<UserChange> ChangeAsync(
        string actorId, string userId, bool selfAllowed, Func<KompetensbronUser, Task<UserChange>> change, CancellationToken ct)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return UserChange.NotFound;
        }

        if (!selfAllowed && user.Id == actorId)
        {
            return UserChange.NotAllowed;
        }

        var result = await change(user);
        if (result != UserChange.Done)
        {
            return result;
        }

        Check(await users.UpdateSecurityStampAsync(user));
        return UserChange.Done;
    }

    private async Task<IReadOnlyList<UserRow>> RowsAsync(IReadOnlyList<KompetensbronUser> page, CancellationToken ct)
    {
        var ids = page.Select(u => u.Id).ToList();
        var roleNames = await (from ur in db.UserRoles
                               join r in db.Roles on ur.RoleId equals r.Id
                               where ids.Contains(ur.UserId)
                               select new { ur.UserId, r.Name }).ToListAsync(ct);
        var organisationIds = page.Select(u => u.OrganisationId).OfType<int>().Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => new { o.Name, o.IsApproved }, ct);
        var now = time.GetUtcNow();
        return page.Select(u =>
        {
            var organisation = u.OrganisationId is { } id ? organisations.GetValueOrDefault(id) : null;
            return new UserRow(
                u,
                roleNames.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal).ToList(),
                organisation?.Name,
                organisation?.IsApproved ?? false,
                u.LockoutEnd is { } end && end > now);
        }).ToList();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
