using Kompetensbron.Core.Insights;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Core.Workforce;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Employers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kompetensbron.Web.Pages.Employers;

/// <summary>
/// Future needs: the workforce by occupation and age band, the expected retirements per year for ten years (the
/// retirement age is a setting on the page), and one click to turn an occupation's forecast into a draft need.
/// </summary>
[Authorize(Policy = Roles.Employer)]
public sealed class WorkforceModel(
    KompetensbronDbContext db,
    UserManager<KompetensbronUser> users,
    TaxonomyModel taxonomy,
    TimeProvider time,
    IStringLocalizer<EmployerResource> text) : PageModel
{
    public const int Years = 10;
    public const int SkillsCopied = 5;

    /// <summary>Expected retirements of one occupation in years 1..10 (index 0 unused).</summary>
    public sealed record Forecast(string OccupationId, string Occupation, double[] PerYear)
    {
        public int Total => (int)Math.Round(PerYear.Sum(), MidpointRounding.AwayFromZero);
    }

    [BindProperty(SupportsGet = true)]
    public int RetirementAge { get; set; } = InsightsSettings.Default.RetirementAge;

    [BindProperty]
    public CohortInput Input { get; set; } = new();

    public IReadOnlyList<WorkforceCohort> Cohorts { get; private set; } = [];

    public IReadOnlyList<Forecast> Forecasts { get; private set; } = [];

    public int FirstYear => time.GetLocalNow().Year + 1;

    public string OccupationLabel(string id) => taxonomy.FindOccupation(id)?.Label ?? id;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await EmployerAccess.ApprovedEmployerAsync(users, db, User, ct) is not { } organisationId)
        {
            return Forbid();
        }

        await LoadAsync(organisationId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (await EmployerAccess.ApprovedEmployerAsync(users, db, User, ct) is not { } organisationId)
        {
            return Forbid();
        }

        ModelState.Clear();
        var occupation = Pages.Needs.EditModel.NeedInput.ResolveOccupation(taxonomy, Input.Occupation);
        if (occupation is null)
        {
            ModelState.AddModelError("Input.Occupation", text["Need_Occupation_Required"]);
        }

        if (Input.AgeFrom is not (>= 15 and <= 80) || Input.AgeTo is not (>= 15 and <= 80) || Input.AgeTo < Input.AgeFrom)
        {
            ModelState.AddModelError("Input.AgeFrom", text["Workforce_Ages_Invalid"]);
        }

        if (Input.Count is not (>= 1 and <= 10_000))
        {
            ModelState.AddModelError("Input.Count", text["Workforce_Count_Invalid"]);
        }

        if (!ModelState.IsValid || occupation is null)
        {
            await LoadAsync(organisationId, ct);
            return Page();
        }

        db.WorkforceCohorts.Add(new WorkforceCohort
        {
            OrganisationId = organisationId, OccupationId = occupation.Id, AgeFrom = Input.AgeFrom!.Value, AgeTo = Input.AgeTo!.Value,
            Gender = Input.Gender, Count = Input.Count!.Value,
        });
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { RetirementAge });
    }

    public async Task<IActionResult> OnPostRemoveAsync(int cohortId, CancellationToken ct)
    {
        if (await EmployerAccess.ApprovedEmployerAsync(users, db, User, ct) is not { } organisationId)
        {
            return Forbid();
        }

        // Through the change tracker, so the change sequence records it (insights follow the sequence).
        if (await db.WorkforceCohorts.FirstOrDefaultAsync(c => c.Id == cohortId && c.OrganisationId == organisationId, ct) is { } cohort)
        {
            db.WorkforceCohorts.Remove(cohort);
            await db.SaveChangesAsync(ct);
        }

        return RedirectToPage(new { RetirementAge });
    }

    /// <summary>One click: a draft need for the occupation's forecast retirements, with the occupation's typical skills.</summary>
    public async Task<IActionResult> OnPostToNeedAsync(string? occupationId, CancellationToken ct)
    {
        if (await EmployerAccess.ApprovedEmployerAsync(users, db, User, ct) is not { } organisationId)
        {
            return Forbid();
        }

        await LoadAsync(organisationId, ct);
        if (Forecasts.FirstOrDefault(f => f.OccupationId == occupationId) is not { Total: > 0 } forecast)
        {
            return RedirectToPage(new { RetirementAge });
        }

        var firstYear = Array.FindIndex(forecast.PerYear, y => y > 0);
        var now = time.GetUtcNow();
        var need = new Need
        {
            OrganisationId = organisationId,
            Kind = NeedKind.Job,
            Title = text["Workforce_NeedTitle", forecast.Occupation],
            Description = text["Workforce_NeedDescription", forecast.Total, Years, RetirementAge],
            OccupationId = forecast.OccupationId,
            Headcount = forecast.Total,
            StartDate = new DateOnly(FirstYear - 1 + firstYear, 1, 1),
            Status = NeedStatus.Draft,
            Skills = taxonomy.SkillsForOccupation(forecast.OccupationId).Take(SkillsCopied)
                .Select(s => new NeedSkill { SkillId = s.Id, IsRequired = false, Importance = 2 }).ToList(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Needs.Add(need);
        await db.SaveChangesAsync(ct);
        return Redirect($"/arbetsgivare/behov/redigera/{need.Id}");
    }

    private async Task LoadAsync(int organisationId, CancellationToken ct)
    {
        RetirementAge = Math.Clamp(RetirementAge, 55, 75);
        Cohorts = await db.WorkforceCohorts.AsNoTracking().Where(c => c.OrganisationId == organisationId)
            .OrderBy(c => c.OccupationId).ThenBy(c => c.AgeFrom).ToListAsync(ct);
        Forecasts = Cohorts.GroupBy(c => c.OccupationId, StringComparer.Ordinal)
            .Select(g => new Forecast(g.Key, OccupationLabel(g.Key), g
                .Select(c => RetirementForecast.PerYear(new WorkforceGroup(string.Empty, string.Empty, c.AgeFrom, c.AgeTo, c.Gender, c.Count), RetirementAge, Years))
                .Aggregate(new double[Years + 1], (sum, one) => [.. sum.Zip(one, (x, y) => x + y)])))
            .OrderByDescending(f => f.Total).ThenBy(f => f.Occupation, StringComparer.CurrentCulture)
            .ToList();
    }

    public sealed class CohortInput
    {
        public string? Occupation { get; set; }
        public int? AgeFrom { get; set; }
        public int? AgeTo { get; set; }
        public Gender? Gender { get; set; }
        public int? Count { get; set; }
    }
}
