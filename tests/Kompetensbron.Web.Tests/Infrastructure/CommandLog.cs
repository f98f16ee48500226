using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Kompetensbron.Data;
using Kompetensbron.Data.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kompetensbron.Web.Tests.Infrastructure;

/// <summary>Records the SQL of every command a context runs, and the tables each reads.</summary>
public sealed partial class CommandLog : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _commands = new();

    public IReadOnlyList<string> Commands => [.. _commands];

    /// <summary>Every table named after FROM or JOIN in the recorded commands.</summary>
    public IReadOnlySet<string> TablesRead => _commands.SelectMany(c => TablePattern().Matches(c).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);

    public void Clear() => _commands.Clear();

    /// <summary>A context of the given provider on <paramref name="connectionString"/> with this log attached (and the app's interceptors).</summary>
    public KompetensbronDbContext Context(DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var postgres = new DbContextOptionsBuilder<PostgresKompetensbronDbContext>();
            postgres.UseKompetensbronPostgres(connectionString).AddInterceptors(this);
            return new PostgresKompetensbronDbContext(postgres.Options);
        }

        var sqlite = new DbContextOptionsBuilder<SqliteKompetensbronDbContext>();
        sqlite.UseKompetensbronSqlite(connectionString).AddInterceptors(this);
        return new SqliteKompetensbronDbContext(sqlite.Options);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command) => _commands.Enqueue(command.CommandText);

    [GeneratedRegex(@"(?:FROM|JOIN)\s+""(\w+)""", RegexOptions.IgnoreCase)]
    private static partial Regex TablePattern();
}
