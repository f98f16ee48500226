using System.Runtime.CompilerServices;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Programmes;
using Kompetensbron.Core.Workforce;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Invitations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kompetensbron.Data.ChangeLog;

/// <summary>
/// Appends a <see cref="ChangeLogEntry"/> for every need, profile, programme, organisation, workforce cohort and
/// invitation that a <c>SaveChanges</c> adds, edits or deletes (children included: a need's skills count as the need), inside the
/// same transaction: when the caller has none, one is opened before saving and committed after the entries are
/// written. A deleted account counts as a change of its profile (the database cascades the delete).
/// </summary>
public sealed class ChangeLogInterceptor : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && Collect(context) is { Count: > 0 } changes)
        {
            var owned = context.Database.CurrentTransaction is null ? context.Database.BeginTransaction() : null;
            _pending.AddOrUpdate(context, new Pending(changes, owned));
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && Collect(context) is { Count: > 0 } changes)
        {
            var owned = context.Database.CurrentTransaction is null ? await context.Database.BeginTransactionAsync(cancellationToken) : null;
            _pending.AddOrUpdate(context, new Pending(changes, owned));
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending))
        {
            _pending.Remove(context);
            try
            {
                ChangeSequence.Record(context, pending.Resolve());
                pending.Owned?.Commit();
            }
            finally
            {
                pending.Owned?.Dispose();
            }
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending))
        {
            _pending.Remove(context);
            try
            {
                await ChangeSequence.RecordAsync(context, pending.Resolve(), cancellationToken);
                if (pending.Owned is not null)
                {
                    await pending.Owned.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                if (pending.Owned is not null)
                {
                    await pending.Owned.DisposeAsync();
                }
            }
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData?.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData?.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandon(eventData?.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData?.Context);
        return Task.CompletedTask;
    }

    /// <summary>The failed save's own transaction (if we opened one) rolls back when disposed.</summary>
    private void Abandon(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending))
        {
            _pending.Remove(context);
            pending.Owned?.Dispose();
        }
    }

    /// <summary>
    /// Which records change; the ids are read after saving, when new rows have their generated ids. Queries the
    /// profiles of deleted accounts now, before the cascade removes them.
    /// </summary>
    private static List<Func<(ChangedEntity, int)>> Collect(DbContext context)
    {
        var changes = new List<Func<(ChangedEntity, int)>>();
        List<string>? deletedUsers = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Need n: changes.Add(() => (ChangedEntity.Need, n.Id)); break;
                case NeedSkill s: changes.Add(() => (ChangedEntity.Need, s.NeedId)); break;
                case Profile p: changes.Add(() => (ChangedEntity.Profile, p.Id)); break;
                case ProfileSkill s: changes.Add(() => (ChangedEntity.Profile, s.ProfileId)); break;
                case ProfileOccupation o: changes.Add(() => (ChangedEntity.Profile, o.ProfileId)); break;
                case ProfileLanguage l: changes.Add(() => (ChangedEntity.Profile, l.ProfileId)); break;
                case Programme p: changes.Add(() => (ChangedEntity.Programme, p.Id)); break;
                case Organisation o: changes.Add(() => (ChangedEntity.Organisation, o.Id)); break;
                case Site s: changes.Add(() => (ChangedEntity.Organisation, s.OrganisationId)); break;
                case WorkforceCohort c: changes.Add(() => (ChangedEntity.Workforce, c.Id)); break;
                case Invitation i: changes.Add(() => (ChangedEntity.Invitation, i.Id)); break;
                case KompetensbronUser u when entry.State == EntityState.Deleted: (deletedUsers ??= []).Add(u.Id); break;
            }
        }

        if (deletedUsers is not null)
        {
            foreach (var profileId in context.Set<Profile>().AsNoTracking().Where(p => deletedUsers.Contains(p.UserId!)).Select(p => p.Id).ToList())
            {
                changes.Add(() => (ChangedEntity.Profile, profileId));
            }
        }

        return changes;
    }

    private sealed record Pending(List<Func<(ChangedEntity, int)>> Changes, IDbContextTransaction? Owned)
    {
        public IEnumerable<(ChangedEntity Kind, int Id)> Resolve() => Changes.Select(c => c());
    }
}
