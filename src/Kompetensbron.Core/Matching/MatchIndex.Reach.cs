using System.Collections.ObjectModel;
using Kompetensbron.Core.Geography;

namespace Kompetensbron.Core.Matching;

/// <summary>
/// Reach: which profiles have at least one open need they match from the person's side with no filter — a need
/// <see cref="NeedsForProfile(int, int, NeedFilter?)"/> would list, within the person's commute and with no exclusion.
/// Off until <see cref="TrackReach"/>; from then on every upsert and removal keeps it exact
/// (docs/decisions/0010-insights-model.md, "Reach per target group").
/// </summary>
/// <remarks>
/// Each reached profile keeps one <em>witness</em>: a need it matches. Finding a witness stops at the first match,
/// so the first pass costs a few postings per profile rather than a full match list. A new or changed need becomes
/// the witness of the profiles near it that had none; when a witness need closes or changes, only the profiles it
/// witnessed look for another. Ids, not slots, are stored, so compaction does not disturb it.
/// </remarks>
public sealed partial class MatchIndex
{
    private Dictionary<int, int>? _witness;
    private Dictionary<int, HashSet<int>>? _witnessed;
    private HashSet<int>? _reachable;

    // A read-only copy of _reachable, shared by readers until the set next changes (then dropped under the write lock).
    private IReadOnlySet<int>? _reachSnapshot;

    /// <summary>True once <see cref="TrackReach"/> has run.</summary>
    public bool TracksReach => Read(() => _witness is not null);

    /// <summary>Finds a witness for every profile once (spread over the cores), then keeps reach current. Idempotent.</summary>
    public void TrackReach()
    {
        _lock.EnterWriteLock();
        try
        {
            if (_witness is not null)
            {
                return;
            }

            var found = new int[_profiles.Count];
            Parallel.For(0, _profiles.Count, slot => found[slot] = _profiles.Slots[slot].Alive ? FindWitness(slot) : -1);
            _witness = new Dictionary<int, int>(_profiles.SlotOf.Count);
            _witnessed = new Dictionary<int, HashSet<int>>(_needs.SlotOf.Count);
            _reachable = new HashSet<int>(_profiles.SlotOf.Count);
            foreach (var (id, slot) in _profiles.SlotOf)
            {
                if (found[slot] >= 0)
                {
                    SetWitness(id, _needs.Slots[found[slot]].Id);
                }
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Whether the profile has at least one match; null when reach is not tracked or the profile is not indexed.</summary>
    public bool? HasReach(int profileId) => Read(() =>
        _reachable is not null && _profiles.SlotOf.ContainsKey(profileId) ? _reachable.Contains(profileId) : (bool?)null);

    /// <summary>
    /// The ids of profiles with at least one match, as a read-only copy: nothing is recounted, and the copy is shared
    /// by every caller until reach next changes.
    /// </summary>
    /// <exception cref="InvalidOperationException">Reach is not tracked (call <see cref="TrackReach"/> first).</exception>
    public IReadOnlySet<int> ReachableProfiles() => Read(() =>
    {
        if (_reachable is not { } reachable)
        {
            throw new InvalidOperationException("Reach is not tracked; call TrackReach first.");
        }

        // Readers may race to make the copy; they copy the same set (writers are locked out), and one copy is kept.
        return Volatile.Read(ref _reachSnapshot)
            ?? Interlocked.CompareExchange(ref _reachSnapshot, new ReadOnlySet<int>(new HashSet<int>(reachable)), null)
            ?? _reachSnapshot!;
    });

    /// <summary>The need that witnesses the profile's reach (for tests).</summary>
    internal int? ReachWitness(int profileId) => Read(() => _witness is not null && _witness.TryGetValue(profileId, out var need) ? need : (int?)null);

    /// <summary>
    /// Before a need's slot is replaced or removed: the profiles it witnessed lose their witness; returns them so
    /// <see cref="ReachAfterNeedChange"/> can find them another.
    /// </summary>
    private List<int>? ReachBeforeNeedChange(int needId)
    {
        if (_witnessed is null || !_witnessed.Remove(needId, out var profiles))
        {
            return null;
        }

        foreach (var profileId in profiles)
        {
            _witness!.Remove(profileId);
            _reachable!.Remove(profileId);
        }

        _reachSnapshot = null;

        return [.. profiles];
    }

    /// <summary>After a need's upsert (slot ≥ 0) or removal (slot −1): it witnesses the near profiles that had none; the orphans look again.</summary>
    private void ReachAfterNeedChange(int needSlot, List<int>? orphans)
    {
        if (_witness is null)
        {
            return;
        }

        if (needSlot >= 0)
        {
            var needId = _needs.Slots[needSlot].Id;
            var scratch = t_profileScratch ??= new QueryScratch();
            scratch.Prepare(_profiles.Count, 0);
            try
            {
                CollectProfiles(scratch, needSlot);
                for (var t = 0; t < scratch.TouchedCount; t++)
                {
                    var slot = scratch.Touched[t];
                    ref readonly var profile = ref _profiles.Slots[slot];
                    if (profile.Alive && !_witness.ContainsKey(profile.Id) && Matches(needSlot, slot))
                    {
                        SetWitness(profile.Id, needId);
                    }
                }
            }
            finally
            {
                scratch.Clear();
            }
        }

        foreach (var profileId in orphans ?? [])
        {
            if (!_witness.ContainsKey(profileId) && _profiles.SlotOf.TryGetValue(profileId, out var slot))
            {
                RewitnessProfile(slot);
            }
        }
    }

    /// <summary>After a profile's upsert: drop its old witness and look for one.</summary>
    private void RewitnessProfile(int profileSlot)
    {
        if (_witness is null)
        {
            return;
        }

        var profileId = _profiles.Slots[profileSlot].Id;
        ForgetReach(profileId);
        var need = FindWitness(profileSlot);
        if (need >= 0)
        {
            SetWitness(profileId, _needs.Slots[need].Id);
        }
    }

    private void ForgetReach(int profileId)
    {
        if (_witness is not null && _witness.Remove(profileId, out var needId))
        {
            _reachable!.Remove(profileId);
            _reachSnapshot = null;
            if (_witnessed!.TryGetValue(needId, out var profiles))
            {
                profiles.Remove(profileId);
                if (profiles.Count == 0)
                {
                    _witnessed.Remove(needId);
                }
            }
        }
    }

    private void SetWitness(int profileId, int needId)
    {
        _witness![profileId] = needId;
        if (_reachable!.Add(profileId))
        {
            _reachSnapshot = null;
        }

        if (!_witnessed!.TryGetValue(needId, out var profiles))
        {
            profiles = [];
            _witnessed[needId] = profiles;
        }

        profiles.Add(profileId);
    }

    /// <summary>
    /// The first live need slot the profile matches, or −1: the same candidate postings as the person's match list
    /// (held skills, skills they stand in for, experience), each need judged once, stopping at the first match.
    /// Reads only, so profiles can be searched in parallel (per-thread scratch).
    /// </summary>
    private int FindWitness(int profileSlot)
    {
        ref readonly var profile = ref _profiles.Slots[profileSlot];
        var scratch = t_needScratch ??= new QueryScratch();
        scratch.Prepare(_needs.Count, 0);
        try
        {
            var radius = Commute.MaxAirDistanceKm(profile.MaxMinutes, profile.Mode);
            var ranges = scratch.Ranges.AsSpan(0, SpatialGrid.Ranges(profile.Location, radius, scratch.Ranges));
            if (ranges.IsEmpty)
            {
                return -1;
            }

            var skills = _profiles.Skills(profile);
            for (var i = 0; i < skills.Length; i++)
            {
                var found = FirstMatch(At(_requiredNeedsBySkill, skills[i]), ranges, profileSlot, scratch);
                found = found >= 0 ? found : FirstMatch(At(_meritingNeedsBySkill, skills[i]), ranges, profileSlot, scratch);
                foreach (var required in Model.StandsFor(skills[i]))
                {
                    found = found >= 0 ? found : FirstMatch(At(_requiredNeedsBySkill, required), ranges, profileSlot, scratch);
                }

                if (found >= 0)
                {
                    return found;
                }
            }

            foreach (var occupation in _profiles.Occupations(profile))
            {
                var found = FirstMatch(At(_needsByOccupation, occupation), ranges, profileSlot, scratch);
                foreach (var needOccupation in Model.ExperienceCountsFor(occupation))
                {
                    found = found >= 0 ? found : FirstMatch(At(_needsByOccupation, needOccupation), ranges, profileSlot, scratch);
                }

                if (found >= 0)
                {
                    return found;
                }
            }

            return -1;
        }
        finally
        {
            scratch.Clear();
        }
    }

    /// <summary>The first need in the list's reachable cells that the profile matches; needs already judged are skipped.</summary>
    private int FirstMatch(PostingList? list, ReadOnlySpan<(ushort From, ushort To)> ranges, int profileSlot, QueryScratch scratch)
    {
        if (list is null || list.Count == 0 || list.Cells[list.Count - 1] < ranges[0].From || list.Cells[0] > ranges[^1].To)
        {
            return -1;
        }

        var i = 0;
        foreach (var (from, to) in ranges)
        {
            i = list.LowerBound(from, i);
            for (; i < list.Count && list.Cells[i] <= to; i++)
            {
                var slot = list.Slots[i];
                ref var judged = ref scratch.Upper[slot];
                if (judged != 0)
                {
                    continue;
                }

                judged = 1;
                scratch.Touched[scratch.TouchedCount++] = slot;
                if (_needs.Slots[slot].Alive && Matches(slot, profileSlot))
                {
                    return slot;
                }
            }

            if (i == list.Count)
            {
                break;
            }
        }

        return -1;
    }

    /// <summary>The pair as the person's own match list judges it (the same scorer, no filter).</summary>
    private bool Matches(int needSlot, int profileSlot) =>
        MatchScorer.Evaluate(Model, _needs, needSlot, _profiles, profileSlot, MatchPerspective.Person, out _, out _) == MatchExclusions.None;
}
