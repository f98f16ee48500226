using Kompetensbron.Data;
using Kompetensbron.Data.Database;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Kompetensbron.Web.Tests.Data;

/// <summary>Migrations, seeding and mapping on SQLite, each test on a fresh temporary file.</summary>
public sealed class SqliteDatabaseTests(ITestOutputHelper output) : IDisposable
{
    private readonly SqliteDatabase database = new();

    private ServiceProvider Services() => TestDatabaseServices.Build(DatabaseProvider.Sqlite, database.ConnectionString);

    [Fact]
    public async Task Migrations_apply_cleanly()
    {
        await using var services = Services();
        await DatabaseScenarios.MigrationsApplyCleanly(services);
    }

    [Fact]
    public async Task Connections_use_write_ahead_log_and_busy_timeout()
    {
        await using var services = Services();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        await db.Database.OpenConnectionAsync();
        Assert.Equal("wal", await ScalarAsync(db, "PRAGMA journal_mode"));
        Assert.Equal(5000L, await ScalarAsync(db, "PRAGMA busy_timeout"));
    }

    private static async Task<object?> ScalarAsync(KompetensbronDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task Demo_seeding_is_idempotent_and_creates_working_accounts()
    {
        await using var services = Services();
        await DatabaseScenarios.DemoSeedingIsIdempotent(services, output);
    }

    [Fact]
    public async Task Deleting_an_account_deletes_its_profile()
    {
        await using var services = Services();
        await DatabaseScenarios.DeletingAnAccountDeletesItsProfile(services);
    }

    public void Dispose() => database.Dispose();
}
