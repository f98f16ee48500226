using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Profiles;

namespace Kompetensbron.Core.Matching;

/// <summary>
/// The in-memory two-way match index (docs/decisions/0006-matching-score.md): needs and profiles compiled to dense
/// slots, inverted postings skill → slots and occupation → slots ordered by place, incremental upserts and
/// removals, and exact top-k queries in both directions.
/// </summary>
/// <remarks>
/// Thread safety: a reader-writer lock. Queries hold the read lock (many at once); an upsert or removal holds the
/// write lock only while it edits a few posting lists in place (O(list length), well under a millisecond), so
/// readers wait at most that long and always see a consistent index. Removed slots are reclaimed by a compaction
/// once a quarter of the slots are dead (amortised, O(n) under the write lock).
/// </remarks>
public sealed partial class MatchIndex : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Vocabulary _licences = new();
    private readonly Vocabulary _municipalities = new();
    private NeedStore _needs;
    private ProfileStore _profiles;
    private PostingList?[] _profilesBySkill = [];
    private PostingList?[] _profilesByOccupation = [];
    private PostingList?[] _requiredNeedsBySkill = [];
    private PostingList?[] _meritingNeedsBySkill = [];
    private PostingList?[] _needsByOccupation = [];
    private double _profileRadiusKm = -1;

    private MatchIndex(MatchModel model, int needCapacity, int profileCapacity)
    {
        Model = model;
        _needs = new NeedStore(needCapacity);
        _profiles = new ProfileStore(profileCapacity);
    }

    /// <summary>An empty index; add with the upsert methods.</summary>
    public MatchIndex(MatchModel model)
        : this(model ?? throw new ArgumentNullException(nameof(model)), 16, 16)
    {
    }

    public MatchModel Model { get; }

    /// <summary>Dead slots tolerated before a compaction is considered (tests lower it to exercise compaction).</summary>
    internal int CompactionMinimumDead { get; set; } = 1024;

    /// <summary>Builds the index from records in one pass (slots ordered by place, postings appended in order).</summary>
    public static MatchIndex Build(MatchModel model, IReadOnlyCollection<MatchNeed> needs, IReadOnlyCollection<MatchProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(needs);
        ArgumentNullException.ThrowIfNull(profiles);
        var index = new MatchIndex(model, needs.Count, profiles.Count);
        foreach (var need in InPlaceOrder(needs, n => n.Location, n => n.Id))
        {
            index.RemoveNeedSlot(need.Id);
            index._needs.Add(need, model, index._licences, index._municipalities);
        }

        foreach (var profile in InPlaceOrder(profiles, p => p.Location, p => p.Id))
        {
            index.RemoveProfileSlot(profile.Id);
            index._profiles.Add(profile, model, index._licences);
        }

        index.BuildPostings();
        return index;
    }

    /// <summary>Records sorted by (grid cell, id): slots added in this order give postings in (cell, slot) order.</summary>
    private static T[] InPlaceOrder<T>(IReadOnlyCollection<T> records, Func<T, GeoPoint> location, Func<T, int> id)
    {
        var ordered = records.ToArray();
        var keys = Array.ConvertAll(ordered, r => ((long)SpatialGrid.Cell(location(r)) << 32) | (uint)id(r));
        Array.Sort(keys, ordered);
        return ordered;
    }

    public int NeedCount => Read(() => _needs.SlotOf.Count);

    public int ProfileCount => Read(() => _profiles.SlotOf.Count);

    /// <summary>Adds or replaces an open need.</summary>
    public void Upsert(MatchNeed need)
    {
        ArgumentNullException.ThrowIfNull(need);
        Write(() =>
        {
            var orphans = ReachBeforeNeedChange(need.Id);
            var replaced = RemoveNeedSlot(need.Id);
            var slot = _needs.Add(need, Model, _licences, _municipalities);
            EnsureKeyCapacity();
            ForEachNeedPosting(slot, static (list, cell, s, value) => list.Insert(cell, s, value));
            ReachAfterNeedChange(slot, orphans);
            return replaced;
        });
    }

    /// <summary>Adds or replaces a profile.</summary>
    public void Upsert(MatchProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Write(() =>
        {
            var replaced = RemoveProfileSlot(profile.Id);
            var slot = _profiles.Add(profile, Model, _licences);
            EnsureKeyCapacity();
            ForEachProfilePosting(slot, static (list, cell, s, value) => list.Insert(cell, s, value));
            WidenProfileRadius(slot);
            RewitnessProfile(slot);
            return replaced;
        });
    }

    /// <summary>Removes a need (closed, filled or deleted); false when it was not indexed.</summary>
    public bool RemoveNeed(int needId) => Write(() =>
    {
        var orphans = ReachBeforeNeedChange(needId);
        var removed = RemoveNeedSlot(needId);
        ReachAfterNeedChange(-1, orphans);
        return removed;
    });

    /// <summary>Removes a profile; false when it was not indexed.</summary>
    public bool RemoveProfile(int profileId) => Write(() =>
    {
        ForgetReach(profileId);
        return RemoveProfileSlot(profileId);
    });

    public bool ContainsNeed(int needId) => Read(() => _needs.SlotOf.ContainsKey(needId));

    public bool ContainsProfile(int profileId) => Read(() => _profiles.SlotOf.ContainsKey(profileId));

    /// <summary>
    /// Scores one pair and explains it, ranked or not: the components, matched, related and missing skills, distance,
    /// and every exclusion reason. Null when the need or profile is not indexed.
    /// </summary>
    public MatchExplanation? Explain(int needId, int profileId, MatchPerspective perspective = MatchPerspective.Person) => Read(() =>
    {
        if (!_needs.SlotOf.TryGetValue(needId, out var n) || !_profiles.SlotOf.TryGetValue(profileId, out var p))
        {
            return null;
        }

        var details = new MatchDetails();
        var exclusions = MatchScorer.Evaluate(Model, _needs, n, _profiles, p, perspective, out var components, out var minutes, details);
        ref readonly var need = ref _needs.Slots[n];
        ref readonly var profile = ref _profiles.Slots[p];
        return new MatchExplanation(
            needId,
            profileId,
            components,
            exclusions,
            details.RequiredCount,
            details.MatchedRequired.Select(m => new SkillCredit(Model.SkillId(m.Skill), m.Level, m.Points)).ToArray(),
            details.MatchedMeriting.Select(m => new SkillCredit(Model.SkillId(m.Skill), m.Level, m.Points)).ToArray(),
            details.Related.Select(r => new RelatedCredit(
                Model.SkillId(r.Required), Model.SkillId(r.StandIn), r.Level, r.Closeness, r.Points, Model.ReasonFor(r.StandIn, r.Required))).ToArray(),
            details.MissingRequired.Select(Model.SkillId).ToArray(),
            details.Experience is { } e ? new ExperienceCredit(Model.OccupationId(e.Occupation), e.YearsTenths / 10m, e.Percent, e.Points) : null,
            details.DistanceKm,
            minutes,
            profile.Mode,
            profile.MaxMinutes,
            details.MissingLicences.Select(l => _licences[l]).ToArray(),
            need.MinimumSwedish == 0 ? null : (CefrLevel)need.MinimumSwedish,
            profile.Swedish == 0 ? null : (CefrLevel)profile.Swedish,
            need.StartDay == int.MaxValue ? null : DateOnly.FromDayNumber(need.StartDay),
            profile.AvailableDay == int.MinValue ? null : DateOnly.FromDayNumber(profile.AvailableDay));
    });

    public void Dispose() => _lock.Dispose();

    internal T Read<T>(Func<T> read)
    {
        _lock.EnterReadLock();
        try
        {
            return read();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Runs a change under the write lock, then compacts if removals have left too many dead slots.</summary>
    private bool Write(Func<bool> change)
    {
        _lock.EnterWriteLock();
        try
        {
            var result = change();
            CompactIfWasteful();
            return result;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    private bool RemoveNeedSlot(int needId)
    {
        if (!_needs.SlotOf.Remove(needId, out var slot))
        {
            return false;
        }

        if (_requiredNeedsBySkill.Length > 0)
        {
            ForEachNeedPosting(slot, static (list, cell, s, _) => list.Remove(cell, s));
        }

        _needs.Slots[slot].Alive = false;
        _needs.Dead++;
        return true;
    }

    private bool RemoveProfileSlot(int profileId)
    {
        if (!_profiles.SlotOf.Remove(profileId, out var slot))
        {
            return false;
        }

        if (_profilesBySkill.Length > 0)
        {
            ForEachProfilePosting(slot, static (list, cell, s, _) => list.Remove(cell, s));
        }

        _profiles.Slots[slot].Alive = false;
        _profiles.Dead++;
        return true;
    }

    /// <summary>Visits each posting a need slot has: required and meriting skills (value: point weight), its occupation.</summary>
    private void ForEachNeedPosting(int slot, Action<PostingList, ushort, int, short> visit)
    {
        ref readonly var need = ref _needs.Slots[slot];
        var skills = _needs.Skills(need);
        var weights = _needs.SkillWeights(need);
        var required = _needs.SkillRequired(need);
        for (var i = 0; i < skills.Length; i++)
        {
            var lists = required[i] ? _requiredNeedsBySkill : _meritingNeedsBySkill;
            visit(lists[skills[i]] ??= new PostingList(4), need.Cell, slot, weights[i]);
        }

        visit(_needsByOccupation[need.Occupation] ??= new PostingList(4), need.Cell, slot, 0);
    }

    /// <summary>Visits each posting a profile slot has: skills (value: level), occupations (value: years in tenths, capped).</summary>
    private void ForEachProfilePosting(int slot, Action<PostingList, ushort, int, short> visit)
    {
        ref readonly var profile = ref _profiles.Slots[slot];
        var skills = _profiles.Skills(profile);
        var levels = _profiles.SkillLevels(profile);
        for (var i = 0; i < skills.Length; i++)
        {
            visit(_profilesBySkill[skills[i]] ??= new PostingList(4), profile.Cell, slot, levels[i]);
        }

        var occupations = _profiles.Occupations(profile);
        var years = _profiles.Years(profile);
        for (var i = 0; i < occupations.Length; i++)
        {
            visit(_profilesByOccupation[occupations[i]] ??= new PostingList(4), profile.Cell, slot, (short)Math.Min(years[i], MatchPoints.FullExperienceTenths));
        }
    }

    private void WidenProfileRadius(int slot)
    {
        ref readonly var profile = ref _profiles.Slots[slot];
        _profileRadiusKm = Math.Max(_profileRadiusKm, Commute.MaxAirDistanceKm(profile.MaxMinutes, profile.Mode));
    }

    private void EnsureKeyCapacity()
    {
        var skills = Model.SkillCount;
        var occupations = Model.OccupationCount;
        Grow(ref _profilesBySkill, skills);
        Grow(ref _requiredNeedsBySkill, skills);
        Grow(ref _meritingNeedsBySkill, skills);
        Grow(ref _profilesByOccupation, occupations);
        Grow(ref _needsByOccupation, occupations);

        static void Grow(ref PostingList?[] lists, int size)
        {
            if (lists.Length < size)
            {
                Array.Resize(ref lists, Math.Max(size, lists.Length * 2));
            }
        }
    }

    /// <summary>
    /// Builds every posting list from the live slots, which are in place order: counting first so each list is
    /// allocated once at its final size, then appending in slot order, which is (cell, slot) order.
    /// </summary>
    private void BuildPostings()
    {
        _profilesBySkill = [];
        _requiredNeedsBySkill = [];
        _meritingNeedsBySkill = [];
        _profilesByOccupation = [];
        _needsByOccupation = [];
        EnsureKeyCapacity();
        var counts = new Dictionary<PostingList?[], int[]>(ReferenceEqualityComparer.Instance)
        {
            [_profilesBySkill] = new int[_profilesBySkill.Length],
            [_requiredNeedsBySkill] = new int[_requiredNeedsBySkill.Length],
            [_meritingNeedsBySkill] = new int[_meritingNeedsBySkill.Length],
            [_profilesByOccupation] = new int[_profilesByOccupation.Length],
            [_needsByOccupation] = new int[_needsByOccupation.Length],
        };

        for (var s = 0; s < _needs.Count; s++)
        {
            if (_needs.Slots[s].Alive)
            {
                ref readonly var need = ref _needs.Slots[s];
                var skills = _needs.Skills(need);
                var required = _needs.SkillRequired(need);
                for (var i = 0; i < skills.Length; i++)
                {
                    counts[required[i] ? _requiredNeedsBySkill : _meritingNeedsBySkill][skills[i]]++;
                }

                counts[_needsByOccupation][need.Occupation]++;
            }
        }

        var profileSkillCounts = counts[_profilesBySkill];
        var profileOccupationCounts = counts[_profilesByOccupation];
        for (var s = 0; s < _profiles.Count; s++)
        {
            if (_profiles.Slots[s].Alive)
            {
                ref readonly var profile = ref _profiles.Slots[s];
                foreach (var skill in _profiles.Skills(profile))
                {
                    profileSkillCounts[skill]++;
                }

                foreach (var occupation in _profiles.Occupations(profile))
                {
                    profileOccupationCounts[occupation]++;
                }
            }
        }

        foreach (var (lists, sizes) in counts)
        {
            for (var key = 0; key < lists.Length; key++)
            {
                lists[key] = sizes[key] == 0 ? null : new PostingList(sizes[key]);
            }
        }

        for (var s = 0; s < _needs.Count; s++)
        {
            if (_needs.Slots[s].Alive)
            {
                ForEachNeedPosting(s, static (list, cell, slot, value) => list.Append(cell, slot, value));
            }
        }

        for (var s = 0; s < _profiles.Count; s++)
        {
            if (_profiles.Slots[s].Alive)
            {
                ForEachProfilePosting(s, static (list, cell, slot, value) => list.Append(cell, slot, value));
                WidenProfileRadius(s);
            }
        }
    }

    /// <summary>Rebuilds the stores without dead slots (again in place order) once they are a quarter of all slots.</summary>
    private void CompactIfWasteful()
    {
        var needsWasteful = _needs.Dead > CompactionMinimumDead && _needs.Dead * 4 > _needs.Count;
        var profilesWasteful = _profiles.Dead > CompactionMinimumDead && _profiles.Dead * 4 > _profiles.Count;
        if (!needsWasteful && !profilesWasteful)
        {
            return;
        }

        var needs = new NeedStore(_needs.SlotOf.Count);
        foreach (var slot in LiveInPlaceOrder(_needs.SlotOf.Values, s => _needs.Slots[s].Cell, s => _needs.Slots[s].Id))
        {
            needs.CopyFrom(_needs, slot);
        }

        var profiles = new ProfileStore(_profiles.SlotOf.Count);
        foreach (var slot in LiveInPlaceOrder(_profiles.SlotOf.Values, s => _profiles.Slots[s].Cell, s => _profiles.Slots[s].Id))
        {
            profiles.CopyFrom(_profiles, slot);
        }

        (_needs, _profiles) = (needs, profiles);
        _profileRadiusKm = -1;
        BuildPostings();

        static IEnumerable<int> LiveInPlaceOrder(IEnumerable<int> slots, Func<int, ushort> cell, Func<int, int> id) =>
            slots.OrderBy(cell).ThenBy(id).ToArray();
    }
}
