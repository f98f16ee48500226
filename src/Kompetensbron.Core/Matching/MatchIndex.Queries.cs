using Kompetensbron.Core.Geography;

namespace Kompetensbron.Core.Matching;

/// <summary>The two top-k queries: candidates from postings near the place, upper bounds, exact scores best-bound first.</summary>
public sealed partial class MatchIndex
{
    /// <summary>Upper bounds are counting-sorted into this many buckets (the last one holds everything above).</summary>
    private const int Buckets = 4096;

    [ThreadStatic]
    private static QueryScratch? t_needScratch;

    [ThreadStatic]
    private static QueryScratch? t_profileScratch;

    private interface IPointRule
    {
        int Points(short value);
    }

    private interface ICandidateJudge
    {
        bool IsLive(int slot);

        bool TryScore(int slot, out int score, out int id);
    }

    /// <summary>The best <paramref name="k"/> open needs for a profile, best first; empty when the profile is not indexed.</summary>
    public IReadOnlyList<MatchResult> NeedsForProfile(int profileId, int k, NeedFilter? filter = null)
    {
        var buffer = new MatchResult[Math.Max(0, k)];
        return buffer[..NeedsForProfile(profileId, filter ?? NeedFilter.None, buffer)];
    }

    /// <summary>
    /// Writes the best needs for a profile into <paramref name="destination"/> (k = its length) and returns how many;
    /// allocation-free apart from a municipality filter.
    /// </summary>
    public int NeedsForProfile(int profileId, NeedFilter filter, Span<MatchResult> destination) =>
        NeedsForProfile(profileId, filter, destination, bruteForce: false);

    /// <summary>The best <paramref name="k"/> visible profiles for a need, best first; empty when the need is not indexed.</summary>
    public IReadOnlyList<MatchResult> ProfilesForNeed(int needId, int k)
    {
        var buffer = new MatchResult[Math.Max(0, k)];
        return buffer[..ProfilesForNeed(needId, buffer)];
    }

    /// <summary>Writes the best profiles for a need into <paramref name="destination"/> (k = its length); returns how many.</summary>
    public int ProfilesForNeed(int needId, Span<MatchResult> destination) =>
        ProfilesForNeed(needId, destination, bruteForce: false);

    internal int NeedsForProfile(int profileId, NeedFilter filter, Span<MatchResult> destination, bool bruteForce)
    {
        ArgumentNullException.ThrowIfNull(filter);
        _lock.EnterReadLock();
        var scratch = t_needScratch ??= new QueryScratch();
        try
        {
            if (!_profiles.SlotOf.TryGetValue(profileId, out var p) || destination.IsEmpty)
            {
                return 0;
            }

            var compiled = new CompiledNeedFilter(filter, _municipalities);
            var judge = new NeedJudge(this, p, compiled);
            scratch.Prepare(_needs.Count, destination.Length);
            if (bruteForce)
            {
                ScanAll(scratch, ref judge, _needs.Count);
            }
            else
            {
                CollectNeeds(scratch, p, compiled.MaxMinutes);
                Select(scratch, ref judge);
            }

            var results = scratch.Drain();
            for (var i = 0; i < results.Length; i++)
            {
                destination[i] = new MatchResult(results[i].Id, profileId, results[i].Score);
            }

            return results.Length;
        }
        finally
        {
            scratch.Clear();
            _lock.ExitReadLock();
        }
    }

    internal int ProfilesForNeed(int needId, Span<MatchResult> destination, bool bruteForce)
    {
        _lock.EnterReadLock();
        var scratch = t_profileScratch ??= new QueryScratch();
        try
        {
            if (!_needs.SlotOf.TryGetValue(needId, out var n) || destination.IsEmpty)
            {
                return 0;
            }

            var judge = new ProfileJudge(this, n);
            scratch.Prepare(_profiles.Count, destination.Length);
            if (bruteForce)
            {
                ScanAll(scratch, ref judge, _profiles.Count);
            }
            else
            {
                CollectProfiles(scratch, n);
                Select(scratch, ref judge);
            }

            var results = scratch.Drain();
            for (var i = 0; i < results.Length; i++)
            {
                destination[i] = new MatchResult(needId, results[i].Id, results[i].Score);
            }

            return results.Length;
        }
        finally
        {
            scratch.Clear();
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// Accumulates, for every need near the person with anything in common, an upper bound of its score: exact points
    /// for held skills, the sum (not the best) of related credits, and experience via the occupation postings.
    /// </summary>
    private void CollectNeeds(QueryScratch scratch, int profileSlot, int maxMinutes)
    {
        ref readonly var profile = ref _profiles.Slots[profileSlot];
        var radius = Commute.MaxAirDistanceKm(Math.Min(profile.MaxMinutes, maxMinutes), profile.Mode);
        var ranges = scratch.Ranges.AsSpan(0, SpatialGrid.Ranges(profile.Location, radius, scratch.Ranges));
        if (ranges.IsEmpty)
        {
            return;
        }

        var skills = _profiles.Skills(profile);
        var levels = _profiles.SkillLevels(profile);
        for (var i = 0; i < skills.Length; i++)
        {
            var skill = skills[i];
            var level = levels[i];
            Accumulate(At(_requiredNeedsBySkill, skill), ranges, scratch, new HeldRule(level));
            Accumulate(At(_meritingNeedsBySkill, skill), ranges, scratch, new HeldRule(level));
            var standsFor = Model.StandsFor(skill);
            var closeness = Model.StandsForCloseness(skill);
            for (var r = 0; r < standsFor.Length; r++)
            {
                Accumulate(At(_requiredNeedsBySkill, standsFor[r]), ranges, scratch, new RelatedRule(closeness[r], level));
            }
        }

        var occupations = _profiles.Occupations(profile);
        var years = _profiles.Years(profile);
        for (var i = 0; i < occupations.Length; i++)
        {
            var occupation = occupations[i];
            Accumulate(At(_needsByOccupation, occupation), ranges, scratch, new ConstantRule(MatchPoints.ExperiencePoints(years[i], 100)));
            var needOccupations = Model.ExperienceCountsFor(occupation);
            var percents = Model.ExperienceCountsForPercent(occupation);
            for (var o = 0; o < needOccupations.Length; o++)
            {
                Accumulate(At(_needsByOccupation, needOccupations[o]), ranges, scratch, new ConstantRule(MatchPoints.ExperiencePoints(years[i], percents[o])));
            }
        }
    }

    /// <summary>The same upper bounds for every profile near the need (within the widest radius any profile accepts).</summary>
    private void CollectProfiles(QueryScratch scratch, int needSlot)
    {
        ref readonly var need = ref _needs.Slots[needSlot];
        var ranges = scratch.Ranges.AsSpan(0, SpatialGrid.Ranges(need.Location, _profileRadiusKm, scratch.Ranges));
        if (ranges.IsEmpty)
        {
            return;
        }

        var table = scratch.Table;
        var skills = _needs.Skills(need);
        var weights = _needs.SkillWeights(need);
        var required = _needs.SkillRequired(need);
        for (var i = 0; i < skills.Length; i++)
        {
            for (var level = 1; level <= 4; level++)
            {
                table[level] = MatchPoints.HeldSkill(weights[i], level);
            }

            Accumulate(At(_profilesBySkill, skills[i]), ranges, scratch, new TableRule(table));
            if (required[i])
            {
                var standIns = Model.StandIns(skills[i]);
                var closeness = Model.StandInCloseness(skills[i]);
                for (var s = 0; s < standIns.Length; s++)
                {
                    for (var level = 1; level <= 4; level++)
                    {
                        table[level] = MatchPoints.RelatedSkill(weights[i], closeness[s], level);
                    }

                    Accumulate(At(_profilesBySkill, standIns[s]), ranges, scratch, new TableRule(table));
                }
            }
        }

        AccumulateExperience(At(_profilesByOccupation, need.Occupation), 100, ranges, scratch);
        var personOccupations = Model.ExperienceFor(need.Occupation);
        var percents = Model.ExperienceForPercent(need.Occupation);
        for (var o = 0; o < personOccupations.Length; o++)
        {
            AccumulateExperience(At(_profilesByOccupation, personOccupations[o]), percents[o], ranges, scratch);
        }
    }

    private static void AccumulateExperience(PostingList? list, int percent, ReadOnlySpan<(ushort From, ushort To)> ranges, QueryScratch scratch)
    {
        if (list is null)
        {
            return;
        }

        for (var tenths = 0; tenths <= MatchPoints.FullExperienceTenths; tenths++)
        {
            scratch.Table[tenths] = MatchPoints.ExperiencePoints(tenths, percent);
        }

        Accumulate(list, ranges, scratch, new TableRule(scratch.Table));
    }

    private static PostingList? At(PostingList?[] lists, int key) => key < lists.Length ? lists[key] : null;

    private static void Accumulate<TRule>(PostingList? list, ReadOnlySpan<(ushort From, ushort To)> ranges, QueryScratch scratch, TRule rule)
        where TRule : struct, IPointRule
    {
        // Most lists have nothing in the reachable rows: two comparisons skip them without a binary search.
        if (list is null || list.Count == 0 || list.Cells[list.Count - 1] < ranges[0].From || list.Cells[0] > ranges[^1].To)
        {
            return;
        }

        var cells = list.Cells;
        var slots = list.Slots;
        var values = list.Values;
        var count = list.Count;
        var upper = scratch.Upper;
        var touched = scratch.Touched;
        var touchedCount = scratch.TouchedCount;
        var i = 0;
        foreach (var (from, to) in ranges)
        {
            i = list.LowerBound(from, i);
            if (i == count)
            {
                break;
            }

            for (; i < count && cells[i] <= to; i++)
            {
                var slot = slots[i];
                ref var bound = ref upper[slot];
                if (bound == 0)
                {
                    touched[touchedCount++] = slot;
                    bound = 1;
                }

                bound += rule.Points(values[i]);
            }
        }

        scratch.TouchedCount = touchedCount;
    }

    /// <summary>
    /// Scores candidates in descending order of their upper bound (counting sort into buckets) and stops at the first
    /// whose bound plus full commute points is below the k-th score: no later candidate can enter or tie.
    /// </summary>
    private static void Select<TJudge>(QueryScratch scratch, ref TJudge judge)
        where TJudge : struct, ICandidateJudge
    {
        var touched = scratch.Touched;
        var upper = scratch.Upper;
        var order = scratch.Order;
        var starts = scratch.BucketStart;
        var n = scratch.TouchedCount;
        Array.Clear(starts);
        for (var t = 0; t < n; t++)
        {
            starts[Bucket(upper[touched[t]])]++;
        }

        var position = 0;
        for (var b = Buckets - 1; b >= 0; b--)
        {
            var size = starts[b];
            starts[b] = position;
            position += size;
        }

        for (var t = 0; t < n; t++)
        {
            var slot = touched[t];
            order[starts[Bucket(upper[slot])]++] = slot;
        }

        var top = scratch.Top;
        for (var t = 0; t < n; t++)
        {
            var slot = order[t];
            var bucket = Bucket(upper[slot]);
            var bound = bucket == Buckets - 1 ? int.MaxValue : bucket + MatchPoints.Commute;
            if (!top.CouldEnter(bound))
            {
                break;
            }

            if (judge.TryScore(slot, out var score, out var id))
            {
                top.Offer(score, id);
            }
        }
    }

    private static int Bucket(int bound) => Math.Min(bound - 1, Buckets - 1);

    /// <summary>The brute-force path: every live slot through the same judge and heap.</summary>
    private static void ScanAll<TJudge>(QueryScratch scratch, ref TJudge judge, int slotCount)
        where TJudge : struct, ICandidateJudge
    {
        for (var slot = 0; slot < slotCount; slot++)
        {
            if (judge.IsLive(slot) && judge.TryScore(slot, out var score, out var id))
            {
                scratch.Top.Offer(score, id);
            }
        }
    }

    private readonly struct HeldRule(int level) : IPointRule
    {
        public int Points(short value) => MatchPoints.HeldSkill(value, level);
    }

    private readonly struct RelatedRule(int closeness, int level) : IPointRule
    {
        public int Points(short value) => MatchPoints.RelatedSkill(value, closeness, level);
    }

    private readonly struct ConstantRule(int points) : IPointRule
    {
        public int Points(short value) => points;
    }

    private readonly struct TableRule(int[] table) : IPointRule
    {
        public int Points(short value) => table[value];
    }

    /// <summary>Judges a need for a person: the filter, then the scorer from the person's side.</summary>
    private readonly struct NeedJudge(MatchIndex index, int profileSlot, CompiledNeedFilter filter) : ICandidateJudge
    {
        public bool IsLive(int slot) => index._needs.Slots[slot].Alive;

        public bool TryScore(int slot, out int score, out int id)
        {
            ref readonly var need = ref index._needs.Slots[slot];
            id = need.Id;
            score = 0;
            if (!filter.Allows(need))
            {
                return false;
            }

            var exclusions = MatchScorer.Evaluate(index.Model, index._needs, slot, index._profiles, profileSlot, MatchPerspective.Person, out var components, out var minutes);
            if (exclusions != MatchExclusions.None || minutes > filter.MaxMinutes)
            {
                return false;
            }

            score = components.Total;
            return true;
        }
    }

    /// <summary>Judges a profile for a need: the scorer from the employer's side (hidden profiles excluded).</summary>
    private readonly struct ProfileJudge(MatchIndex index, int needSlot) : ICandidateJudge
    {
        public bool IsLive(int slot) => index._profiles.Slots[slot].Alive;

        public bool TryScore(int slot, out int score, out int id)
        {
            id = index._profiles.Slots[slot].Id;
            var exclusions = MatchScorer.Evaluate(index.Model, index._needs, needSlot, index._profiles, slot, MatchPerspective.Employer, out var components, out _);
            score = components.Total;
            return exclusions == MatchExclusions.None;
        }
    }

    /// <summary>Per-thread, per-direction buffers reused by every query: dense bounds, candidate lists, buckets, heap.</summary>
    private sealed class QueryScratch
    {
        public readonly int[] BucketStart = new int[Buckets];
        public readonly (ushort From, ushort To)[] Ranges = new (ushort, ushort)[SpatialGrid.Rows];
        public readonly int[] Table = new int[MatchPoints.FullExperienceTenths + 1];
        public readonly TopK Top = new();
        public int[] Upper = [];
        public int[] Touched = [];
        public int[] Order = [];
        public int TouchedCount;
        private (int Score, int Id)[] _results = [];

        public void Prepare(int slots, int k)
        {
            if (Upper.Length < slots)
            {
                var size = Math.Max(slots, Upper.Length * 2);
                Upper = new int[size];
                Touched = new int[size];
                Order = new int[size];
            }

            if (_results.Length < k)
            {
                _results = new (int, int)[k];
            }

            Top.Reset(k);
        }

        public ReadOnlySpan<(int Score, int Id)> Drain() => _results.AsSpan(0, Top.Drain(_results));

        /// <summary>Zeroes only the touched bounds, so the next query starts clean without clearing the whole array.</summary>
        public void Clear()
        {
            for (var t = 0; t < TouchedCount; t++)
            {
                Upper[Touched[t]] = 0;
            }

            TouchedCount = 0;
            Top.Reset(0);
        }
    }
}
