using System.Diagnostics;
using Kompetensbron.Core.Insights;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data.ChangeLog;

namespace Kompetensbron.Data.Insights;

/// <summary>
/// The insights input (<see cref="InsightsLoader"/>) kept in memory between requests and reused while the change
/// sequence stands where it stood when the input was read (<see cref="ChangeSequence.VersionAsync"/>): a request
/// costs one query for the version, and only the first request after a change — made here, by another web instance
/// or by the CLI, on the same database — reads the tables again. See docs/decisions/0024-insights-cache.md.
/// </summary>
public sealed class InsightsInputCache(TaxonomyModel taxonomy) : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private InsightsSnapshot? _current;
    private long _loads;

    /// <summary>How many times the input has been read from the database (for tests and the bench).</summary>
    public long Loads => Interlocked.Read(ref _loads);

    /// <summary>
    /// The input as of <paramref name="today"/>, without reach (<see cref="InsightsInput.ReachableProfileIds"/> is
    /// null; it comes from the match index, per request). Read from <paramref name="db"/> when the change sequence
    /// has moved since the last read or the day has changed; concurrent callers then wait for one read.
    /// </summary>
    public async Task<InsightsSnapshot> GetAsync(KompetensbronDbContext db, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Current(await ChangeSequence.VersionAsync(db, ct), today) is { } current)
        {
            return current;
        }

        await _loading.WaitAsync(ct);
        try
        {
            // Another request may have read the input while this one waited, and the sequence may have moved again.
            // The version is read before the data: a change committed during the read moves the version past the
            // one stored here, so the next request reads again (never the other way round).
            var version = await ChangeSequence.VersionAsync(db, ct);
            if (Current(version, today) is { } loaded)
            {
                return loaded;
            }

            var clock = Stopwatch.StartNew();
            var input = await InsightsLoader.LoadAsync(db, taxonomy, today, reachableProfileIds: null, ct);
            var snapshot = new InsightsSnapshot(version, input, clock.Elapsed);
            Volatile.Write(ref _current, snapshot);
            Interlocked.Increment(ref _loads);
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose() => _loading.Dispose();

    private InsightsSnapshot? Current(ChangeVersion version, DateOnly today) =>
        Volatile.Read(ref _current) is { } current && current.Version == version && current.Input.Today == today ? current : null;
}

/// <summary>
/// The insights input at one version of the change sequence, and results computed from it (a dashboard view, a
/// demand panel), kept while this snapshot is current. Bounded: the least recently used result goes first.
/// </summary>
public sealed class InsightsSnapshot
{
    /// <summary>Results kept per snapshot (filters × languages × reach); a dashboard view is a few hundred kB at county scale.</summary>
    public const int MaxResults = 64;

    private readonly Lock _lock = new();
    private readonly Dictionary<object, LinkedListNode<KeyValuePair<object, object>>> _results = [];
    private readonly LinkedList<KeyValuePair<object, object>> _recent = [];

    internal InsightsSnapshot(ChangeVersion version, InsightsInput input, TimeSpan loadTime)
    {
        Version = version;
        Input = input;
        LoadTime = loadTime;
    }

    /// <summary>Where the change sequence stood when the input was read (read before the data).</summary>
    public ChangeVersion Version { get; }

    /// <summary>The loaded input, without reach.</summary>
    public InsightsInput Input { get; }

    /// <summary>How long reading the input from the database took.</summary>
    public TimeSpan LoadTime { get; }

    /// <summary>
    /// The result for <paramref name="key"/>, computed from <see cref="Input"/> once and then reused. The key must
    /// hold everything else the result depends on (filter, language, the reach set, the caller's organisation) and
    /// compare by value (a record); the result must not be changed by its readers.
    /// </summary>
    public T Result<T>(object key, Func<InsightsInput, T> compute)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(compute);
        lock (_lock)
        {
            if (_results.TryGetValue(key, out var node) && node.Value.Value is T found)
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                return found;
            }
        }

        // Computed outside the lock: two requests for the same new key may both compute it, and one result is kept.
        var value = compute(Input);
        lock (_lock)
        {
            if (_results.Remove(key, out var stale))
            {
                _recent.Remove(stale);
            }

            _results[key] = _recent.AddFirst(new KeyValuePair<object, object>(key, value));
            while (_results.Count > MaxResults)
            {
                _results.Remove(_recent.Last!.Value.Key);
                _recent.RemoveLast();
            }
        }

        return value;
    }
}
