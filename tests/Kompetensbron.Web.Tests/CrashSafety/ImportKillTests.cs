using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Import.JobTech;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Kompetensbron.Web.Tests.CrashSafety;

/// <summary>
/// Crash safety of bulk work: the CLI, run as a real process, is killed (SIGKILL) at seeded random points of a JobTech
/// import 20 times. Each time the SQLite database must open, pass <c>PRAGMA integrity_check</c>, still be in WAL mode
/// and hold the whole import or none of it.
/// </summary>
public sealed class ImportKillTests(ITestOutputHelper log) : IDisposable
{
    private const int Ads = 300;
    private const int BatchSize = 30;

    // Two children at a time: the CI machine has two cores, and most of a run is the child starting up.
    private const int Parallel = 2;
    private const int Runs = 20;
    private const int Seed = 20261126;

    private readonly string _folder = Directory.CreateTempSubdirectory("kb-crash-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Killing_the_import_at_random_points_leaves_a_sound_database_with_all_or_nothing()
    {
        var ads = Path.Combine(_folder, "ads.jsonl");
        await using (var file = File.Create(ads))
        {
            JobTechAdGenerator.WriteJsonLines(file, TaxonomyModel.LoadEmbedded(), GeographyModel.LoadEmbedded(), Ads, seed: 7);
        }

        var empty = Path.Combine(_folder, "empty.db");
        using (var migrate = ChildProcess.Start(ChildProcess.CliDll, ["db", "migrate", "--database", empty]))
        {
            Assert.True(await migrate.WaitAsync(TimeSpan.FromMinutes(2)) == 0, migrate.Output);
        }

        var before = Snapshot(empty);
        var whole = Path.Combine(_folder, "whole.db");
        CopyDatabase(empty, whole);
        int progressLines;
        using (var reference = ChildProcess.Start(ChildProcess.CliDll, Import(whole)))
        {
            var code = await reference.WaitAsync(TimeSpan.FromMinutes(2));
            Assert.True(code is 0 or 2, reference.Output);
            progressLines = reference.Output.Split('\n').Count(IsProgress);
        }

        var after = Snapshot(whole);
        Assert.True(after.Needs > 0 && after.Changes > before.Changes, $"The reference import stored nothing: {after}");
        log.WriteLine($"reference: {before} -> {after}, {progressLines} progress lines");

        // The kill points, drawn up front so the seed alone decides them: after 0..all progress lines (each a saved
        // batch inside the one transaction), plus a pause.
        var random = new Random(Seed);
        var killPoints = Enumerable.Range(0, Runs)
            .Select(_ => (Lines: random.Next(0, progressLines + 1), Pause: TimeSpan.FromMilliseconds(random.Next(0, 400))))
            .ToList();
        using var slots = new SemaphoreSlim(Parallel);
        var outcomes = await Task.WhenAll(killPoints.Select(async (point, run) =>
        {
            await slots.WaitAsync();
            try
            {
                return await KillRunAsync(run, point.Lines, point.Pause, empty, before, after);
            }
            finally
            {
                slots.Release();
            }
        }));

        Assert.All(outcomes, o => Assert.True(o.State == before || o.State == after, $"Run {o.Run} left a partial import: {o.State} (before {before}, after {after})."));
        // The kills must really have hit the import's transaction, not only the start-up.
        Assert.True(outcomes.Any(o => o.Killed && o.LinesSeen > 0 && o.State == before), "No run was killed in the middle of the import.");
    }

    private async Task<Outcome> KillRunAsync(int run, int linesBeforeKill, TimeSpan pause, string empty, DatabaseState before, DatabaseState after)
    {
        var database = Path.Combine(_folder, $"run{run}.db");
        CopyDatabase(empty, database);
        var seen = 0;
        var reached = new TaskCompletionSource();
        using var child = ChildProcess.Start(ChildProcess.CliDll, Import(database));
        child.LineWritten += line =>
        {
            if (IsProgress(line) && Interlocked.Increment(ref seen) >= linesBeforeKill)
            {
                reached.TrySetResult();
            }
        };
        if (linesBeforeKill == 0)
        {
            reached.TrySetResult();
        }

        await Task.WhenAny(reached.Task, Task.Delay(TimeSpan.FromMinutes(1)));
        await Task.Delay(pause);
        var killed = !child.HasExited;
        if (killed)
        {
            child.Kill();
        }

        await child.WaitAsync(TimeSpan.FromSeconds(30));
        var state = Snapshot(database);
        var outcome = new Outcome(run, killed, Volatile.Read(ref seen), state);
        log.WriteLine($"run {run}: kill after {linesBeforeKill} progress lines + {pause.TotalMilliseconds} ms, killed={killed}, {outcome.LinesSeen} seen: " +
            $"{(state == before ? "none" : state == after ? "whole" : "PARTIAL")} {state}");
        return outcome;
    }

    private static string[] Import(string database) =>
        ["import", "jobtech", Path.Combine(Path.GetDirectoryName(database)!, "ads.jsonl"), "--batch-size", BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture), "--database", database];

    private static bool IsProgress(string line) => line.StartsWith("import jobtech:", StringComparison.Ordinal);

    private static void CopyDatabase(string from, string to)
    {
        File.Copy(from, to);
        if (File.Exists(from + "-wal"))
        {
            File.Copy(from + "-wal", to + "-wal");
        }
    }

    /// <summary>Opens the database as the next start would, checks it and counts what an import writes.</summary>
    private static DatabaseState Snapshot(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Assert.Equal("ok", Scalar<string>(connection, "PRAGMA integrity_check"));
        Assert.Equal("wal", Scalar<string>(connection, "PRAGMA journal_mode"));
        return new DatabaseState(
            Scalar<long>(connection, "SELECT COUNT(*) FROM \"Needs\""),
            Scalar<long>(connection, "SELECT COUNT(*) FROM \"NeedSkills\""),
            Scalar<long>(connection, "SELECT COUNT(*) FROM \"Organisations\""),
            Scalar<long>(connection, "SELECT COUNT(*) FROM \"Sites\""),
            Scalar<long>(connection, "SELECT COUNT(*) FROM \"ChangeLog\""));
    }

    private static T Scalar<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed record Outcome(int Run, bool Killed, int LinesSeen, DatabaseState State);

    private sealed record DatabaseState(long Needs, long NeedSkills, long Organisations, long Sites, long Changes);
}
