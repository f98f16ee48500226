namespace Kompetensbron.Core.Taxonomy;

/// <summary>A skill concept from JobTech Taxonomy (concept id + Swedish label).</summary>
public sealed record Skill(string Id, string Label);

/// <summary>An occupation name (yrkesbenämning) and the SSYK-4 group it belongs to.</summary>
public sealed record Occupation(string Id, string Label, string Ssyk4Id);

/// <summary>A group in the SSYK 2012 hierarchy, level 1 to 4.</summary>
public sealed record SsykGroup(string Id, string Code, int Level, string Label, string? Definition, string? ParentId);

/// <summary>
/// JobTech's substitutability: a person in <see cref="FromOccupationId"/> can do the work of
/// <see cref="ToOccupationId"/> to the given degree (25 or 75 percent).
/// </summary>
public sealed record OccupationSubstitution(string FromOccupationId, string ToOccupationId, int Percentage);

/// <summary>A SUN 2020 education field (levels 1–4) or education level (levels 1–3).</summary>
public sealed record SunCode(string Id, string Code, int Level, string Label, string? ParentId);

/// <summary>An SNI 2007 industry code, level 1 (letter) to 5 (five digits).</summary>
public sealed record SniCode(string Code, int Level, string Label, string? ParentCode);

/// <summary>A language concept with its ISO 639-1 code where one exists.</summary>
public sealed record Language(string Id, string Label, string? Iso6391);

/// <summary>What a taxonomy search looks in.</summary>
public enum TaxonomyKind
{
    Skill,
    Occupation,
}

/// <summary>One search result: the concept, its label and a relevance score (higher is better).</summary>
public sealed record TaxonomySearchHit(string Id, string Label, TaxonomyKind Kind, double Score);
