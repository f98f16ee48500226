using Kompetensbron.Core;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Programmes;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Core.Text;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Employers;
using Kompetensbron.Web.Forms;
using Kompetensbron.Web.Providers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kompetensbron.Web.Pages.Providers;

/// <summary>
/// Create or edit a programme on one page that works without JavaScript, like the need editor: "Search" and
/// "Find skills in the text" post the whole form back with the same skill picker, so nothing typed is lost.
/// Learning paths and the regional insights read programmes from the database on each request, so a saved
/// change shows there at once.
/// </summary>
[Authorize(Policy = Roles.EducationProvider)]
public sealed class ProgrammeEditModel(
    KompetensbronDbContext db,
    UserManager<KompetensbronUser> users,
    TaxonomyModel taxonomy,
    SkillRecogniser recogniser,
    TimeProvider time,
    IStringLocalizer<OrganisationResource> text) : PageModel
{
    /// <summary>Empty date fields shown for new start dates.</summary>
    public const int BlankStartDates = 2;

    public const int MaxStartDates = 12;

    [BindProperty]
    public ProgrammeInput Input { get; set; } = new();

    public IReadOnlyList<Site> Sites { get; private set; } = [];

    public SkillPickerView Picker { get; private set; } = SkillPickerView.Empty("Input");

    /// <summary>Set after "Find skills in the text": how many new skills were added.</summary>
    public int? Recognised { get; private set; }

    public string SkillLabel(string id) => taxonomy.FindSkill(id)?.Label ?? id;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (await ProviderAsync(ct) is not { } providerId)
        {
            return Forbid();
        }

        if (id is { } programmeId)
        {
            if (await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programmeId && p.ProviderId == providerId, ct) is not { } programme)
            {
                return NotFound();
            }

            Input = ProgrammeInput.From(programme);
            VersionedForms.Track(db, HttpContext, programme);
        }

        await LoadSitesAsync(providerId, ct);
        return Page();
    }

    public Task<IActionResult> OnPostSearchAsync(int? id, CancellationToken ct) => RedisplayAsync(id, search: true, ct);

    public Task<IActionResult> OnPostRecogniseAsync(int? id, CancellationToken ct) => RedisplayAsync(id, search: false, ct);

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (await ProviderAsync(ct) is not { } providerId)
        {
            return Forbid();
        }

        var programme = id is { } programmeId
            ? await db.Programmes.FirstOrDefaultAsync(p => p.Id == programmeId && p.ProviderId == providerId, ct)
            : null;
        if (id is not null && programme is null)
        {
            return NotFound();
        }

        await LoadSitesAsync(providerId, ct);
        Input.ApplyPicks(taxonomy);
        ModelState.Clear();
        Validate();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = time.GetUtcNow();
        if (programme is null)
        {
            programme = new Programme { ProviderId = providerId, Title = string.Empty, CreatedAt = now };
            db.Programmes.Add(programme);
        }
        else
        {
            VersionedForms.Track(db, HttpContext, programme);
        }

        Input.CopyTo(programme, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved the programme after this form was opened: keep what was typed, save nothing, say so.
            VersionedForms.ReportConflict(HttpContext, EditedThing.Programme, Request.Path);
            return Page();
        }

        return RedirectToPage("/Providers/Programme", new { id = programme.Id });
    }

    private async Task<IActionResult> RedisplayAsync(int? id, bool search, CancellationToken ct)
    {
        if (await ProviderAsync(ct) is not { } providerId)
        {
            return Forbid();
        }

        if (id is { } programmeId && !await db.Programmes.AnyAsync(p => p.Id == programmeId && p.ProviderId == providerId, ct))
        {
            return NotFound();
        }

        await LoadSitesAsync(providerId, ct);
        Input.ApplyPicks(taxonomy);
        ModelState.Clear();
        if (search)
        {
            Picker = SkillPickerView.Search(taxonomy, "Input", Input.SkillQuery, Input.Skills.Select(s => s.SkillId));
        }
        else
        {
            var found = SkillPickerView.Recognised(recogniser, $"{Input.Title}\n{Input.Description}", Input.Skills.Select(s => s.SkillId));
            Input.Skills.AddRange(found.Select(skill => new ProgrammeSkillInput { SkillId = skill }));
            Recognised = found.Count;
        }

        return Page();
    }

    private void Validate()
    {
        if (string.IsNullOrWhiteSpace(Input.Title))
        {
            ModelState.AddModelError("Input.Title", text["Programme_Title_Required"]);
        }
        else if (Input.Title.Trim().Length > FieldLengths.Title)
        {
            ModelState.AddModelError("Input.Title", text["Programme_Title_TooLong", FieldLengths.Title]);
        }

        if (Input.Description?.Trim().Length > FieldLengths.Description)
        {
            ModelState.AddModelError("Input.Description", text["Programme_Description_TooLong", FieldLengths.Description]);
        }

        if (Input.Level is null)
        {
            ModelState.AddModelError("Input.Level", text["Programme_Level_Required"]);
        }

        if (Input.LengthWeeks is not (>= 1 and <= 520))
        {
            ModelState.AddModelError("Input.LengthWeeks", text["Programme_Weeks_Invalid"]);
        }

        if (Input.Seats is not (>= 0 and <= 10_000))
        {
            ModelState.AddModelError("Input.Seats", text["Programme_Seats_Invalid"]);
        }

        if (Input.Dates().Count > MaxStartDates)
        {
            ModelState.AddModelError("Input.StartDates", text["Programme_Starts_TooMany", MaxStartDates]);
        }

        if (!Input.IsDistance && Input.SiteId is null)
        {
            ModelState.AddModelError("Input.SiteId", text["Programme_Place_Required"]);
        }
        else if (Input.SiteId is { } site && Sites.All(s => s.Id != site))
        {
            ModelState.AddModelError("Input.SiteId", text["Programme_Site_Invalid"]);
        }

        if (Input.Skills.Count == 0)
        {
            ModelState.AddModelError("Input.SkillQuery", text["Programme_Skills_Required"]);
        }
    }

    private async Task LoadSitesAsync(int providerId, CancellationToken ct) =>
        Sites = await db.Sites.AsNoTracking().Where(s => s.OrganisationId == providerId).OrderBy(s => s.Name).ToListAsync(ct);

    private Task<int?> ProviderAsync(CancellationToken ct) => ProviderAccess.ApprovedProviderAsync(users, db, User, ct);

    public sealed class ProgrammeSkillInput
    {
        public string SkillId { get; set; } = string.Empty;
        public bool Remove { get; set; }
    }

    public sealed class ProgrammeInput
    {
        public string? Title { get; set; }
        public ProgrammeLevel? Level { get; set; }
        public string? Description { get; set; }
        public List<ProgrammeSkillInput> Skills { get; set; } = [];
        public string? SkillQuery { get; set; }
        public List<string> AddSkillIds { get; set; } = [];
        public int? LengthWeeks { get; set; }
        public int? Seats { get; set; }
        public List<DateOnly?> StartDates { get; set; } = [];
        public int? SiteId { get; set; }
        public bool IsDistance { get; set; }

        /// <summary>The filled-in start dates, each once, in order.</summary>
        public IReadOnlyList<DateOnly> Dates() => StartDates.OfType<DateOnly>().Distinct().Order().ToList();

        /// <summary>Adds the picked search results and drops the rows marked for removal and unknown ids.</summary>
        public void ApplyPicks(TaxonomyModel taxonomy)
        {
            Skills.RemoveAll(s => s.Remove || taxonomy.FindSkill(s.SkillId) is null);
            Skills.AddRange(SkillPickerView.Picked(taxonomy, AddSkillIds, Skills.Select(s => s.SkillId)).Select(id => new ProgrammeSkillInput { SkillId = id }));
            AddSkillIds.Clear();
        }

        public static ProgrammeInput From(Programme programme) => new()
        {
            Title = programme.Title,
            Level = programme.Level,
            Description = programme.Description,
            Skills = programme.SkillIds.Select(id => new ProgrammeSkillInput { SkillId = id }).ToList(),
            LengthWeeks = programme.LengthWeeks,
            Seats = programme.Seats,
            StartDates = programme.StartDates.Order().Select(d => (DateOnly?)d).ToList(),
            SiteId = programme.SiteId,
            IsDistance = programme.IsDistance,
        };

        public void CopyTo(Programme programme, DateTimeOffset now)
        {
            programme.Title = Title!.Trim();
            programme.Level = Level!.Value;
            programme.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
            programme.SkillIds = Skills.Select(s => s.SkillId).Distinct(StringComparer.Ordinal).ToList();
            programme.LengthWeeks = LengthWeeks!.Value;
            programme.Seats = Seats!.Value;
            programme.StartDates = [.. Dates()];
            programme.SiteId = SiteId;
            programme.IsDistance = IsDistance;
            programme.UpdatedAt = now;
        }
    }
}
