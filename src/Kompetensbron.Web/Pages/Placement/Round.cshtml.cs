using Kompetensbron.Core;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Placement;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Placement;
using Kompetensbron.Data.Privacy;
using Kompetensbron.Web.Placement;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kompetensbron.Web.Pages.Placement;

/// <summary>One round: its places (change seats, remove), run both algorithms, compare them side by side, publish one.</summary>
public sealed class RoundModel(
    PlacementRounds rounds, UserManager<KompetensbronUser> users, IStringLocalizer<PlacementResource> text, KompetensbronDbContext db, TaxonomyModel taxonomy, GeographyModel geography,
    AuditLog audit)
    : RoundPageModel(rounds, users, text)
{
    private IReadOnlyDictionary<string, ApplicantLabel> _labels = new Dictionary<string, ApplicantLabel>();

    /// <summary>How many unplaced applicants each result lists by name (the counts cover everyone).</summary>
    public const int UnplacedListed = 200;

    public const int MaxCapacity = 99;

    public const int MaxMinimumAge = 30;

    public IReadOnlyDictionary<int, Need> Needs { get; private set; } = new Dictionary<int, Need>();

    /// <summary>Deferred acceptance, then min-cost flow; empty until the round has been run.</summary>
    public IReadOnlyList<PlacementResult> Results { get; private set; } = [];

    public PlacementComparison? Comparison { get; private set; }

    [BindProperty]
    public PlacementAlgorithm? Algorithm { get; set; }

    public string OccupationName(string id) => taxonomy.FindOccupation(id)?.Label ?? id;

    /// <summary>The applicant as the page shows them (PlacementRounds.LabelsAsync: a name only where the person allows it).</summary>
    public string ApplicantName(string applicantId) => _labels.TryGetValue(applicantId, out var label) ? Shown(label) : applicantId;

    /// <summary>Applicants from profiles have their municipality as school; CSV rows name their school.</summary>
    public string SchoolName(string schoolId) => geography.FindMunicipality(schoolId)?.Name ?? (schoolId.Length == 0 ? "–" : schoolId);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? await ShowAsync(cancellationToken) : NotFound();

    /// <summary>Seats, minimum age (empty: none) and supervisor of one place; out-of-range numbers are clamped.</summary>
    public Task<IActionResult> OnPostPlaceAsync(int id, int placeId, int capacity, int? minimumAge, string? supervisor, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => Rounds.SetPlaceAsync(
            Round, placeId, Math.Clamp(capacity, 0, MaxCapacity), minimumAge is { } age ? Math.Clamp(age, 0, MaxMinimumAge) : null,
            supervisor is { Length: > FieldLengths.Name } ? supervisor[..FieldLengths.Name] : supervisor, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(int id, int placeId, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => Rounds.RemovePlaceAsync(Round, placeId, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRunAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => Rounds.RunAsync(Round, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Round.Status != PlacementRoundStatus.Run || Algorithm is not { } algorithm)
        {
            ModelState.AddModelError(nameof(Algorithm), P["Publish_Choose"]);
            return await ShowAsync(cancellationToken);
        }

        await Rounds.PublishAsync(Round, algorithm, cancellationToken);
        return Redirect($"/placering/{id}");
    }

    internal static IEnumerable<(string? UserId, int ProfileId)> ProfilesOf(IEnumerable<ApplicantLabel?> labels) =>
        labels.Where(l => l?.ProfileId is not null).Select(l => (l!.ProfileUserId, l.ProfileId!.Value));

    /// <summary>A change to a round that is not published, then back to the round.</summary>
    private async Task<IActionResult> ChangeAsync(int id, Func<Task> change, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Round.Status != PlacementRoundStatus.Published)
        {
            await change();
        }

        return Redirect($"/placering/{id}");
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var needIds = Round.Places.Select(p => p.NeedId).ToList();
        Needs = await db.Needs.AsNoTracking().Where(n => needIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, cancellationToken);
        Results = [.. Round.Results.OrderBy(r => r.Algorithm).Select(PlacementRounds.ReadResult)];
        if (Results.Count == 2)
        {
            Comparison = PlacementReports.Compare(Results[0], Results[1]);
        }

        // The page lists unplaced applicants by name or pseudonym, with why: a look at those profiles, in each
        // person's own log of who has seen it.
        _labels = await Rounds.LabelsAsync(Round.Applicants, cancellationToken);
        var shown = Results.SelectMany(r => r.Unplaced.Take(UnplacedListed)).Select(o => _labels.GetValueOrDefault(o.ApplicantId));
        await audit.RecordViewsAsync(await CurrentUserAsync(), ProfilesOf(shown), cancellationToken);
        return Page();
    }
}
