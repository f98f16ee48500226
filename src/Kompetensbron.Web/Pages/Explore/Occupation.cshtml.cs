using Kompetensbron.Web.Persons;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kompetensbron.Web.Pages.Explore;

/// <summary>One occupation for someone choosing: the work, skills, needs and retirements, programmes, moves, ways in. Public.</summary>
public sealed class OccupationModel(CareerExplorer explorer, ProfileEditor profiles, TimeProvider time) : PageModel
{
    public static readonly string[] EntryGroups = ["NoUpperSecondary", "NewInSweden", "CareerChanger"];

    public OccupationPortrait Portrait { get; private set; } = null!;

    public bool IsPerson { get; private set; }

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
