using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Kompetensbron.Data.Database;

/// <summary>A backup file that cannot be restored, and why (in plain words).</summary>
public sealed class BackupFileException(string message) : Exception(message);

/// <summary>What a backup file holds: its migrations and a few counts, read before anything is overwritten.</summary>
public sealed record BackupContents(IReadOnlyList<string> Migrations, long Needs, long Profiles, long Users);

/// <summary>
/// Online backup and restore of the SQLite database with SQLite's backup API: a consistent copy page by page while
/// the web app keeps reading and writing (WAL: readers never block the writer), and the reverse for restore.
/// PostgreSQL has its own tools (pg_dump / pg_restore; the recipe is in <see cref="PostgresRecipe"/>).
/// </summary>
public static class SqliteBackup
{
    /// <summary>What to do instead on PostgreSQL (printed by <c>db backup</c> and <c>db restore</c>).</summary>
    public const string PostgresRecipe =
        "On PostgreSQL use its own tools (online, consistent): " +
        "pg_dump --format=custom --file=kompetensbron.dump \"$DATABASE_URL\"; to restore, stop the web app, then " +
        "pg_restore --clean --if-exists --no-owner --dbname=\"$DATABASE_URL\" kompetensbron.dump and run kompetensbron db migrate.";

    /// <summary>Copies the live database at <paramref name="connectionString"/> into <paramref name="file"/> (which must not exist).</summary>
    public static BackupContents Backup(string connectionString, string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        using (var source = Open(connectionString, SqliteOpenMode.ReadOnly))
        using (var destination = Open(ToConnectionString(file), SqliteOpenMode.ReadWriteCreate))
        {
            source.BackupDatabase(destination);
        }

        return Inspect(file);
    }

    /// <summary>
    /// Checks that <paramref name="file"/> is a sound Kompetensbron database whose migrations this version knows:
    /// an SQLite file, <c>PRAGMA integrity_check</c> ok, our tables there, no migration from a newer version.
    /// </summary>
    public static BackupContents Inspect(string file, IEnumerable<string>? knownMigrations = null)
    {
        if (!File.Exists(file))
        {
            throw new BackupFileException($"{file} does not exist.");
        }

        try
        {
            using var connection = Open(ToConnectionString(file), SqliteOpenMode.ReadOnly);
            var integrity = Scalar(connection, "PRAGMA integrity_check")?.ToString();
            if (integrity != "ok")
            {
                throw new BackupFileException($"{file} is damaged (integrity check: {integrity}).");
            }

            foreach (var table in new[] { HistoryRepository.DefaultTableName, "Needs", "Profiles", "AspNetUsers" })
            {
                if (Convert.ToInt64(Scalar(connection, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'"), System.Globalization.CultureInfo.InvariantCulture) == 0)
                {
                    throw new BackupFileException($"{file} is not a Kompetensbron database (no {table} table).");
                }
            }

            var migrations = new List<string>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT \"MigrationId\" FROM \"{HistoryRepository.DefaultTableName}\" ORDER BY \"MigrationId\"";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    migrations.Add(reader.GetString(0));
                }
            }

            if (knownMigrations is not null && migrations.Except(knownMigrations, StringComparer.Ordinal).FirstOrDefault() is { } unknown)
            {
                throw new BackupFileException($"{file} comes from a newer version of Kompetensbron (migration {unknown}); update the program first.");
            }

            return new BackupContents(migrations, Count(connection, "Needs"), Count(connection, "Profiles"), Count(connection, "AspNetUsers"));
        }
        catch (SqliteException e)
        {
            throw new BackupFileException($"{file} is not a readable SQLite database ({e.Message}).");
        }
    }

    /// <summary>
    /// Replaces the database at <paramref name="connectionString"/> with the contents of <paramref name="file"/>
    /// (checked first with <see cref="Inspect"/>). Migrate afterwards to bring an older backup up to date.
    /// </summary>
    public static BackupContents Restore(string file, string connectionString, IEnumerable<string> knownMigrations)
    {
        var contents = Inspect(file, knownMigrations);
        using (var source = Open(ToConnectionString(file), SqliteOpenMode.ReadOnly))
        using (var destination = Open(connectionString, SqliteOpenMode.ReadWriteCreate))
        {
            source.BackupDatabase(destination);
        }

        return contents;
    }

    /// <summary>True when the database at <paramref name="connectionString"/> exists and holds any table.</summary>
    public static bool HasData(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (!File.Exists(file) || new FileInfo(file).Length == 0)
        {
            return false;
        }

        using var connection = Open(connectionString, SqliteOpenMode.ReadOnly);
        return Convert.ToInt64(Scalar(connection, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>The migrations this build of the program knows, for <see cref="Restore"/>.</summary>
    public static IReadOnlyList<string> KnownMigrations(KompetensbronDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.GetMigrations().ToList();
    }

    private static string ToConnectionString(string file) => new SqliteConnectionStringBuilder { DataSource = file }.ToString();

    private static SqliteConnection Open(string connectionString, SqliteOpenMode mode)
    {
        // No pooling: a restored file must not be reached through a pooled connection opened before.
        var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = mode, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout=5000;";
        command.ExecuteNonQuery();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static long Count(SqliteConnection connection, string table) =>
        Convert.ToInt64(Scalar(connection, $"SELECT COUNT(*) FROM \"{table}\""), System.Globalization.CultureInfo.InvariantCulture);
}
