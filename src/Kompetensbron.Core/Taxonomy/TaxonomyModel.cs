using System.Collections.ObjectModel;
using System.Text.Json;

namespace Kompetensbron.Core.Taxonomy;

/// <summary>
/// The immutable, indexed JobTech taxonomy that ships in <c>data/taxonomy.json.gz</c>.
/// Load it once per process (<see cref="LoadEmbedded"/>) and share it; all members are thread-safe reads.
/// </summary>
public sealed class TaxonomyModel
{
    private readonly Dictionary<string, Skill> _skills;
    private readonly Dictionary<string, Occupation> _occupations;
    private readonly Dictionary<string, SsykGroup> _ssykGroups;
    private readonly Dictionary<string, SunCode> _sunFields;
    private readonly Dictionary<string, SunCode> _sunLevels;
    private readonly Dictionary<string, SniCode> _sni;
    private readonly Dictionary<string, Language> _languages;
    private readonly Dictionary<string, ReadOnlyCollection<Skill>> _skillsBySsyk4;
    private readonly Dictionary<string, ReadOnlyCollection<SsykGroup>> _ssyk4BySkill;
    private readonly Dictionary<string, ReadOnlyCollection<Occupation>> _occupationsBySsyk4;
    private readonly Dictionary<string, ReadOnlyCollection<OccupationSubstitution>> _substitutesFrom;
    private readonly Dictionary<string, ReadOnlyCollection<OccupationSubstitution>> _substitutesTo;
    private readonly LabelIndex _skillIndex;
    private readonly LabelIndex _occupationIndex;

    private TaxonomyModel(TaxonomyDocument document)
    {
        var skills = Array.ConvertAll(document.Skills, s => new Skill(s.Id, s.Label));
        var ssyk = Array.ConvertAll(document.Ssyk, g => new SsykGroup(g.Id, g.Code, g.Level, g.Label, g.Def, g.Parent));
        var occupations = Array.ConvertAll(document.Occupations, o => new Occupation(o.Id, o.Label, o.Ssyk4));
        var substitutions = Array.ConvertAll(
            document.Substitutions, s => new OccupationSubstitution(s.From, s.To, s.Pct));
        var sunFields = Array.ConvertAll(document.SunFields, ToSun);
        var sunLevels = Array.ConvertAll(document.SunLevels, ToSun);
        var sni = Array.ConvertAll(document.Sni, s => new SniCode(s.Code, s.Level, s.Label, s.Parent));
        var languages = Array.ConvertAll(document.Languages, l => new Language(l.Id, l.Label, l.Iso1));

        Skills = Array.AsReadOnly(skills);
        SsykGroups = Array.AsReadOnly(ssyk);
        Occupations = Array.AsReadOnly(occupations);
        Substitutions = Array.AsReadOnly(substitutions);
        SunFields = Array.AsReadOnly(sunFields);
        SunLevels = Array.AsReadOnly(sunLevels);
        SniCodes = Array.AsReadOnly(sni);
        Languages = Array.AsReadOnly(languages);

        _skills = skills.ToDictionary(s => s.Id, StringComparer.Ordinal);
        _ssykGroups = ssyk.ToDictionary(g => g.Id, StringComparer.Ordinal);
        _occupations = occupations.ToDictionary(o => o.Id, StringComparer.Ordinal);
        _sunFields = sunFields.ToDictionary(s => s.Id, StringComparer.Ordinal);
        _sunLevels = sunLevels.ToDictionary(s => s.Id, StringComparer.Ordinal);
        _sni = sni.ToDictionary(s => s.Code, StringComparer.Ordinal);
        _languages = languages.ToDictionary(l => l.Id, StringComparer.Ordinal);

        _skillsBySsyk4 = new Dictionary<string, ReadOnlyCollection<Skill>>(document.Ssyk4Skills.Length, StringComparer.Ordinal);
        var ssyk4BySkill = new Dictionary<string, List<SsykGroup>>(StringComparer.Ordinal);
        foreach (var row in document.Ssyk4Skills)
        {
            var group = _ssykGroups[row.Ssyk4];
            var groupSkills = Array.ConvertAll(row.Skills, id => _skills[id]);
            _skillsBySsyk4[row.Ssyk4] = Array.AsReadOnly(groupSkills);
            foreach (var skill in groupSkills)
            {
                GetOrAdd(ssyk4BySkill, skill.Id).Add(group);
            }
        }

        _ssyk4BySkill = Freeze(ssyk4BySkill);
        _occupationsBySsyk4 = Freeze(occupations.GroupBy(o => o.Ssyk4Id, StringComparer.Ordinal));
        _substitutesFrom = Freeze(substitutions.GroupBy(s => s.FromOccupationId, StringComparer.Ordinal));
        _substitutesTo = Freeze(substitutions.GroupBy(s => s.ToOccupationId, StringComparer.Ordinal));

        _skillIndex = new LabelIndex(Array.ConvertAll(skills, s => (s.Id, s.Label)));
        _occupationIndex = new LabelIndex(Array.ConvertAll(occupations, o => (o.Id, o.Label)));
    }

    /// <summary>Loads the taxonomy embedded in this assembly.</summary>
    public static TaxonomyModel LoadEmbedded()
    {
        using var stream = EmbeddedData.Open("taxonomy.json.gz");
        return Load(stream);
    }

    /// <summary>Loads a taxonomy from uncompressed JSON in the schema written by tools/derive-data.py.</summary>
    internal static TaxonomyModel Load(Stream json)
    {
        var document = JsonSerializer.Deserialize(json, TaxonomyJsonContext.Default.TaxonomyDocument)
            ?? throw new InvalidDataException("The taxonomy document is empty.");
        return new TaxonomyModel(document);
    }

    public IReadOnlyList<Skill> Skills { get; }
    public IReadOnlyList<Occupation> Occupations { get; }

    /// <summary>SSYK 2012 groups of all four levels, ordered by code.</summary>
    public IReadOnlyList<SsykGroup> SsykGroups { get; }

    /// <summary>Every substitutability link once, From → To ("a person in From can do the work of To").</summary>
    public IReadOnlyList<OccupationSubstitution> Substitutions { get; }

    public IReadOnlyList<SunCode> SunFields { get; }
    public IReadOnlyList<SunCode> SunLevels { get; }
    public IReadOnlyList<SniCode> SniCodes { get; }
    public IReadOnlyList<Language> Languages { get; }

    public Skill? FindSkill(string id) => _skills.GetValueOrDefault(id);
    public Occupation? FindOccupation(string id) => _occupations.GetValueOrDefault(id);
    public SsykGroup? FindSsykGroup(string id) => _ssykGroups.GetValueOrDefault(id);
    public SniCode? FindSni(string code) => _sni.GetValueOrDefault(code);
    public Language? FindLanguage(string id) => _languages.GetValueOrDefault(id);
    public SunCode? FindSunField(string id) => _sunFields.GetValueOrDefault(id);
    public SunCode? FindSunLevel(string id) => _sunLevels.GetValueOrDefault(id);

    /// <summary>
    /// What an occupation name means: JobTech gives occupation names no definition of their own, so this is
    /// the definition of its SSYK-4 group.
    /// </summary>
    public string? OccupationDefinition(string occupationId) =>
        FindOccupation(occupationId) is { } occupation ? FindSsykGroup(occupation.Ssyk4Id)?.Definition : null;

    /// <summary>The typical skills JobTech lists for an SSYK-4 group.</summary>
    public IReadOnlyList<Skill> SkillsForSsyk4(string ssyk4Id) => Lookup(_skillsBySsyk4, ssyk4Id);

    /// <summary>The typical skills of an occupation name (those of its SSYK-4 group).</summary>
    public IReadOnlyList<Skill> SkillsForOccupation(string occupationId) =>
        FindOccupation(occupationId) is { } occupation ? SkillsForSsyk4(occupation.Ssyk4Id) : [];

    /// <summary>The SSYK-4 groups that list <paramref name="skillId"/> among their typical skills.</summary>
    public IReadOnlyList<SsykGroup> Ssyk4GroupsForSkill(string skillId) => Lookup(_ssyk4BySkill, skillId);

    /// <summary>The occupation names in an SSYK-4 group.</summary>
    public IReadOnlyList<Occupation> OccupationsInSsyk4(string ssyk4Id) => Lookup(_occupationsBySsyk4, ssyk4Id);

    /// <summary>Occupations a person in <paramref name="occupationId"/> can move to.</summary>
    public IReadOnlyList<OccupationSubstitution> SubstitutesFrom(string occupationId) =>
        Lookup(_substitutesFrom, occupationId);

    /// <summary>Occupations whose people can move into <paramref name="occupationId"/>.</summary>
    public IReadOnlyList<OccupationSubstitution> SubstitutesTo(string occupationId) =>
        Lookup(_substitutesTo, occupationId);

    /// <summary>
    /// Swedish label search that forgives case, diacritics and word order and matches prefixes and parts
    /// of compounds ("tig" and "svets" find "TIG-svetsning"; "cnc op" finds "CNC-operatör").
    /// </summary>
    public IReadOnlyList<TaxonomySearchHit> Search(string query, TaxonomyKind kind, int limit = 20)
    {
        var index = kind switch
        {
            TaxonomyKind.Skill => _skillIndex,
            TaxonomyKind.Occupation => _occupationIndex,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown taxonomy kind."),
        };
        var hits = index.Search(query, limit);
        var result = new TaxonomySearchHit[hits.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var (id, label, score) = hits[i];
            result[i] = new TaxonomySearchHit(id, label, kind, score);
        }

        return result;
    }

    private static SunCode ToSun(SunRow row) => new(row.Id, row.Code, row.Level, row.Label, row.Parent);

    private static ReadOnlyCollection<T> Lookup<T>(Dictionary<string, ReadOnlyCollection<T>> map, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return map.TryGetValue(key, out var values) ? values : ReadOnlyCollection<T>.Empty;
    }

    private static List<T> GetOrAdd<T>(Dictionary<string, List<T>> map, string key)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        return list;
    }

    private static Dictionary<string, ReadOnlyCollection<T>> Freeze<T>(Dictionary<string, List<T>> map) =>
        map.ToDictionary(p => p.Key, p => p.Value.AsReadOnly(), StringComparer.Ordinal);

    private static Dictionary<string, ReadOnlyCollection<T>> Freeze<T>(IEnumerable<IGrouping<string, T>> groups) =>
        groups.ToDictionary(g => g.Key, g => Array.AsReadOnly(g.ToArray()), StringComparer.Ordinal);
}
