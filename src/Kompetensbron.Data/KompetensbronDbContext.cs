using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Programmes;
using Kompetensbron.Core.Workforce;
using Kompetensbron.Data.Accounts;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Data;

/// <summary>
/// The one model for both providers. Each provider has its own subclass so that its migrations live in
/// their own folder (<c>Migrations/Sqlite</c>, <c>Migrations/Postgres</c>).
/// </summary>
public abstract class KompetensbronDbContext(DbContextOptions options)
    : IdentityDbContext<KompetensbronUser>(options), IDataProtectionKeyContext
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Need> Needs => Set<Need>();
    public DbSet<Profile> Profiles => Set<Profile>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<WorkforceCohort> WorkforceCohorts => Set<WorkforceCohort>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(KompetensbronDbContext).Assembly);
    }
}

/// <summary>SQLite (the embedded default).</summary>
public sealed class SqliteKompetensbronDbContext(DbContextOptions<SqliteKompetensbronDbContext> options)
    : KompetensbronDbContext(options);

/// <summary>PostgreSQL (scale-out).</summary>
public sealed class PostgresKompetensbronDbContext(DbContextOptions<PostgresKompetensbronDbContext> options)
    : KompetensbronDbContext(options);
