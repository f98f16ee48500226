using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Data.ChangeLog;

/// <summary>Writes and reads the change sequence (<see cref="ChangeLogEntry"/>); one SQL dialect for both providers.</summary>
public static class ChangeSequence
{
    // Two parameters a row; well under SQLite's and PostgreSQL's parameter limits.
    private const int RowsPerStatement = 400;

    // Three subqueries, not one aggregate: SQLite answers MIN and MAX from the key and COUNT(*) from the table's page
    // counts (microseconds at 100,000 entries), where MIN, MAX and COUNT together make it read every row (8 ms).
    private const string VersionSql =
        "SELECT (SELECT MIN(\"Id\") FROM \"" + ChangeLogEntryConfiguration.Table + "\") AS \"Lowest\", " +
        "(SELECT MAX(\"Id\") FROM \"" + ChangeLogEntryConfiguration.Table + "\") AS \"Latest\", " +
        "(SELECT COUNT(*) FROM \"" + ChangeLogEntryConfiguration.Table + "\") AS \"Count\"";

    /// <summary>
    /// Records changes in the current transaction of <paramref name="db"/>. The interceptor does this for tracked
    /// changes; code that writes with raw SQL or <c>ExecuteUpdate</c> calls it itself.
    /// </summary>
    public static async Task RecordAsync(DbContext db, IEnumerable<(ChangedEntity Kind, int Id)> changes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var (sql, parameters) in InsertStatements(changes))
        {
            await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
        }
    }

    /// <summary>Synchronous twin of <see cref="RecordAsync"/> for synchronous <c>SaveChanges</c> (no sync-over-async).</summary>
    public static void Record(DbContext db, IEnumerable<(ChangedEntity Kind, int Id)> changes)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var (sql, parameters) in InsertStatements(changes))
        {
            db.Database.ExecuteSqlRaw(sql, parameters);
        }
    }

    // The INSERT statements for the distinct changes, RowsPerStatement rows each.
    private static IEnumerable<(string Sql, object[] Parameters)> InsertStatements(IEnumerable<(ChangedEntity Kind, int Id)> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var chunk in changes.Distinct().Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder($"INSERT INTO \"{ChangeLogEntryConfiguration.Table}\" (\"Kind\", \"EntityId\") VALUES ");
            var parameters = new object[chunk.Length * 2];
            for (var i = 0; i < chunk.Length; i++)
            {
                sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"({{{2 * i}}}, {{{2 * i + 1}}})");
                parameters[2 * i] = chunk[i].Kind.ToString();
                parameters[2 * i + 1] = chunk[i].Id;
            }

            yield return (sql.ToString(), parameters);
        }
    }

    /// <summary>The newest entry's id, 0 when the sequence is empty.</summary>
    public static async Task<long> LatestIdAsync(KompetensbronDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<ChangeLogEntry>().MaxAsync(e => (long?)e.Id, ct) ?? 0;
    }

    /// <summary>
    /// Where the sequence stands now, in one cheap query (the primary key's index answers all three). Any committed
    /// change moves it: a new entry raises <see cref="ChangeVersion.Latest"/>; on PostgreSQL a transaction that
    /// commits an id below the latest (a hole filled late) raises <see cref="ChangeVersion.Count"/>; pruning
    /// raises <see cref="ChangeVersion.Lowest"/>. Data read after this call is at least as new as the version.
    /// </summary>
    public static async Task<ChangeVersion> VersionAsync(KompetensbronDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Database.SqlQueryRaw<VersionRow>(VersionSql).ToListAsync(ct);
        return rows is [{ } row] ? new ChangeVersion(row.Lowest ?? 0, row.Latest ?? 0, row.Count) : default;
    }

    /// <summary>Entries with an id in <paramref name="from"/>..<paramref name="to"/> (inclusive), in order.</summary>
    public static Task<List<ChangeLogEntry>> ReadAsync(KompetensbronDbContext db, long from, long to, int limit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<ChangeLogEntry>().AsNoTracking().Where(e => e.Id >= from && e.Id <= to).OrderBy(e => e.Id).Take(limit).ToListAsync(ct);
    }

    /// <summary>Deletes all but the newest <paramref name="keep"/> entries; any instance may call it.</summary>
    public static async Task<int> PruneAsync(KompetensbronDbContext db, long keep, CancellationToken ct = default)
    {
        var latest = await LatestIdAsync(db, ct);
        var below = latest - keep;
        return below <= 0 ? 0 : await db.Set<ChangeLogEntry>().Where(e => e.Id <= below).ExecuteDeleteAsync(ct);
    }

    private sealed class VersionRow
    {
        public long? Lowest { get; set; }
        public long? Latest { get; set; }
        public long Count { get; set; }
    }
}

/// <summary>
/// A point in the change sequence: the lowest and newest entry ids and how many entries there are. Equal versions
/// mean no change was committed in between (see <see cref="ChangeSequence.VersionAsync"/>).
/// </summary>
public readonly record struct ChangeVersion(long Lowest, long Latest, long Count);
