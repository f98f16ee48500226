using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Needs;

namespace Kompetensbron.Core.Matching;

/// <summary>An append-only array with a count, grown by doubling; the pools behind the slot stores.</summary>
internal sealed class Pool<T>(int capacity)
{
    public T[] Items = new T[Math.Max(4, capacity)];
    public int Count;

    public int Append(ReadOnlySpan<T> values)
    {
        EnsureCapacity(Count + values.Length);
        var start = Count;
        values.CopyTo(Items.AsSpan(start));
        Count += values.Length;
        return start;
    }

    public int Append(T value)
    {
        EnsureCapacity(Count + 1);
        Items[Count] = value;
        return Count++;
    }

    private void EnsureCapacity(int needed)
    {
        if (needed > Items.Length)
        {
            Array.Resize(ref Items, Math.Max(needed, Items.Length * 2));
        }
    }
}

/// <summary>Sorting and deduplicating the small id lists a need or profile compiles to.</summary>
internal static class SortedUnique
{
    /// <summary>Sorts keys with their values, merges equal keys keeping the largest value; returns the new length.</summary>
    public static int KeepMax(Span<int> keys, Span<int> values)
    {
        keys.Sort(values);
        var n = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (n > 0 && keys[n - 1] == keys[i])
            {
                values[n - 1] = Math.Max(values[n - 1], values[i]);
            }
            else
            {
                (keys[n], values[n]) = (keys[i], values[i]);
                n++;
            }
        }

        return n;
    }

    /// <summary>Interned, sorted, distinct ids of codes.</summary>
    public static int[] Ids(IReadOnlyList<string> codes, Vocabulary vocabulary)
    {
        if (codes.Count == 0)
        {
            return [];
        }

        var ids = new int[codes.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = vocabulary.Intern(codes[i]);
        }

        Array.Sort(ids);
        return ids.Distinct().ToArray();
    }
}

/// <summary>One indexed need, compiled; its skills and licences live in the store's pools.</summary>
internal struct NeedSlot
{
    public int Id;
    public GeoPoint Location;
    public ushort Cell;
    public NeedKind Kind;
    public bool Alive;
    public byte MinimumSwedish;
    public int Municipality;
    public int Occupation;
    public int StartDay;
    public int SkillStart;
    public int SkillCount;
    public int LicenceStart;
    public int LicenceCount;
}

/// <summary>One indexed profile, compiled; its skills, occupations and licences live in the store's pools.</summary>
internal struct ProfileSlot
{
    public int Id;
    public GeoPoint Location;
    public ushort Cell;
    public bool Alive;
    public bool Visible;
    public CommuteMode Mode;
    public byte Swedish;
    public int MaxMinutes;
    public int AvailableDay;
    public int SkillStart;
    public int SkillCount;
    public int OccupationStart;
    public int OccupationCount;
    public int LicenceStart;
    public int LicenceCount;
}

/// <summary>Interns small vocabularies of an index (licence codes, municipality codes) to dense ints.</summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _values = [];

    public int Intern(string value)
    {
        if (!_index.TryGetValue(value, out var id))
        {
            id = _values.Count;
            _values.Add(value);
            _index[value] = id;
        }

        return id;
    }

    public int Find(string value) => _index.GetValueOrDefault(value, -1);

    public string this[int id] => _values[id];
}

/// <summary>
/// Slots appended in order (a replaced or removed one is only marked dead until compaction) and the id → live slot map.
/// </summary>
internal abstract class SlotStore<TSlot>(int capacity)
{
    public TSlot[] Slots = new TSlot[Math.Max(4, capacity)];
    public int Count;
    public int Dead;
    public readonly Dictionary<int, int> SlotOf = new(capacity);

    protected int Place(TSlot slot, int id)
    {
        if (Count == Slots.Length)
        {
            Array.Resize(ref Slots, Slots.Length * 2);
        }

        Slots[Count] = slot;
        SlotOf[id] = Count;
        return Count++;
    }
}

/// <summary>Compiled needs: slots plus pooled skill ids (sorted per need), point weights, required flags, licences.</summary>
internal sealed class NeedStore(int capacity) : SlotStore<NeedSlot>(capacity)
{
    public readonly Pool<int> SkillIds = new(capacity * 8);
    public readonly Pool<short> Weights = new(capacity * 8);
    public readonly Pool<bool> Required = new(capacity * 8);
    public readonly Pool<int> Licences = new(capacity);

    public ReadOnlySpan<int> Skills(in NeedSlot slot) => SkillIds.Items.AsSpan(slot.SkillStart, slot.SkillCount);

    public ReadOnlySpan<short> SkillWeights(in NeedSlot slot) => Weights.Items.AsSpan(slot.SkillStart, slot.SkillCount);

    public ReadOnlySpan<bool> SkillRequired(in NeedSlot slot) => Required.Items.AsSpan(slot.SkillStart, slot.SkillCount);

    public ReadOnlySpan<int> LicenceIds(in NeedSlot slot) => Licences.Items.AsSpan(slot.LicenceStart, slot.LicenceCount);

    /// <summary>Appends a need (skills deduplicated, the strongest mention kept) and returns its slot.</summary>
    public int Add(MatchNeed need, MatchModel model, Vocabulary licences, Vocabulary municipalities)
    {
        var skills = new Dictionary<int, (bool Required, int Importance)>();
        foreach (var skill in need.Skills)
        {
            var id = model.InternSkill(skill.SkillId);
            var importance = MatchPoints.ClampImportance(skill.Importance);
            skills[id] = skills.TryGetValue(id, out var seen)
                ? (seen.Required || skill.IsRequired, Math.Max(seen.Importance, importance))
                : (skill.IsRequired, importance);
        }

        var requiredSum = skills.Values.Where(s => s.Required).Sum(s => s.Importance);
        var meritingSum = skills.Values.Where(s => !s.Required).Sum(s => s.Importance);
        var ordered = skills.OrderBy(s => s.Key).ToArray();
        var slot = new NeedSlot
        {
            Id = need.Id,
            Location = need.Location,
            Cell = SpatialGrid.Cell(need.Location),
            Kind = need.Kind,
            Alive = true,
            MinimumSwedish = (byte)(need.MinimumSwedishLevel is { } level ? (int)level : 0),
            Municipality = municipalities.Intern(need.MunicipalityCode),
            Occupation = model.InternOccupation(need.OccupationId),
            StartDay = need.StartDate?.DayNumber ?? int.MaxValue,
            SkillStart = SkillIds.Append(Array.ConvertAll(ordered, s => s.Key)),
            SkillCount = ordered.Length,
        };
        Weights.Append(Array.ConvertAll(ordered, s => (short)(s.Value.Required
            ? MatchPoints.SkillWeight(MatchPoints.Required, s.Value.Importance, requiredSum)
            : MatchPoints.SkillWeight(MatchPoints.Meriting, s.Value.Importance, meritingSum))));
        Required.Append(Array.ConvertAll(ordered, s => s.Value.Required));
        var licenceIds = SortedUnique.Ids(need.Licences, licences);
        slot.LicenceStart = Licences.Append(licenceIds);
        slot.LicenceCount = licenceIds.Length;

        return Place(slot, slot.Id);
    }

    /// <summary>Appends a copy of another store's slot (compaction).</summary>
    public void CopyFrom(NeedStore other, int otherSlot)
    {
        var slot = other.Slots[otherSlot];
        var skillStart = SkillIds.Append(other.Skills(slot));
        Weights.Append(other.SkillWeights(slot));
        Required.Append(other.SkillRequired(slot));
        slot.LicenceStart = Licences.Append(other.LicenceIds(slot));
        slot.SkillStart = skillStart;
        Place(slot, slot.Id);
    }
}

/// <summary>Compiled profiles: slots plus pooled skills (sorted) with levels, occupations with years, licences.</summary>
internal sealed class ProfileStore(int capacity) : SlotStore<ProfileSlot>(capacity)
{
    public readonly Pool<int> SkillIds = new(capacity * 10);
    public readonly Pool<byte> Levels = new(capacity * 10);
    public readonly Pool<int> OccupationIds = new(capacity * 2);
    public readonly Pool<int> YearsTenths = new(capacity * 2);
    public readonly Pool<int> Licences = new(capacity * 2);

    public ReadOnlySpan<int> Skills(in ProfileSlot slot) => SkillIds.Items.AsSpan(slot.SkillStart, slot.SkillCount);

    public ReadOnlySpan<byte> SkillLevels(in ProfileSlot slot) => Levels.Items.AsSpan(slot.SkillStart, slot.SkillCount);

    public ReadOnlySpan<int> Occupations(in ProfileSlot slot) => OccupationIds.Items.AsSpan(slot.OccupationStart, slot.OccupationCount);

    public ReadOnlySpan<int> Years(in ProfileSlot slot) => YearsTenths.Items.AsSpan(slot.OccupationStart, slot.OccupationCount);

    public ReadOnlySpan<int> LicenceIds(in ProfileSlot slot) => Licences.Items.AsSpan(slot.LicenceStart, slot.LicenceCount);

    /// <summary>Appends a profile (skills and occupations deduplicated, the highest level or years kept).</summary>
    public int Add(MatchProfile profile, MatchModel model, Vocabulary licences)
    {
        var skillCount = profile.Skills.Count;
        Span<int> skills = skillCount <= 128 ? stackalloc int[skillCount] : new int[skillCount];
        Span<int> levels = skillCount <= 128 ? stackalloc int[skillCount] : new int[skillCount];
        for (var i = 0; i < skillCount; i++)
        {
            skills[i] = model.InternSkill(profile.Skills[i].SkillId);
            levels[i] = MatchPoints.ClampLevel(profile.Skills[i].Level);
        }

        skillCount = SortedUnique.KeepMax(skills, levels);

        var occupationCount = profile.Occupations.Count;
        Span<int> occupations = occupationCount <= 32 ? stackalloc int[occupationCount] : new int[occupationCount];
        Span<int> years = occupationCount <= 32 ? stackalloc int[occupationCount] : new int[occupationCount];
        for (var i = 0; i < occupationCount; i++)
        {
            occupations[i] = model.InternOccupation(profile.Occupations[i].OccupationId);
            years[i] = MatchPoints.YearsToTenths(profile.Occupations[i].Years);
        }

        occupationCount = SortedUnique.KeepMax(occupations, years);
        var licenceIds = SortedUnique.Ids(profile.Licences, licences);

        var slot = new ProfileSlot
        {
            Id = profile.Id,
            Location = profile.Location,
            Cell = SpatialGrid.Cell(profile.Location),
            Alive = true,
            Visible = profile.IsVisibleToEmployers,
            Mode = profile.CommuteMode,
            Swedish = (byte)(profile.SwedishLevel is { } level ? (int)level : 0),
            MaxMinutes = profile.MaxCommuteMinutes,
            AvailableDay = profile.AvailableFrom?.DayNumber ?? int.MinValue,
            SkillStart = SkillIds.Append(skills[..skillCount]),
            SkillCount = skillCount,
            OccupationStart = OccupationIds.Append(occupations[..occupationCount]),
            OccupationCount = occupationCount,
            LicenceStart = Licences.Append(licenceIds),
            LicenceCount = licenceIds.Length,
        };
        for (var i = 0; i < skillCount; i++)
        {
            Levels.Append((byte)levels[i]);
        }

        YearsTenths.Append(years[..occupationCount]);
        return Place(slot, slot.Id);
    }

    /// <summary>Appends a copy of another store's slot (compaction).</summary>
    public void CopyFrom(ProfileStore other, int otherSlot)
    {
        var slot = other.Slots[otherSlot];
        var skillStart = SkillIds.Append(other.Skills(slot));
        Levels.Append(other.SkillLevels(slot));
        var occupationStart = OccupationIds.Append(other.Occupations(slot));
        YearsTenths.Append(other.Years(slot));
        slot.LicenceStart = Licences.Append(other.LicenceIds(slot));
        slot.SkillStart = skillStart;
        slot.OccupationStart = occupationStart;
        Place(slot, slot.Id);
    }
}
