namespace Kompetensbron.Core.Matching;

/// <summary>
/// Reach: how many open needs each profile matches from the person's side (no filter) — the pairs
/// <see cref="NeedsForProfile(int, int, NeedFilter?)"/> would list, i.e. within the person's commute and with no
/// exclusion. Off until <see cref="TrackReach"/>; from then on every upsert and removal keeps the counts exact
/// (docs/decisions/0010-insights-model.md, "Reach per target group").
/// </summary>
public sealed partial class MatchIndex
{
    private Dictionary<int, int>? _reachCounts;
    private HashSet<int>? _reachable;

    /// <summary>True once <see cref="TrackReach"/> has run.</summary>
    public bool TracksReach => Read(() => _reachCounts is not null);

    /// <summary>
    /// Counts every profile's matching needs once (one candidate pass per profile, spread over the cores), then keeps
    /// the counts current: a need's upsert or removal adjusts only the profiles it matches, a profile's upsert
    /// recounts that profile. Idempotent.
    /// </summary>
    public void TrackReach()
    {
        _lock.EnterWriteLock();
        try
        {
            if (_reachCounts is not null)
            {
                return;
            }

            var counts = new int[_profiles.Count];
            Parallel.For(0, _profiles.Count, slot =>
            {
                if (_profiles.Slots[slot].Alive)
                {
                    counts[slot] = CountReach(slot);
                }
            });

            _reachCounts = new Dictionary<int, int>(_profiles.SlotOf.Count);
            _reachable = new HashSet<int>(_profiles.SlotOf.Count);
            foreach (var (id, slot) in _profiles.SlotOf)
            {
                SetReach(id, counts[slot]);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>How many open needs the profile matches; null when reach is not tracked or the profile is not indexed.</summary>
    public int? ReachCount(int profileId) => Read(() =>
        _reachCounts is not null && _profiles.SlotOf.ContainsKey(profileId) ? _reachCounts.GetValueOrDefault(profileId) : (int?)null);

    /// <summary>A copy of the ids of profiles with at least one match (a set copy, no recounting).</summary>
    /// <exception cref="InvalidOperationException">Reach is not tracked (call <see cref="TrackReach"/> first).</exception>
    public IReadOnlySet<int> ReachableProfiles() => Read(() =>
        _reachable is { } reachable ? new HashSet<int>(reachable) : throw new InvalidOperationException("Reach is not tracked; call TrackReach first."));

    /// <summary>Adds (+1) or withdraws (−1) a need slot's matches: the profiles near it with anything in common, each judged exactly.</summary>
    private void AdjustReachForNeed(int needSlot, int delta)
    {
        if (_reachCounts is null)
        {
            return;
        }

        var scratch = t_profileScratch ??= new QueryScratch();
        scratch.Prepare(_profiles.Count, 0);
        try
        {
            CollectProfiles(scratch, needSlot);
            for (var t = 0; t < scratch.TouchedCount; t++)
            {
                var slot = scratch.Touched[t];
                if (_profiles.Slots[slot].Alive && Matches(needSlot, slot))
                {
                    var id = _profiles.Slots[slot].Id;
                    SetReach(id, _reachCounts.GetValueOrDefault(id) + delta);
                }
            }
        }
        finally
        {
            scratch.Clear();
        }
    }

    /// <summary>Recounts one profile (after its upsert).</summary>
    private void RecountReach(int profileSlot)
    {
        if (_reachCounts is not null)
        {
            SetReach(_profiles.Slots[profileSlot].Id, CountReach(profileSlot));
        }
    }

    private void ForgetReach(int profileId)
    {
        if (_reachCounts is not null)
        {
            SetReach(profileId, 0);
        }
    }

    /// <summary>The needs near the person with anything in common, each judged exactly (thread-safe for readers).</summary>
    private int CountReach(int profileSlot)
    {
        var scratch = t_needScratch ??= new QueryScratch();
        scratch.Prepare(_needs.Count, 0);
        try
        {
            CollectNeeds(scratch, profileSlot, int.MaxValue);
            var count = 0;
            for (var t = 0; t < scratch.TouchedCount; t++)
            {
                var slot = scratch.Touched[t];
                if (_needs.Slots[slot].Alive && Matches(slot, profileSlot))
                {
                    count++;
                }
            }

            return count;
        }
        finally
        {
            scratch.Clear();
        }
    }

    /// <summary>The pair as the person's own match list judges it (the same scorer, no filter).</summary>
    private bool Matches(int needSlot, int profileSlot) =>
        MatchScorer.Evaluate(Model, _needs, needSlot, _profiles, profileSlot, MatchPerspective.Person, out _, out _) == MatchExclusions.None;

    private void SetReach(int profileId, int count)
    {
        if (count > 0)
        {
            _reachCounts![profileId] = count;
            _reachable!.Add(profileId);
        }
        else
        {
            _reachCounts!.Remove(profileId);
            _reachable!.Remove(profileId);
        }
    }
}
