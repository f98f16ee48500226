namespace Kompetensbron.Core.Matching;

/// <summary>
/// The reference the index is checked against: the same scoring function applied to every pair, no postings, no
/// bounds, the same tie order. Used by the exactness tests and the benchmark.
/// </summary>
public sealed class BruteForceMatcher(MatchIndex index)
{
    private readonly MatchIndex _index = index ?? throw new ArgumentNullException(nameof(index));

    public IReadOnlyList<MatchResult> NeedsForProfile(int profileId, int k, NeedFilter? filter = null)
    {
        var buffer = new MatchResult[Math.Max(0, k)];
        return buffer[.._index.NeedsForProfile(profileId, filter ?? NeedFilter.None, buffer, bruteForce: true)];
    }

    public IReadOnlyList<MatchResult> ProfilesForNeed(int needId, int k)
    {
        var buffer = new MatchResult[Math.Max(0, k)];
        return buffer[.._index.ProfilesForNeed(needId, buffer, bruteForce: true)];
    }
}
