using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Core.Text;

namespace Kompetensbron.Web.Employers;

/// <summary>A skill found by the picker's search.</summary>
public sealed record SkillChoice(string Id, string Label);

/// <summary>
/// What <c>Pages/Shared/_SkillPicker.cshtml</c> shows: a search field named <c>{Prefix}.SkillQuery</c>, a search
/// button posting to the page's <c>Search</c> handler, and the results as check boxes named <c>{Prefix}.AddSkillIds</c>.
/// skill-picker.js fills the same check boxes as you type. The need editor and the programme editor both pick skills
/// through the static methods here (search, ticked results, recognition in a text).
/// </summary>
public sealed record SkillPickerView(string Prefix, string? Query, IReadOnlyList<SkillChoice> Results, bool Searched)
{
    /// <summary>How many hits a search shows (skill-picker.js asks the API for as many).</summary>
    public const int SearchResults = 8;

    public static SkillPickerView Empty(string prefix) => new(prefix, null, [], Searched: false);

    public string QueryName => Prefix + ".SkillQuery";

    public string QueryId => Prefix + "_SkillQuery";

    public string AddName => Prefix + ".AddSkillIds";

    /// <summary>The hits for a query, leaving out the skills already chosen.</summary>
    public static SkillPickerView Search(TaxonomyModel taxonomy, string prefix, string? query, IEnumerable<string> chosen)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        if (string.IsNullOrWhiteSpace(query))
        {
            return Empty(prefix);
        }

        var have = chosen.ToHashSet(StringComparer.Ordinal);
        var hits = taxonomy.Search(query, TaxonomyKind.Skill, SearchResults);
        return new SkillPickerView(prefix, query, hits.Where(h => !have.Contains(h.Id)).Select(h => new SkillChoice(h.Id, h.Label)).ToList(), Searched: true);
    }

    /// <summary>The ticked results to add: known skills not chosen yet, each once, in the order ticked.</summary>
    public static IReadOnlyList<string> Picked(TaxonomyModel taxonomy, IEnumerable<string> ticked, IEnumerable<string> chosen)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        var have = chosen.ToHashSet(StringComparer.Ordinal);
        return ticked.Where(id => taxonomy.FindSkill(id) is not null && have.Add(id)).ToList();
    }

    /// <summary>Skills recognised in a text (title and description) that are not chosen yet.</summary>
    public static IReadOnlyList<string> Recognised(SkillRecogniser recogniser, string text, IEnumerable<string> chosen)
    {
        ArgumentNullException.ThrowIfNull(recogniser);
        var have = chosen.ToHashSet(StringComparer.Ordinal);
        return recogniser.RecogniseSkills(text).Select(s => s.Id).Where(have.Add).ToList();
    }
}
