using Kompetensbron.Core.Taxonomy;

namespace Kompetensbron.Web.Persons;

/// <summary>What <c>_SkillSearch</c> shows: the query, the hits and which of them the person already has.</summary>
public sealed record SkillSearch(string? Query, IReadOnlyList<TaxonomySearchHit> Hits, IReadOnlySet<string> Owned)
{
    public static SkillSearch Run(TaxonomyModel taxonomy, string? query, IEnumerable<string> owned)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        var hits = string.IsNullOrWhiteSpace(query) ? [] : taxonomy.Search(query, TaxonomyKind.Skill, 10);
        return new SkillSearch(query, hits, owned.ToHashSet(StringComparer.Ordinal));
    }
}
