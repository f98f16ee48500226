using System.Collections.Frozen;
using Kompetensbron.Core.Taxonomy;

namespace Kompetensbron.Core.Matching;

/// <summary>A skill that earns partial credit for a required skill the person lacks.</summary>
public sealed record RelatedSkill(string SkillId, int ClosenessPermille);

/// <summary>
/// Why a skill stands in for another: both are typical skills of <see cref="ToSsyk4Id"/> (then
/// <see cref="FromSsyk4Id"/> is the same group), or the stand-in is typical of <see cref="FromSsyk4Id"/> whose
/// people can move to work in <see cref="ToSsyk4Id"/> (occupation substitutability).
/// </summary>
public sealed record RelatedReason(string FromSsyk4Id, string ToSsyk4Id)
{
    public bool IsSameGroup => string.Equals(FromSsyk4Id, ToSsyk4Id, StringComparison.Ordinal);
}

/// <summary>
/// The taxonomy compiled for matching: skills and occupations interned to dense integers, the sparse related-skill
/// table (docs/decisions/0007-related-skills.md) and occupation affinities for experience. Build once, share;
/// thread-safe.
/// </summary>
public sealed class MatchModel
{
    /// <summary>Most stand-ins kept per required skill.</summary>
    public const int MaxStandIns = 12;

    /// <summary>
    /// Most required skills one skill stands in for: a generic skill typical of many groups would otherwise stand in
    /// for hundreds (weak evidence, and a slow fan-out for every profile that has it).
    /// </summary>
    public const int MaxStandsFor = 24;

    /// <summary>Closeness at which a stand-in is kept at all.</summary>
    public const int MinClosenessPermille = 100;

    /// <summary>Highest closeness: a related skill earns at most half of what the skill itself would.</summary>
    public const int MaxClosenessPermille = 500;

    /// <summary>A shared group of this many typical skills is full evidence of closeness.</summary>
    private const double SpecificGroupSize = 10;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _skillIndex;
    private readonly FrozenDictionary<string, int> _taxonomySkillIndex;
    private readonly List<string> _skillIds;
    private readonly int _taxonomySkillCount;
    private readonly Sparse _standIns;
    private readonly Sparse _standsFor;
    private readonly int[][] _groupsOfSkill;
    private readonly int[][] _groupSkills;
    private readonly string[] _groupIds;
    private readonly Dictionary<(int From, int To), int> _groupSubstitution;

    private readonly Dictionary<string, int> _occupationIndex;
    private readonly FrozenDictionary<string, int> _taxonomyOccupationIndex;
    private readonly List<string> _occupationIds;
    private readonly int _taxonomyOccupationCount;
    private readonly Sparse _experienceFor;
    private readonly Sparse _experienceCountsFor;

    private MatchModel(TaxonomyModel taxonomy)
    {
        Taxonomy = taxonomy;
        SwedishLanguageId = taxonomy.Languages.First(l => string.Equals(l.Iso6391, "sv", StringComparison.Ordinal)).Id;

        _skillIds = taxonomy.Skills.Select(s => s.Id).ToList();
        _taxonomySkillCount = _skillIds.Count;
        _skillIndex = new Dictionary<string, int>(_skillIds.Count, StringComparer.Ordinal);
        for (var i = 0; i < _skillIds.Count; i++)
        {
            _skillIndex[_skillIds[i]] = i;
        }

        _taxonomySkillIndex = _skillIndex.ToFrozenDictionary(StringComparer.Ordinal);

        _occupationIds = taxonomy.Occupations.Select(o => o.Id).ToList();
        _taxonomyOccupationCount = _occupationIds.Count;
        _occupationIndex = new Dictionary<string, int>(_occupationIds.Count, StringComparer.Ordinal);
        for (var i = 0; i < _occupationIds.Count; i++)
        {
            _occupationIndex[_occupationIds[i]] = i;
        }

        _taxonomyOccupationIndex = _occupationIndex.ToFrozenDictionary(StringComparer.Ordinal);

        var ssyk4 = taxonomy.SsykGroups.Where(g => g.Level == 4).ToArray();
        _groupIds = ssyk4.Select(g => g.Id).ToArray();
        var groupIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var g = 0; g < _groupIds.Length; g++)
        {
            groupIndex[_groupIds[g]] = g;
        }

        _groupSkills = ssyk4.Select(g => taxonomy.SkillsForSsyk4(g.Id).Select(s => _skillIndex[s.Id]).Order().ToArray()).ToArray();
        var groupsOfSkill = new List<int>[_taxonomySkillCount];
        for (var g = 0; g < _groupSkills.Length; g++)
        {
            foreach (var s in _groupSkills[g])
            {
                (groupsOfSkill[s] ??= []).Add(g);
            }
        }

        _groupsOfSkill = Array.ConvertAll(groupsOfSkill, l => l?.ToArray() ?? []);

        // Occupation substitutability lifted to SSYK-4 groups: the strongest link between any of their occupations.
        var occupationGroup = taxonomy.Occupations.Select(o => groupIndex.GetValueOrDefault(o.Ssyk4Id, -1)).ToArray();
        _groupSubstitution = [];
        foreach (var link in taxonomy.Substitutions)
        {
            if (_occupationIndex.TryGetValue(link.FromOccupationId, out var from) && _occupationIndex.TryGetValue(link.ToOccupationId, out var to)
                && occupationGroup[from] >= 0 && occupationGroup[to] >= 0 && occupationGroup[from] != occupationGroup[to])
            {
                var key = (occupationGroup[from], occupationGroup[to]);
                _groupSubstitution[key] = Math.Max(_groupSubstitution.GetValueOrDefault(key), link.Percentage);
            }
        }

        _standIns = DeriveStandIns();
        _standsFor = _standIns.Transpose(_taxonomySkillCount);
        _experienceFor = DeriveExperienceAffinity(taxonomy);
        _experienceCountsFor = _experienceFor.Transpose(_taxonomyOccupationCount);
    }

    /// <summary>Compiles the taxonomy for matching (about a tenth of a second).</summary>
    public static MatchModel Create(TaxonomyModel taxonomy)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        return new MatchModel(taxonomy);
    }

    public TaxonomyModel Taxonomy { get; }

    /// <summary>The taxonomy's concept id for the Swedish language.</summary>
    public string SwedishLanguageId { get; }

    /// <summary>The skills that earn partial credit for <paramref name="requiredSkillId"/>, closest first.</summary>
    public IReadOnlyList<RelatedSkill> RelatedSkills(string requiredSkillId)
    {
        if (!_taxonomySkillIndex.TryGetValue(requiredSkillId, out var r))
        {
            return [];
        }

        var skills = StandIns(r);
        var closeness = StandInCloseness(r);
        var result = new RelatedSkill[skills.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new RelatedSkill(Taxonomy.Skills[skills[i]].Id, closeness[i]);
        }

        return result;
    }

    /// <summary>The dense id of a skill; skills outside the taxonomy get new ids (with no related skills).</summary>
    internal int InternSkill(string skillId) =>
        _taxonomySkillIndex.TryGetValue(skillId, out var known) ? known : Intern(_skillIndex, _skillIds, skillId);

    internal int InternOccupation(string occupationId) =>
        _taxonomyOccupationIndex.TryGetValue(occupationId, out var known) ? known : Intern(_occupationIndex, _occupationIds, occupationId);

    internal int SkillCount
    {
        get
        {
            lock (_gate)
            {
                return _skillIds.Count;
            }
        }
    }

    internal int OccupationCount
    {
        get
        {
            lock (_gate)
            {
                return _occupationIds.Count;
            }
        }
    }

    internal string SkillId(int skill)
    {
        if (skill < _taxonomySkillCount)
        {
            return Taxonomy.Skills[skill].Id;
        }

        lock (_gate)
        {
            return _skillIds[skill];
        }
    }

    internal string OccupationId(int occupation)
    {
        lock (_gate)
        {
            return _occupationIds[occupation];
        }
    }

    /// <summary>Skills that stand in for required skill <paramref name="required"/>, closest first.</summary>
    internal ReadOnlySpan<int> StandIns(int required) => _standIns.Keys(required);

    internal ReadOnlySpan<int> StandInCloseness(int required) => _standIns.Values(required);

    /// <summary>Required skills that <paramref name="skill"/> stands in for (the transposed table).</summary>
    internal ReadOnlySpan<int> StandsFor(int skill) => _standsFor.Keys(skill);

    internal ReadOnlySpan<int> StandsForCloseness(int skill) => _standsFor.Values(skill);

    /// <summary>Other occupations whose experience counts for a need in <paramref name="needOccupation"/>, with the %.</summary>
    internal ReadOnlySpan<int> ExperienceFor(int needOccupation) => _experienceFor.Keys(needOccupation);

    internal ReadOnlySpan<int> ExperienceForPercent(int needOccupation) => _experienceFor.Values(needOccupation);

    /// <summary>Needs' occupations for which experience in <paramref name="occupation"/> counts (transposed).</summary>
    internal ReadOnlySpan<int> ExperienceCountsFor(int occupation) => _experienceCountsFor.Keys(occupation);

    internal ReadOnlySpan<int> ExperienceCountsForPercent(int occupation) => _experienceCountsFor.Values(occupation);

    /// <summary>How much experience in <paramref name="personOccupation"/> counts for <paramref name="needOccupation"/>, in %.</summary>
    internal int ExperienceAffinity(int needOccupation, int personOccupation)
    {
        if (needOccupation == personOccupation)
        {
            return 100;
        }

        var keys = _experienceFor.Keys(needOccupation);
        var i = keys.BinarySearch(personOccupation);
        return i >= 0 ? _experienceFor.Values(needOccupation)[i] : 0;
    }

    /// <summary>The strongest taxonomy link that makes <paramref name="standIn"/> close to <paramref name="required"/>.</summary>
    internal RelatedReason? ReasonFor(int standIn, int required)
    {
        if (required >= _taxonomySkillCount || standIn >= _taxonomySkillCount)
        {
            return null;
        }

        (int From, int To, double Evidence)? best = null;
        foreach (var h in _groupsOfSkill[required])
        {
            foreach (var g in _groupsOfSkill[standIn])
            {
                var strength = g == h ? 100 : _groupSubstitution.GetValueOrDefault((g, h));
                var evidence = strength / (double)_groupSkills[h].Length;
                if (strength > 0 && (best is null || evidence > best.Value.Evidence))
                {
                    best = (g, h, evidence);
                }
            }
        }

        return best is { } b ? new RelatedReason(_groupIds[b.From], _groupIds[b.To]) : null;
    }

    private int Intern(Dictionary<string, int> index, List<string> ids, string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_gate)
        {
            if (!index.TryGetValue(id, out var value))
            {
                value = ids.Count;
                ids.Add(id);
                index[id] = value;
            }

            return value;
        }
    }

    /// <summary>
    /// For each skill r: evidence(s) = Σ over r's groups h and s's groups g of link(g, h) × 10 ÷ |h|, where link is
    /// 1 for g = h and the substitution share (0.25 or 0.75) when g's people can move to h's work. Closeness =
    /// min(500, 500 × evidence) per mille; stand-ins under 100 are dropped, the 12 closest kept, and of those only the
    /// 24 closest requirements per stand-in.
    /// </summary>
    private Sparse DeriveStandIns()
    {
        var into = new List<(int From, int Percent)>[_groupSkills.Length];
        foreach (var ((from, to), percent) in _groupSubstitution)
        {
            (into[to] ??= []).Add((from, percent));
        }

        foreach (var list in into)
        {
            list?.Sort();
        }

        var evidence = new double[_taxonomySkillCount];
        var touched = new List<int>();
        var rows = new List<(int Key, int Value)>[_taxonomySkillCount];
        for (var r = 0; r < _taxonomySkillCount; r++)
        {
            foreach (var h in _groupsOfSkill[r])
            {
                var specificity = SpecificGroupSize / _groupSkills[h].Length;
                Add(_groupSkills[h], specificity);
                foreach (var (from, percent) in into[h] ?? [])
                {
                    Add(_groupSkills[from], specificity * percent / 100);
                }
            }

            var row = new List<(int Key, int Value)>();
            foreach (var s in touched)
            {
                var closeness = (int)Math.Min(MaxClosenessPermille, Math.Floor(MaxClosenessPermille * evidence[s]));
                if (s != r && closeness >= MinClosenessPermille)
                {
                    row.Add((s, closeness));
                }

                evidence[s] = 0;
            }

            touched.Clear();
            row.Sort((a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : a.Key.CompareTo(b.Key));
            rows[r] = row.Count > MaxStandIns ? row.GetRange(0, MaxStandIns) : row;
        }

        // Keep a pair only if it is also among the stand-in's closest requirements (same order: closeness, then id).
        var kept = new HashSet<(int StandIn, int Required)>();
        foreach (var group in Enumerable.Range(0, rows.Length)
            .SelectMany(r => rows[r].Select(p => (StandIn: p.Key, Required: r, Closeness: p.Value)))
            .GroupBy(p => p.StandIn))
        {
            kept.UnionWith(group.OrderByDescending(p => p.Closeness).ThenBy(p => p.Required).Take(MaxStandsFor).Select(p => (p.StandIn, p.Required)));
        }

        for (var r = 0; r < rows.Length; r++)
        {
            rows[r] = rows[r].FindAll(p => kept.Contains((p.Key, r)));
        }

        return Sparse.FromRows(rows);

        void Add(int[] skills, double amount)
        {
            foreach (var s in skills)
            {
                if (evidence[s] == 0)
                {
                    touched.Add(s);
                }

                evidence[s] += amount;
            }
        }
    }

    /// <summary>Same SSYK-4 group: 75 %; JobTech substitutability person → need: its 25 or 75 %. Sorted by occupation.</summary>
    private Sparse DeriveExperienceAffinity(TaxonomyModel taxonomy)
    {
        var rows = new List<(int Key, int Value)>[_taxonomyOccupationCount];
        for (var o = 0; o < rows.Length; o++)
        {
            var best = new Dictionary<int, int>();
            var occupation = taxonomy.Occupations[o];
            foreach (var peer in taxonomy.OccupationsInSsyk4(occupation.Ssyk4Id))
            {
                best[_occupationIndex[peer.Id]] = 75;
            }

            foreach (var link in taxonomy.SubstitutesTo(occupation.Id))
            {
                if (_occupationIndex.TryGetValue(link.FromOccupationId, out var from))
                {
                    best[from] = Math.Max(best.GetValueOrDefault(from), link.Percentage);
                }
            }

            best.Remove(o);
            rows[o] = best.Select(p => (p.Key, p.Value)).OrderBy(p => p.Key).ToList();
        }

        return Sparse.FromRows(rows);
    }

    /// <summary>A sparse int → (int, int) table in compressed rows (keys of a row sorted as built).</summary>
    private sealed class Sparse(int[] start, int[] keys, int[] values)
    {
        public static Sparse FromRows(List<(int Key, int Value)>[] rows)
        {
            var start = new int[rows.Length + 1];
            for (var i = 0; i < rows.Length; i++)
            {
                start[i + 1] = start[i] + (rows[i]?.Count ?? 0);
            }

            var keys = new int[start[^1]];
            var values = new int[start[^1]];
            for (var i = 0; i < rows.Length; i++)
            {
                var at = start[i];
                foreach (var (key, value) in rows[i] ?? [])
                {
                    keys[at] = key;
                    values[at++] = value;
                }
            }

            return new Sparse(start, keys, values);
        }

        public ReadOnlySpan<int> Keys(int row) =>
            row < start.Length - 1 ? keys.AsSpan(start[row], start[row + 1] - start[row]) : [];

        public ReadOnlySpan<int> Values(int row) =>
            row < start.Length - 1 ? values.AsSpan(start[row], start[row + 1] - start[row]) : [];

        /// <summary>The table read the other way round, each row sorted by key.</summary>
        public Sparse Transpose(int rowCount)
        {
            var rows = new List<(int Key, int Value)>[rowCount];
            for (var row = 0; row < start.Length - 1; row++)
            {
                for (var i = start[row]; i < start[row + 1]; i++)
                {
                    (rows[keys[i]] ??= []).Add((row, values[i]));
                }
            }

            return FromRows(rows);
        }
    }
}
