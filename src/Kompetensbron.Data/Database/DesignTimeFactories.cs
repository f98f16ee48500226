using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kompetensbron.Data.Database;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without the web host (see tools/add-migration.sh).</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKompetensbronDbContext>
{
    public SqliteKompetensbronDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteKompetensbronDbContext>();
        options.UseKompetensbronSqlite("Data Source=kompetensbron-design.db");
        return new SqliteKompetensbronDbContext(options.Options);
    }
}

/// <summary>
/// Lets <c>dotnet ef</c> build the PostgreSQL context. Adding a migration needs no server; the connection string
/// is only used by <c>dotnet ef database update</c>, taken from env <c>PG_CONN</c> when set.
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresKompetensbronDbContext>
{
    public PostgresKompetensbronDbContext CreateDbContext(string[] args)
    {
        var connection = Environment.GetEnvironmentVariable("PG_CONN")
            ?? "Host=localhost;Database=kompetensbron_design;Username=postgres";
        var options = new DbContextOptionsBuilder<PostgresKompetensbronDbContext>();
        options.UseKompetensbronPostgres(connection);
        return new PostgresKompetensbronDbContext(options.Options);
    }
}
