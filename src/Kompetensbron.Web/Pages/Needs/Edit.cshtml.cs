using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Core.Text;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Matching;
using Kompetensbron.Web.Employers;
using Kompetensbron.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kompetensbron.Web.Pages.Needs;

/// <summary>
/// Create or edit a need on one page that works without JavaScript: "Search" and "Find skills in the text" post
/// the whole form back and show it again with the results, so nothing typed is lost.
/// </summary>
[Authorize(Policy = Roles.Employer)]
public sealed class EditModel(
    KompetensbronDbContext db,
    UserManager<KompetensbronUser> users,
    TaxonomyModel taxonomy,
    SkillRecogniser recogniser,
    MatchService matching,
    TimeProvider time,
    IStringLocalizer<EmployerResource> text) : PageModel
{
    [BindProperty]
    public NeedInput Input { get; set; } = new();

    public IReadOnlyList<Site> Sites { get; private set; } = [];

    public SkillPickerView Picker { get; private set; } = SkillPickerView.Empty("Input");

    /// <summary>Set after "Find skills in the text": how many new skills were added.</summary>
    public int? Recognised { get; private set; }

    /// <summary>Gender-coded words in the title and description, with neutral suggestions (a warning, never a block).</summary>
    public IReadOnlyList<GenderCodedWord> CodedWords => GenderCodedWording.Find($"{Input.Title} {Input.Description}");

    public string SkillLabel(string id) => taxonomy.FindSkill(id)?.Label ?? id;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (await OrganisationAsync(ct) is not { } organisationId)
        {
            return Forbid();
        }

        if (id is { } needId)
        {
            if (await db.Needs.AsNoTracking().FirstOrDefaultAsync(n => n.Id == needId && n.OrganisationId == organisationId, ct) is not { } need)
            {
                return NotFound();
            }

            Input = NeedInput.From(need, taxonomy);
            VersionedForms.Track(db, HttpContext, need);
        }

        await LoadSitesAsync(organisationId, ct);
        return Page();
    }

    public Task<IActionResult> OnPostSearchAsync(int? id, CancellationToken ct) => RedisplayAsync(id, search: true, ct);

    public Task<IActionResult> OnPostRecogniseAsync(int? id, CancellationToken ct) => RedisplayAsync(id, search: false, ct);

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (await OrganisationAsync(ct) is not { } organisationId)
        {
            return Forbid();
        }

        var need = id is { } needId
            ? await db.Needs.FirstOrDefaultAsync(n => n.Id == needId && n.OrganisationId == organisationId, ct)
            : null;
        if (id is not null && need is null)
        {
            return NotFound();
        }

        await LoadSitesAsync(organisationId, ct);
        Input.ApplyPicks(taxonomy);
        ModelState.Clear();
        var occupation = Validate();
        if (!ModelState.IsValid || occupation is null)
        {
            return Page();
        }

        var now = time.GetUtcNow();
        if (need is null)
        {
            need = new Need { OrganisationId = organisationId, Title = string.Empty, OccupationId = string.Empty, CreatedAt = now };
            db.Needs.Add(need);
        }
        else
        {
            VersionedForms.Track(db, HttpContext, need);
        }

        Input.CopyTo(need, occupation.Id, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved the need after this form was opened: keep what was typed, save nothing, say so.
            VersionedForms.ReportConflict(HttpContext, EditedThing.Need, Request.Path);
            return Page();
        }

        await matching.RefreshNeedAsync(need.Id, ct);
        return RedirectToPage("/Needs/Details", new { id = need.Id });
    }

    private async Task<IActionResult> RedisplayAsync(int? id, bool search, CancellationToken ct)
    {
        if (await OrganisationAsync(ct) is not { } organisationId)
        {
            return Forbid();
        }

        if (id is { } needId && !await db.Needs.AnyAsync(n => n.Id == needId && n.OrganisationId == organisationId, ct))
        {
            return NotFound();
        }

        await LoadSitesAsync(organisationId, ct);
        Input.ApplyPicks(taxonomy);
        ModelState.Clear();
        if (search)
        {
            Picker = SkillPickerView.Search(taxonomy, "Input", Input.SkillQuery, Input.Skills.Select(s => s.SkillId));
        }
        else
        {
            var found = SkillPickerView.Recognised(recogniser, $"{Input.Title}\n{Input.Description}", Input.Skills.Select(s => s.SkillId));
            Input.Skills.AddRange(found.Select(id => new NeedSkillInput { SkillId = id, Required = false, Importance = 2 }));
            Recognised = found.Count;
        }

        return Page();
    }

    private Occupation? Validate()
    {
        if (string.IsNullOrWhiteSpace(Input.Title))
        {
            ModelState.AddModelError("Input.Title", text["Need_Title_Required"]);
        }

        var occupation = NeedInput.ResolveOccupation(taxonomy, Input.Occupation);
        if (occupation is null)
        {
            ModelState.AddModelError("Input.Occupation", text["Need_Occupation_Required"]);
        }

        if (Input.Kind is null)
        {
            ModelState.AddModelError("Input.Kind", text["Need_Kind_Required"]);
        }

        if (Input.Headcount is not (>= 1 and <= 500))
        {
            ModelState.AddModelError("Input.Headcount", text["Need_Headcount_Invalid"]);
        }

        if (Input.SiteId is { } site && Sites.All(s => s.Id != site))
        {
            ModelState.AddModelError("Input.SiteId", text["Need_Site_Invalid"]);
        }

        if (Input.Skills.Count == 0)
        {
            ModelState.AddModelError("Input.SkillQuery", text["Need_Skills_Required"]);
        }

        return occupation;
    }

    private async Task LoadSitesAsync(int organisationId, CancellationToken ct) =>
        Sites = await db.Sites.AsNoTracking().Where(s => s.OrganisationId == organisationId).OrderBy(s => s.Name).ToListAsync(ct);

    private Task<int?> OrganisationAsync(CancellationToken ct) => EmployerAccess.ApprovedEmployerAsync(users, db, User, ct);

    public sealed class NeedSkillInput
    {
        public string SkillId { get; set; } = string.Empty;
        public bool Required { get; set; }
        public int Importance { get; set; } = 2;
        public bool Remove { get; set; }
    }

    public sealed class NeedInput
    {
        public string? Title { get; set; }
        public NeedKind? Kind { get; set; }
        public string? Occupation { get; set; }
        public string? Description { get; set; }
        public int? Headcount { get; set; } = 1;
        public DateOnly? StartDate { get; set; }
        public int? SiteId { get; set; }
        public CefrLevel? SwedishLevel { get; set; }
        public bool ShiftWork { get; set; }
        public bool Publish { get; set; } = true;
        public List<string> Licences { get; set; } = [];
        public List<NeedSkillInput> Skills { get; set; } = [];
        public string? SkillQuery { get; set; }
        public List<string> AddSkillIds { get; set; } = [];

        /// <summary>Adds the picked search results (as meriting) and drops the rows marked for removal.</summary>
        public void ApplyPicks(TaxonomyModel taxonomy)
        {
            Skills.RemoveAll(s => s.Remove || taxonomy.FindSkill(s.SkillId) is null);
            Skills.AddRange(SkillPickerView.Picked(taxonomy, AddSkillIds, Skills.Select(s => s.SkillId)).Select(id => new NeedSkillInput { SkillId = id, Importance = 2 }));

            AddSkillIds.Clear();
            Licences.RemoveAll(code => Core.Profiles.Licences.Find(code) is null);
        }

        /// <summary>The occupation with exactly this label, else the best search hit.</summary>
        public static Occupation? ResolveOccupation(TaxonomyModel taxonomy, string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            var exact = taxonomy.Occupations.FirstOrDefault(o => string.Equals(o.Label, text.Trim(), StringComparison.OrdinalIgnoreCase));
            return exact ?? (taxonomy.Search(text, TaxonomyKind.Occupation, 1) is [var best] ? taxonomy.FindOccupation(best.Id) : null);
        }

        public static NeedInput From(Need need, TaxonomyModel taxonomy) => new()
        {
            Title = need.Title,
            Kind = need.Kind,
            Occupation = taxonomy.FindOccupation(need.OccupationId)?.Label,
            Description = need.Description,
            Headcount = need.Headcount,
            StartDate = need.StartDate,
            SiteId = need.SiteId,
            SwedishLevel = need.MinimumSwedishLevel,
            ShiftWork = need.ShiftWork,
            Publish = need.Status != NeedStatus.Draft,
            Licences = [.. need.Licences],
            Skills = need.Skills.Select(s => new NeedSkillInput { SkillId = s.SkillId, Required = s.IsRequired, Importance = s.Importance }).ToList(),
        };

        public void CopyTo(Need need, string occupationId, DateTimeOffset now)
        {
            need.Title = Title!.Trim();
            need.Kind = Kind!.Value;
            need.OccupationId = occupationId;
            need.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
            need.Headcount = Headcount!.Value;
            need.StartDate = StartDate;
            need.SiteId = SiteId;
            need.MinimumSwedishLevel = SwedishLevel;
            need.ShiftWork = ShiftWork;
            need.Status = Publish ? NeedStatus.Open : NeedStatus.Draft;
            need.Licences = [.. Licences.Distinct(StringComparer.Ordinal)];
            need.Skills = Skills.Select(s => new NeedSkill { SkillId = s.SkillId, IsRequired = s.Required, Importance = Math.Clamp(s.Importance, 1, 3) }).ToList();
            need.UpdatedAt = now;
        }
    }
}
