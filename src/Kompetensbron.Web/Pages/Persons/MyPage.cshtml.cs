using System.Text.Json;
using System.Text.Json.Serialization;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Matching;
using Kompetensbron.Data.Placement;
using Kompetensbron.Web.Persons;
using Kompetensbron.Data.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kompetensbron.Web.Pages.Persons;

[Authorize(Policy = Roles.Person)]
public sealed class MyPageModel(
    KompetensbronDbContext db,
    UserManager<KompetensbronUser> users,
    GeographyModel geography,
    AuditLog audit,
    PersonalDataExport export,
    TimeProvider time,
    MatchService matches,
    PlacementRounds placementRounds,
    IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>How many views of the profile the page lists.</summary>
    public const int AccessesShown = 50;

    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public Profile? Profile { get; private set; }

    public string? MunicipalityName { get; private set; }

    public int SkillCount { get; private set; }

    public IReadOnlyList<ProfileAccess> Accesses { get; private set; } = [];

    [BindProperty]
    public ProfileVisibility? Visibility { get; set; }

    [TempData]
    public bool Saved { get; set; }

    [BindProperty]
    public bool JoinsPlacementRounds { get; set; }

    [TempData]
    public bool PlacementSaved { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostVisibilityAsync(string? returnUrl, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        if (Visibility is not { } chosen || !Enum.IsDefined(chosen))
        {
            ModelState.Clear();
            ModelState.AddModelError(nameof(Visibility), text["MyPage_VisibilityRequired"]);
            await LoadAsync(cancellationToken);
            return Page();
        }

        var profile = await db.Profiles.FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var user = await users.GetUserAsync(User);
        if (profile is null || user is null)
        {
            return NotFound();
        }

        var now = time.GetUtcNow();
        profile.Visibility = chosen;
        profile.UpdatedAt = now;
        user.MarkActive(now);
        await audit.RecordAsync(AuditAction.VisibilityChanged, user, user.Id, profile.Id, cancellationToken);
        await matches.RefreshProfileAsync(profile.Id, cancellationToken);
        Saved = true;
        // Only "check your answers" may ask to come back; anything else returns here.
        return returnUrl == ProfileSteps.CheckAnswers ? Redirect(returnUrl) : RedirectToPage();
    }

    /// <summary>The person's own choice to take part in placement rounds; saying no takes them out of open rounds.</summary>
    public async Task<IActionResult> OnPostPlacementAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        var profile = await db.Profiles.FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var user = await users.GetUserAsync(User);
        if (profile is null || user is null)
        {
            return NotFound();
        }

        var now = time.GetUtcNow();
        profile.JoinsPlacementRounds = JoinsPlacementRounds;
        profile.UpdatedAt = now;
        user.MarkActive(now);
        await db.SaveChangesAsync(cancellationToken);
        if (!JoinsPlacementRounds)
        {
            await placementRounds.LeaveOpenRoundsAsync(profile.Id, cancellationToken);
        }

        PlacementSaved = true;
        return RedirectToPage();
    }

    /// <summary>"Download my data": everything stored about the person as one JSON file.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var data = await export.ExportAsync(users.GetUserId(User)!, cancellationToken);
        if (data is null)
        {
            return NotFound();
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(data, ExportJson);
        return File(json, "application/json", $"kompetensbron-mina-uppgifter-{data.ExportedAt:yyyy-MM-dd}.json");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        Profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (Profile is not null)
        {
            Visibility ??= Profile.Visibility;
            JoinsPlacementRounds = Profile.JoinsPlacementRounds;
            SkillCount = Profile.Skills.Count;
            MunicipalityName = geography.FindMunicipality(Profile.MunicipalityCode)?.Name ?? Profile.MunicipalityCode;
            Accesses = await audit.AccessesToAsync(Profile.Id, userId, AccessesShown, cancellationToken);
        }
    }
}
