using System.Collections.Concurrent;

namespace Kompetensbron.Data.Matching;

/// <summary>
/// Finished answers built from the match index (e.g. the match API's list for one need, with its explanations and
/// candidate tokens), reused while <see cref="MatchService.Version"/> stays the same: any change to the index (an
/// edit here, or one another instance made, seen through the change sequence) makes every entry stale. Bounded:
/// cleared when it holds more than <see cref="MaxEntries"/>.
/// </summary>
public sealed class MatchAnswerCache(MatchService matching)
{
    public const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<(string Kind, int Id, int Top, bool Full), Entry> _entries = new();

    /// <summary>The version to pass to <see cref="Set"/>: read it before building the answer.</summary>
    public long CurrentVersion => matching.Version;

    public bool TryGet<T>(string kind, int id, int top, bool full, out T value)
        where T : class
    {
        if (_entries.TryGetValue((kind, id, top, full), out var entry) && entry.Version == matching.Version && entry.Value is T found)
        {
            value = found;
            return true;
        }

        value = null!;
        return false;
    }

    /// <summary>Stores an answer built at <paramref name="version"/> (stale at once if the index changed meanwhile).</summary>
    public void Set<T>(string kind, int id, int top, bool full, long version, T value)
        where T : class
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[(kind, id, top, full)] = new Entry(version, value);
    }

    private sealed record Entry(long Version, object Value);
}
