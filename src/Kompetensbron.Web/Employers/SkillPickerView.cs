namespace Kompetensbron.Web.Employers;

/// <summary>A skill found by the picker's search.</summary>
public sealed record SkillChoice(string Id, string Label);

/// <summary>
/// What <c>Pages/Shared/_SkillPicker.cshtml</c> shows: a search field named <c>{Prefix}.SkillQuery</c>, a search
/// button posting to the page's <c>Search</c> handler, and the results as check boxes named <c>{Prefix}.AddSkillIds</c>.
/// skill-picker.js fills the same check boxes as you type.
/// </summary>
public sealed record SkillPickerView(string Prefix, string? Query, IReadOnlyList<SkillChoice> Results, bool Searched)
{
    public static SkillPickerView Empty(string prefix) => new(prefix, null, [], Searched: false);

    public string QueryName => Prefix + ".SkillQuery";

    public string QueryId => Prefix + "_SkillQuery";

    public string AddName => Prefix + ".AddSkillIds";
}
