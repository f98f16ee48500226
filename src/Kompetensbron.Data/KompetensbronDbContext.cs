using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Programmes;
using Kompetensbron.Core.Workforce;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Concurrency;
using Kompetensbron.Data.Invitations;
using Kompetensbron.Data.Privacy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

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
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Invitation> Invitations => Set<Invitation>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(KompetensbronDbContext).Assembly);
        Versions.Configure(builder);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        Versions.Stamp(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Versions.Stamp(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        base.ConfigureConventions(configurationBuilder);

        // Enums as their names: readable in SQL and in exports, and safe when members are reordered.
        // CefrLevel names ("A1" … "C2") also sort in level order as text.
        StoreAsString<NeedKind>(configurationBuilder);
        StoreAsString<NeedStatus>(configurationBuilder);
        StoreAsString<NeedSkillSource>(configurationBuilder);
        StoreAsString<OrganisationKind>(configurationBuilder);
        StoreAsString<CefrLevel>(configurationBuilder);
        StoreAsString<SkillEvidence>(configurationBuilder);
        StoreAsString<Gender>(configurationBuilder);
        StoreAsString<TargetGroup>(configurationBuilder);
        StoreAsString<ProfileVisibility>(configurationBuilder);
        StoreAsString<CommuteMode>(configurationBuilder);
        StoreAsString<ProgrammeLevel>(configurationBuilder);
        StoreAsString<AuditAction>(configurationBuilder);
    }

    private static void StoreAsString<TEnum>(ModelConfigurationBuilder configurationBuilder)
        where TEnum : struct, Enum =>
        configurationBuilder.Properties<TEnum>().HaveConversion<string>().HaveMaxLength(40);
}

/// <summary>SQLite (the embedded default).</summary>
public sealed class SqliteKompetensbronDbContext(DbContextOptions<SqliteKompetensbronDbContext> options)
    : KompetensbronDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        base.ConfigureConventions(configurationBuilder);

        // SQLite has no DateTimeOffset or decimal type: EF stores them as text and refuses to ORDER BY or compare
        // them in SQL. As a long (UTC ticks with the offset) and a double they sort and compare in the database.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
    }
}

/// <summary>PostgreSQL (scale-out).</summary>
public sealed class PostgresKompetensbronDbContext(DbContextOptions<PostgresKompetensbronDbContext> options)
    : KompetensbronDbContext(options);
