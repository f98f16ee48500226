using Kompetensbron.Data;
using Kompetensbron.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Web.Tests.Data;

/// <summary>
/// Fails when the model changed without a migration for a provider (fix: tools/add-migration.sh NAME).
/// Comparing the model with the migration snapshot needs no server, so both run everywhere.
/// </summary>
public sealed class PendingModelChangesTests
{
    [Fact]
    public void Sqlite_model_has_no_changes_without_a_migration()
    {
        var options = new DbContextOptionsBuilder<SqliteKompetensbronDbContext>();
        options.UseKompetensbronSqlite("Data Source=:memory:");
        using var db = new SqliteKompetensbronDbContext(options.Options);
        Assert.False(db.Database.HasPendingModelChanges(), "SQLite model has changes without a migration: run tools/add-migration.sh NAME.");
    }

    [Fact]
    public void Postgres_model_has_no_changes_without_a_migration()
    {
        var options = new DbContextOptionsBuilder<PostgresKompetensbronDbContext>();
        options.UseKompetensbronPostgres("Host=localhost;Database=unused");
        using var db = new PostgresKompetensbronDbContext(options.Options);
        Assert.False(db.Database.HasPendingModelChanges(), "PostgreSQL model has changes without a migration: run tools/add-migration.sh NAME.");
    }
}
