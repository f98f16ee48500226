using Kompetensbron.Data.ChangeLog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kompetensbron.Data.Matching;

/// <summary>Configuration section <c>Matching:Changes</c>: how the match index follows the change sequence.</summary>
public sealed class MatchChangeOptions
{
    public const string Section = "Matching:Changes";

    /// <summary>How often to look for changes made by other processes (another web instance, the CLI).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>More new changes than this at once (a bulk import) rebuild the whole index instead.</summary>
    public int ReloadAbove { get; set; } = 1000;

    /// <summary>How long a hole in the sequence is watched: a PostgreSQL transaction may commit a lower id after a higher one.</summary>
    public TimeSpan GapWatch { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Entries kept in the table; older ones are pruned (an instance that falls that far behind reloads).</summary>
    public long Keep { get; set; } = 100_000;
}

/// <summary>
/// Keeps this process's match index in step with changes other processes commit: polls the change sequence
/// (<see cref="ChangeLogEntry"/>) and refreshes the needs and profiles named there. Ids are handed out before
/// commit, so on PostgreSQL an entry can appear below the highest one already read; such holes are watched for
/// <see cref="MatchChangeOptions.GapWatch"/>. See docs/decisions/0020-several-instances.md.
/// </summary>
public sealed partial class MatchChangeFollower(
    MatchService matching, IServiceScopeFactory scopes, IOptions<MatchChangeOptions> options, TimeProvider time, ILogger<MatchChangeFollower> logger)
    : BackgroundService
{
    // The window below the load position checked for holes when the follower starts.
    private const int StartWindow = 1000;
    private const int MaxGaps = 64;

    private readonly List<Gap> _gaps = [];
    private long? _position;
    private DateTimeOffset _lastPrune = DateTimeOffset.MinValue;

    /// <summary>The newest entry applied (for tests and diagnostics).</summary>
    public long? Position => _position;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.PollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PollAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed poll (database restarting) must not stop following; the next tick retries.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogPollFailed(logger, e.GetType().Name);
            }
        }
    }

    /// <summary>One round: read what is new (and what filled a hole), refresh it. Public for tests.</summary>
    public async Task PollAsync(CancellationToken ct)
    {
        if (!matching.IsLoaded)
        {
            return;
        }

        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        if (_position is not { } position)
        {
            await StartAtAsync(db, matching.LoadedAtChange, ct);
            return;
        }

        var now = time.GetUtcNow();
        _gaps.RemoveAll(g => now - g.Since > settings.GapWatch);
        var found = new List<ChangeLogEntry>();
        foreach (var gap in _gaps.ToList())
        {
            var filled = await ChangeSequence.ReadAsync(db, gap.From, gap.To, settings.ReloadAbove + 1, ct);
            if (filled.Count > 0)
            {
                _gaps.Remove(gap);
                AddGaps(gap.From, gap.To, filled.Select(e => e.Id), gap.Since);
                found.AddRange(filled);
            }
        }

        var fresh = await ChangeSequence.ReadAsync(db, position + 1, long.MaxValue, settings.ReloadAbove + 1, ct);
        if (fresh.Count > 0)
        {
            AddGaps(position + 1, fresh[^1].Id, fresh.Select(e => e.Id), now);
            _position = fresh[^1].Id;
            found.AddRange(fresh);
        }

        if (found.Count > settings.ReloadAbove)
        {
            var latest = await ChangeSequence.LatestIdAsync(db, ct);
            await matching.ReloadAsync(ct);
            LogReloaded(logger, found.Count);
            _gaps.Clear();
            await StartAtAsync(db, latest, ct);
        }
        else
        {
            await ApplyAsync(found, ct);
        }

        if (now - _lastPrune > TimeSpan.FromMinutes(10))
        {
            _lastPrune = now;
            await ChangeSequence.PruneAsync(db, settings.Keep, ct);
        }
    }

    private async Task StartAtAsync(KompetensbronDbContext db, long position, CancellationToken ct)
    {
        _position = position;
        var from = Math.Max(1, position - StartWindow);
        var present = await ChangeSequence.ReadAsync(db, from, position, StartWindow + 1, ct);
        AddGaps(from, position, present.Select(e => e.Id), time.GetUtcNow());
    }

    private async Task ApplyAsync(IEnumerable<ChangeLogEntry> entries, CancellationToken ct)
    {
        foreach (var (kind, id) in entries.Select(e => (e.Kind, e.EntityId)).Distinct())
        {
            switch (kind)
            {
                case ChangedEntity.Need:
                    await matching.RefreshNeedAsync(id, ct);
                    break;
                case ChangedEntity.Profile:
                    await matching.RefreshProfileAsync(id, ct);
                    break;
                case ChangedEntity.Organisation:
                    await matching.RefreshOrganisationAsync(id, ct);
                    break;
                default:
                    // Programmes are read from the database per request (learning paths); nothing cached to refresh.
                    break;
            }
        }
    }

    /// <summary>Remembers the ids in <paramref name="from"/>..<paramref name="to"/> that are not in <paramref name="present"/>.</summary>
    private void AddGaps(long from, long to, IEnumerable<long> present, DateTimeOffset since)
    {
        var next = from;
        foreach (var id in present.Order())
        {
            if (id > next)
            {
                _gaps.Add(new Gap(next, id - 1, since));
            }

            next = Math.Max(next, id + 1);
        }

        if (next <= to)
        {
            _gaps.Add(new Gap(next, to, since));
        }

        // Rolled-back transactions leave holes for good; keep the newest few.
        if (_gaps.Count > MaxGaps)
        {
            _gaps.Sort((a, b) => b.From.CompareTo(a.From));
            _gaps.RemoveRange(MaxGaps, _gaps.Count - MaxGaps);
        }
    }

    private sealed record Gap(long From, long To, DateTimeOffset Since);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Following the change sequence failed ({Error}); retrying")]
    private static partial void LogPollFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Match index rebuilt after {Changes} changes")]
    private static partial void LogReloaded(ILogger logger, int changes);
}
