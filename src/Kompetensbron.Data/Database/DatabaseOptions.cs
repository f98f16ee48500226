using System.ComponentModel.DataAnnotations;

namespace Kompetensbron.Data.Database;

/// <summary>Which database to use; bound from the <c>Database</c> configuration section.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Configuration section <c>Database</c>: <c>Provider</c> and <c>ConnectionString</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [Required]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// For SQLite a connection string or a plain file path; empty means the per-user default
    /// (<see cref="DefaultSqlitePath"/>). Required for PostgreSQL.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The per-user SQLite file: <c>$XDG_DATA_HOME</c> or <c>~/.local/share</c> on Linux,
    /// <c>%LOCALAPPDATA%</c> on Windows, then <c>Kompetensbron/kompetensbron.db</c>.
    /// </summary>
    public static string DefaultSqlitePath() =>
        Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "Kompetensbron",
            "kompetensbron.db");
}
