using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Gaps;
using Kompetensbron.Web.Persons;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kompetensbron.Web.Pages.Persons;

/// <summary>The caller's skill gap for a need or an occupation, and the learning path that closes it.</summary>
[Authorize(Policy = Roles.Person)]
public sealed class PathModel(ProfileEditor editor, LearningPathFinder finder, TaxonomyModel taxonomy, GeographyModel geography) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "behov")]
    public int? NeedId { get; set; }

    [BindProperty(SupportsGet = true, Name = "yrke")]
    public string? Occupation { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<TaxonomySearchHit> Hits { get; private set; } = [];

    public PlannedPath? Planned { get; private set; }

    public string SkillLabel(string id) => taxonomy.FindSkill(id)?.Label ?? id;

    public string MunicipalityName(string? code) => code is null ? string.Empty : geography.FindMunicipality(code)?.Name ?? code;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var profile = await editor.FindAsync(User, ct);
        if (profile is null)
        {
            return NotFound();
        }

        if (NeedId is { } needId)
        {
            Planned = await finder.ForNeedAsync(profile.Id, needId, ct);
        }
        else if (!string.IsNullOrWhiteSpace(Occupation))
        {
            Planned = await finder.ForOccupationAsync(profile.Id, Occupation, ct);
        }
        else if (!string.IsNullOrWhiteSpace(Query))
        {
            Hits = taxonomy.Search(Query, TaxonomyKind.Occupation, 10);
        }

        return (NeedId is not null || Occupation is not null) && Planned is null ? NotFound() : Page();
    }
}
