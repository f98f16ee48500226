using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Web.Persons;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kompetensbron.Web.Pages.Explore;

/// <summary>One occupation for someone choosing: the work, skills, needs and retirements, programmes, moves, ways in. Public.</summary>
public sealed class OccupationModel(CareerExplorer explorer, ProfileEditor profiles, TaxonomyModel taxonomy, TimeProvider time) : PageModel
{
    public OccupationPortrait Portrait { get; private set; } = null!;

    public bool IsPerson { get; private set; }

    public string OccupationLabel(string id) => taxonomy.FindOccupation(id)?.Label ?? id;

    public async Task<IActionResult> OnGetAsync(string occupation, CancellationToken ct)
    {
        var profile = User.Identity?.IsAuthenticated == true ? await profiles.FindAsync(User, ct) : null;
        IsPerson = profile is not null;
        var portrait = await explorer.PortraitAsync(occupation, profile?.Skills.Select(s => s.SkillId).ToList() ?? [], DateOnly.FromDateTime(time.GetLocalNow().Date), ct);
        if (portrait is null)
        {
            return NotFound();
        }

        Portrait = portrait;
        return Page();
    }
}
