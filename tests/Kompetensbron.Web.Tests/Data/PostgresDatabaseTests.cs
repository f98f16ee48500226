using Kompetensbron.Data.Database;
using Kompetensbron.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Kompetensbron.Web.Tests.Data;

/// <summary>Migrations on PostgreSQL (needs PG_CONN; required in CI).</summary>
public sealed class PostgresMigrationTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [PostgresFact]
    public async Task Migrations_apply_cleanly()
    {
        await using var services = TestDatabaseServices.Build(DatabaseProvider.Postgres, database.ConnectionString);
        await DatabaseScenarios.MigrationsApplyCleanly(services);
    }
}

/// <summary>Demo seeding on PostgreSQL, in a database of its own.</summary>
public sealed class PostgresDemoSeederTests(PostgresDatabase database, ITestOutputHelper output) : IClassFixture<PostgresDatabase>
{
    [PostgresFact]
    public async Task Demo_seeding_is_idempotent_and_creates_working_accounts()
    {
        await using var services = TestDatabaseServices.Build(DatabaseProvider.Postgres, database.ConnectionString);
        await DatabaseScenarios.DemoSeedingIsIdempotent(services, output);
    }
}

/// <summary>Cascade from account to profile on PostgreSQL, in a database of its own.</summary>
public sealed class PostgresAccountDeletionTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [PostgresFact]
    public async Task Deleting_an_account_deletes_its_profile()
    {
        await using var services = TestDatabaseServices.Build(DatabaseProvider.Postgres, database.ConnectionString);
        await DatabaseScenarios.DeletingAnAccountDeletesItsProfile(services);
    }
}
