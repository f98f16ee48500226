namespace Kompetensbron.Core.Taxonomy;

/// <summary>
/// The immutable, indexed JobTech taxonomy that ships in <c>data/taxonomy.json.gz</c>.
/// Load it once per process (<see cref="LoadEmbedded"/>) and share it; all members are thread-safe reads.
/// </summary>
public sealed class TaxonomyModel
{
    /// <summary>Loads the taxonomy embedded in this assembly.</summary>
    public static TaxonomyModel LoadEmbedded() => throw new NotImplementedException();

    public IReadOnlyList<Skill> Skills => throw new NotImplementedException();
    public IReadOnlyList<Occupation> Occupations => throw new NotImplementedException();
    public IReadOnlyList<SsykGroup> SsykGroups => throw new NotImplementedException();
    public IReadOnlyList<OccupationSubstitution> Substitutions => throw new NotImplementedException();
    public IReadOnlyList<SunCode> SunFields => throw new NotImplementedException();
    public IReadOnlyList<SunCode> SunLevels => throw new NotImplementedException();
    public IReadOnlyList<SniCode> SniCodes => throw new NotImplementedException();
    public IReadOnlyList<Language> Languages => throw new NotImplementedException();

    public Skill? FindSkill(string id) => throw new NotImplementedException();
    public Occupation? FindOccupation(string id) => throw new NotImplementedException();
    public SsykGroup? FindSsykGroup(string id) => throw new NotImplementedException();
    public SniCode? FindSni(string code) => throw new NotImplementedException();
    public Language? FindLanguage(string id) => throw new NotImplementedException();

    /// <summary>The typical skills JobTech lists for an SSYK-4 group.</summary>
    public IReadOnlyList<Skill> SkillsForSsyk4(string ssyk4Id) => throw new NotImplementedException();

    /// <summary>The typical skills of an occupation name (those of its SSYK-4 group).</summary>
    public IReadOnlyList<Skill> SkillsForOccupation(string occupationId) => throw new NotImplementedException();

    /// <summary>Occupations a person in <paramref name="occupationId"/> can move to.</summary>
    public IReadOnlyList<OccupationSubstitution> SubstitutesFrom(string occupationId) => throw new NotImplementedException();

    /// <summary>Occupations whose people can move into <paramref name="occupationId"/>.</summary>
    public IReadOnlyList<OccupationSubstitution> SubstitutesTo(string occupationId) => throw new NotImplementedException();

    /// <summary>
    /// Swedish label search that forgives case, diacritics and word order and matches prefixes and parts
    /// of compounds ("tig" and "svets" find "TIG-svetsning"; "cnc op" finds "CNC-operatör").
    /// </summary>
    public IReadOnlyList<TaxonomySearchHit> Search(string query, TaxonomyKind kind, int limit = 20) =>
        throw new NotImplementedException();
}
