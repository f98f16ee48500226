using Kompetensbron.Data;
using Kompetensbron.Data.Database;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Cli;

/// <summary><c>db backup</c> and <c>db restore</c> on SQLite.</summary>
public sealed class BackupCliTests : IDisposable
{
    private readonly CliSandbox _cli = new("backup");

    public void Dispose() => _cli.Dispose();

    private string InFolder(string name) => Path.Combine(_cli.Folder, name);

    private static long Count(string file, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Backup_while_another_connection_holds_a_write_transaction_copies_only_committed_data()
    {
        Assert.Equal(0, (await _cli.Run("seed", "demo")).ExitCode);
        var needs = Count(_cli.DatabaseFile, "SELECT COUNT(*) FROM \"Needs\"");

        // The web app in the middle of a write: an open transaction that has deleted every need.
        using var writer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _cli.DatabaseFile, Pooling = false }.ToString());
        writer.Open();
        using var transaction = writer.BeginTransaction();
        using (var delete = writer.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM \"NeedSkills\"; DELETE FROM \"Needs\";";
            delete.ExecuteNonQuery();
        }

        var backup = InFolder("backup.db");
        var (code, output, error) = await _cli.Run("db", "backup", backup);
        transaction.Rollback();

        Assert.True(code == 0, error);
        Assert.Contains($"{needs} needs", output, StringComparison.Ordinal);
        Assert.Equal(needs, Count(backup, "SELECT COUNT(*) FROM \"Needs\""));
        Assert.Equal(0, Count(backup, "SELECT COUNT(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"));
    }

    [Fact]
    public async Task Backup_refuses_to_overwrite_a_file_without_force()
    {
        Assert.Equal(0, (await _cli.Run("db", "migrate")).ExitCode);
        var backup = InFolder("exists.db");
        await File.WriteAllTextAsync(backup, "keep me");

        var refused = await _cli.Run("db", "backup", backup);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(backup));

        Assert.Equal(0, (await _cli.Run("db", "backup", backup, "--force")).ExitCode);
        Assert.Equal(0, Count(backup, "SELECT COUNT(*) FROM \"Needs\""));
    }

    [Fact]
    public async Task Restore_refuses_to_replace_data_without_force_and_with_force_brings_the_backup_back()
    {
        Assert.Equal(0, (await _cli.Run("seed", "demo")).ExitCode);
        var backup = InFolder("before.db");
        Assert.Equal(0, (await _cli.Run("db", "backup", backup)).ExitCode);
        Assert.Equal(0, (await _cli.Run("users", "add", "--role", "coordinator", "--email", "efter@example.se", "--password", "ett-langt-losenord")).ExitCode);
        var users = Count(_cli.DatabaseFile, "SELECT COUNT(*) FROM \"AspNetUsers\"");

        var refused = await _cli.Run("db", "restore", backup);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.Equal(users, Count(_cli.DatabaseFile, "SELECT COUNT(*) FROM \"AspNetUsers\""));

        var restored = await _cli.Run("db", "restore", backup, "--force");
        Assert.True(restored.ExitCode == 0, restored.Error);
        Assert.Equal(users - 1, Count(_cli.DatabaseFile, "SELECT COUNT(*) FROM \"AspNetUsers\""));
        Assert.Equal(0, Count(_cli.DatabaseFile, "SELECT COUNT(*) FROM \"AspNetUsers\" WHERE \"Email\" = 'efter@example.se'"));
    }

    [Fact]
    public async Task Restore_of_an_older_backup_into_a_new_file_migrates_it()
    {
        Assert.Equal(0, (await _cli.Run("db", "migrate")).ExitCode);
        var backup = InFolder("old.db");
        Assert.Equal(0, (await _cli.Run("db", "backup", backup)).ExitCode);
        // Make it a backup taken before the latest migration: undo that migration on the copy with EF's migrator.
        string latest;
        await using (var services = TestDatabaseServices.Build(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = backup, Pooling = false }.ToString()))
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            var migrations = db.Database.GetMigrations().ToList();
            latest = migrations[^1];
            await db.GetService<IMigrator>().MigrateAsync(migrations[^2]);
            Assert.Equal(migrations[^2], (await db.Database.GetAppliedMigrationsAsync()).Last());
        }

        var target = InFolder("restored.db");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Kompetensbron.Cli.CliApp.RunAsync(["db", "restore", backup, "--database", target], output, error);

        Assert.True(code == 0, error.ToString());
        Assert.Equal(0, Count(target, "SELECT COUNT(*) FROM \"ChangeLog\""));
        Assert.Equal(1, Count(target, $"SELECT COUNT(*) FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '{latest}'"));
    }

    [Theory]
    [InlineData("not-sqlite", "not a readable SQLite database")]
    [InlineData("other-sqlite", "not a Kompetensbron database")]
    [InlineData("newer", "newer version")]
    [InlineData("missing", "does not exist")]
    public async Task Restore_rejects_a_bad_file_and_leaves_the_database_alone(string kind, string message)
    {
        Assert.Equal(0, (await _cli.Run("seed", "demo")).ExitCode);
        var needs = Count(_cli.DatabaseFile, "SELECT COUNT(*) FROM \"Needs\"");
        var file = InFolder(kind + ".db");
        switch (kind)
        {
            case "not-sqlite":
                await File.WriteAllTextAsync(file, "Detta är ingen databas, bara text som är lång nog att se ut som en fil.");
                break;
            case "other-sqlite":
                using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
                {
                    connection.Open();
                    using var command = connection.CreateCommand();
                    command.CommandText = "CREATE TABLE Things (Id INTEGER PRIMARY KEY)";
                    command.ExecuteNonQuery();
                }

                break;
            case "newer":
                Assert.Equal(0, (await _cli.Run("db", "backup", file)).ExitCode);
                using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
                {
                    connection.Open();
                    using var command = connection.CreateCommand();
                    command.CommandText = "INSERT INTO \"__EFMigrationsHistory\" VALUES ('29991231000000_FromTheFuture', '99.0')";
                    command.ExecuteNonQuery();
                }

                break;
        }

        var (code, _, error) = await _cli.Run("db", "restore", file, "--force");

        Assert.NotEqual(0, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Equal(needs, Count(_cli.DatabaseFile, "SELECT COUNT(*) FROM \"Needs\""));
    }

    [Fact]
    public async Task Backup_on_postgres_explains_pg_dump()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Kompetensbron.Cli.CliApp.RunAsync(["db", "backup", InFolder("pg.dump"), "--database", "Host=127.0.0.1;Database=x"], output, error);

        Assert.NotEqual(0, code);
        Assert.Contains("pg_dump", error.ToString(), StringComparison.Ordinal);
    }
}
