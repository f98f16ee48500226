using Kompetensbron.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Kompetensbron.Data.Concurrency;

/// <summary>
/// Optimistic concurrency for <see cref="IVersioned"/> entities on every provider: <c>Version</c> is a concurrency
/// token, so an UPDATE only succeeds <c>WHERE Version = @original</c>; the context increments it on every save.
/// A change to a dependent row (a need's skills, a profile's languages) counts as a change of its owner.
/// </summary>
public static class Versions
{
    /// <summary>Marks <c>Version</c> of every <see cref="IVersioned"/> entity type as its concurrency token.</summary>
    public static void Configure(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(type.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
    }

    /// <summary>
    /// Saves only if the entity is still at <paramref name="expectedVersion"/> (the version the editor started from);
    /// otherwise <see cref="DbContext.SaveChangesAsync(CancellationToken)"/> throws <see cref="DbUpdateConcurrencyException"/>.
    /// The entity is written even when nothing else changed, so the check always runs.
    /// </summary>
    public static void ExpectVersion(this DbContext db, IVersioned entity, int expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entity);
        var version = db.Entry(entity).Property(nameof(IVersioned.Version));
        version.OriginalValue = expectedVersion;
        version.IsModified = true;
    }

    /// <summary>Called before every save: owners of changed dependents are modified, and every modified owner gets the next version.</summary>
    public static void Stamp(ChangeTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        if (tracker.AutoDetectChangesEnabled)
        {
            tracker.DetectChanges();
        }

        var owners = tracker.Entries().Where(e => e.Entity is IVersioned).ToList();
        if (owners.Count == 0)
        {
            return;
        }

        // Unchanged owners by type and (single-column) key: a bulk import with many dependents stays linear.
        var unchanged = owners.Where(o => o.State == EntityState.Unchanged)
            .ToDictionary(o => (o.Metadata.ClrType, o.Metadata.FindPrimaryKey()!.Properties[0] is var p ? o.CurrentValues[p] : null));
        if (unchanged.Count > 0)
        {
            foreach (var entry in tracker.Entries().Where(e => e.Entity is not IVersioned && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList())
            {
                foreach (var key in entry.Metadata.GetForeignKeys().Where(k => k.Properties.Count == 1 && typeof(IVersioned).IsAssignableFrom(k.PrincipalEntityType.ClrType)))
                {
                    var value = entry.State == EntityState.Deleted ? entry.OriginalValues[key.Properties[0]] : entry.CurrentValues[key.Properties[0]];
                    if (unchanged.TryGetValue((key.PrincipalEntityType.ClrType, value), out var owner))
                    {
                        owner.Property(nameof(IVersioned.Version)).IsModified = true;
                    }
                }
            }
        }

        foreach (var owner in owners.Where(o => o.State == EntityState.Modified))
        {
            var version = owner.Property(nameof(IVersioned.Version));
            version.CurrentValue = (int)version.OriginalValue! + 1;
        }
    }
}
