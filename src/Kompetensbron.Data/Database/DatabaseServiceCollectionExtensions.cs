using Kompetensbron.Data.ChangeLog;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kompetensbron.Data.Database;

/// <summary>Registers the database chosen by configuration (<c>Database:Provider</c>), never by the OS.</summary>
public static class DatabaseServiceCollectionExtensions
{
    public static IServiceCollection AddKompetensbronDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Provider != DatabaseProvider.Postgres || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Database:ConnectionString is required when Database:Provider is Postgres.")
            .ValidateOnStart();

        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                services.AddDbContext<KompetensbronDbContext, PostgresKompetensbronDbContext>(b =>
                    b.UseKompetensbronPostgres(options.ConnectionString!));
                break;
            default:
                var connection = SqliteConnectionString(options.ConnectionString);
                services.AddDbContext<KompetensbronDbContext, SqliteKompetensbronDbContext>(b =>
                    b.UseKompetensbronSqlite(connection));
                break;
        }

        return services;
    }

    /// <summary>SQLite with the WAL/busy-timeout pragmas; used by the app, design-time factory and tests alike.</summary>
    public static DbContextOptionsBuilder UseKompetensbronSqlite(this DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseSqlite(connectionString).AddInterceptors(PragmaInterceptor, ChangeLogInterceptor);
    }

    /// <summary>PostgreSQL; used by the app, design-time factory and tests alike.</summary>
    public static DbContextOptionsBuilder UseKompetensbronPostgres(this DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseNpgsql(connectionString).AddInterceptors(ChangeLogInterceptor);
    }

    private static readonly SqlitePragmaInterceptor PragmaInterceptor = new();

    // Stateless between saves (its per-context state is keyed by the context), so one serves every context.
    private static readonly ChangeLogInterceptor ChangeLogInterceptor = new();

    /// <summary>
    /// Turns the configured SQLite value (empty, a file path, or a connection string) into a connection string,
    /// creating the folder of the file so a first start just works.
    /// </summary>
    public static string SqliteConnectionString(string? configured)
    {
        var builder = string.IsNullOrWhiteSpace(configured)
            ? new SqliteConnectionStringBuilder { DataSource = DatabaseOptions.DefaultSqlitePath() }
            : configured.Contains('=', StringComparison.Ordinal)
                ? new SqliteConnectionStringBuilder(configured)
                : new SqliteConnectionStringBuilder { DataSource = configured };

        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        builder.ForeignKeys = true;
        return builder.ToString();
    }
}
