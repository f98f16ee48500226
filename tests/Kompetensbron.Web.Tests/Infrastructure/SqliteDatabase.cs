using Microsoft.Data.Sqlite;

namespace Kompetensbron.Web.Tests.Infrastructure;

/// <summary>A SQLite database in a temporary file, deleted (with its WAL files) when disposed.</summary>
public sealed class SqliteDatabase : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"kompetensbron-test-{Guid.NewGuid():N}.db");

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path, ForeignKeys = true }.ToString();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
