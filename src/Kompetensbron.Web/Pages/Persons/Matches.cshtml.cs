using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Matching;
using Kompetensbron.Core.Needs;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Matching;
using Kompetensbron.Web.Forms;
using Kompetensbron.Web.Localisation;
using Kompetensbron.Web.Persons;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Web.Pages.Persons;

/// <summary>The caller's ranked needs, each with its explanation in plain words; filters for kind and municipality.</summary>
[Authorize(Policy = Roles.Person)]
public sealed class MatchesModel(ProfileEditor editor, MatchService matches, KompetensbronDbContext db, GeographyModel geography) : PageModel
{
    public const int Shown = 20;

    [BindProperty(SupportsGet = true, Name = "slag")]
    public List<NeedKind> Kinds { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "kommun")]
    public string? MunicipalityCode { get; set; }

    public IReadOnlyList<MatchCard> Cards { get; private set; } = [];

    public MunicipalityChoices Municipalities => MunicipalityChoices.From(geography) with { Selected = MunicipalityCode };

    public bool HasSkills { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var profile = await editor.FindAsync(User, ct);
        if (profile is null)
        {
            return NotFound();
        }

        HasSkills = profile.Skills.Count > 0;
        var kinds = Kinds.Where(Enum.IsDefined).Distinct().ToList();
        var filter = new NeedFilter(
            kinds.Count == 0 ? null : kinds,
            geography.FindMunicipality(MunicipalityCode ?? string.Empty) is { } m ? [m.Code] : null);
        var found = await matches.NeedsForProfileAsync(profile.Id, filter, Shown, ct);

        var ids = found.Select(f => f.Match.NeedId).ToList();
        var needs = await db.Needs.AsNoTracking().Where(n => ids.Contains(n.Id))
            .Select(n => new { n.Id, n.Title, n.Kind, n.OrganisationId, n.SiteId })
            .ToDictionaryAsync(n => n.Id, ct);
        var organisationIds = needs.Values.Select(n => n.OrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.Sites })
            .ToDictionaryAsync(o => o.Id, ct);

        Cards = found.Where(f => needs.ContainsKey(f.Match.NeedId)).Select(f =>
        {
            var need = needs[f.Match.NeedId];
            var organisation = organisations.GetValueOrDefault(need.OrganisationId);
            var site = organisation?.Sites.FirstOrDefault(s => s.Id == need.SiteId) ?? organisation?.Sites.FirstOrDefault();
            return new MatchCard(
                need.Id,
                need.Title,
                need.Kind,
                organisation?.Name ?? string.Empty,
                site is null ? string.Empty : geography.FindMunicipality(site.MunicipalityCode)?.Name ?? site.MunicipalityCode,
                f.Match.Score,
                Cultures.IsEnglish ? f.SentencesEn : f.SentencesSv,
                f.Explanation.MissingRequired.Count + f.Explanation.Related.Count);
        }).ToList();
        return Page();
    }
}

/// <summary>One need as the person sees it in the list.</summary>
public sealed record MatchCard(int NeedId, string Title, NeedKind Kind, string Employer, string Municipality, int Score, IReadOnlyList<string> Sentences, int RequiredNotFullyMet);
