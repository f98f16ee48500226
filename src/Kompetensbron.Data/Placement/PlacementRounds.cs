using System.Globalization;
using System.Text.Json;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Matching;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Placement;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Data.Matching;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Data.Placement;

/// <summary>Who looks at rounds: a coordinator sees every round, an education provider's member only their organisation's.</summary>
public sealed record RoundViewer(string UserId, bool IsCoordinator, int? OrganisationId);

/// <summary>
/// A published outcome for one person: the round, and the place they got (null when unplaced) with its employer and
/// the place as it was run (supervisor, minimum age). <see cref="WishTitles"/> names the places of ineligible wishes.
/// </summary>
public sealed record PublishedOutcome(
    string RoundName, ApplicantOutcome Outcome, Need? Need, string? EmployerName, PlacementPlace? Place, IReadOnlyDictionary<string, string> WishTitles);

/// <summary>A student coming to an employer's place in a published round, with the place as it was run (supervisor).</summary>
public sealed record IncomingStudent(string RoundName, Need Need, ApplicantLabel Student, string School, PlacementPlace? Place);

/// <summary>
/// How an applicant is shown to anyone but the person: <see cref="Name"/> for a pupil on the school's own list and for a
/// profile whose visibility shows the name, otherwise null, and the page shows a pseudonym made from
/// <see cref="Number"/> (the applicant's row in the round, never the profile id). A profile's ids are there so that
/// showing it can be written to the person's audit log.
/// </summary>
public sealed record ApplicantLabel(int Number, string? Name, int? ProfileId, string? ProfileUserId);

/// <summary>
/// Prepares, runs and publishes stored placement rounds: places from open needs, applicants from profiles or CSV,
/// scores from the match index, both algorithms from Core/Placement (docs/decisions/0009-placement.md).
/// </summary>
public sealed class PlacementRounds(KompetensbronDbContext db, MatchService matches, TimeProvider time)
{
    /// <summary>How many wishes are proposed from matches for an applicant who gave none.</summary>
    public const int ProposedWishes = 5;

    /// <summary>The need kinds a round can fill.</summary>
    public static IReadOnlyList<NeedKind> Kinds { get; } = [NeedKind.AplPlace, NeedKind.Internship, NeedKind.SummerJob];

    public IQueryable<StoredPlacementRound> VisibleTo(RoundViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var organisationId = viewer.OrganisationId;
        return viewer.IsCoordinator
            ? db.Set<StoredPlacementRound>()
            : db.Set<StoredPlacementRound>().Where(r => organisationId != null && r.OwnerOrganisationId == organisationId);
    }

    /// <summary>The round with its places, applicants and results, or null when it does not exist or is not the viewer's.</summary>
    public Task<StoredPlacementRound?> FindAsync(int id, RoundViewer viewer, CancellationToken ct = default) =>
        VisibleTo(viewer)
            .Include(r => r.Places)
            .Include(r => r.Applicants)
            .Include(r => r.Results)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == id, ct);

    public async Task<StoredPlacementRound> CreateAsync(string name, NeedKind kind, RoundViewer viewer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var round = new StoredPlacementRound
        {
            Name = name,
            Kind = kind,
            OwnerOrganisationId = viewer.IsCoordinator ? null : viewer.OrganisationId,
            CreatedByUserId = viewer.UserId,
            CreatedAt = time.GetUtcNow(),
            LotterySeed = RandomNumberGenerator(),
        };
        db.Add(round);
        await db.SaveChangesAsync(ct);
        return round;
    }

    /// <summary>Open needs of the round's kind at approved employers, optionally in one municipality, with their employer's name.</summary>
    public async Task<IReadOnlyList<(Need Need, string Employer, string? MunicipalityCode)>> OpenNeedsAsync(NeedKind kind, string? municipalityCode, CancellationToken ct = default)
    {
        var rows = await (
            from n in db.Needs.AsNoTracking()
            join o in db.Organisations on n.OrganisationId equals o.Id
            where n.Status == NeedStatus.Open && n.Kind == kind && o.IsApproved
            orderby o.Name, n.Title
            select new { Need = n, Employer = o.Name })
            .ToListAsync(ct);
        var organisationIds = rows.Select(r => r.Need.OrganisationId).Distinct().ToList();
        var sites = await db.Sites.AsNoTracking().Where(s => organisationIds.Contains(s.OrganisationId)).OrderBy(s => s.Id).ToListAsync(ct);
        return [.. rows
            .Select(r => (r.Need, r.Employer, SiteOf(r.Need, sites)?.MunicipalityCode))
            .Where(r => string.IsNullOrEmpty(municipalityCode) || r.MunicipalityCode == municipalityCode)];
    }

    /// <summary>Adds needs as places with their headcount as capacity (needs already in the round are skipped).</summary>
    public async Task AddPlacesAsync(StoredPlacementRound round, IEnumerable<int> needIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        var wanted = needIds.Except(round.Places.Select(p => p.NeedId)).ToList();
        var needs = await db.Needs.AsNoTracking()
            .Where(n => wanted.Contains(n.Id) && n.Status == NeedStatus.Open && n.Kind == round.Kind)
            .Select(n => new { n.Id, n.Headcount })
            .ToListAsync(ct);
        round.Places.AddRange(needs.Select(n => new RoundPlace { NeedId = n.Id, Capacity = Math.Max(1, n.Headcount) }));
        await ChangedAsync(round, ct);
    }

    /// <summary>Sets a place's seats and rules for this round: minimum age on the first day (null: none) and supervisor.</summary>
    public async Task SetPlaceAsync(StoredPlacementRound round, int placeId, int capacity, int? minimumAge, string? supervisor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (round.Places.FirstOrDefault(p => p.Id == placeId) is { } place)
        {
            place.Capacity = Math.Max(0, capacity);
            place.MinimumAge = minimumAge is > 0 ? minimumAge : null;
            place.Supervisor = string.IsNullOrWhiteSpace(supervisor) ? null : supervisor.Trim();
            await ChangedAsync(round, ct);
        }
    }

    public async Task RemovePlaceAsync(StoredPlacementRound round, int placeId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (round.Places.FirstOrDefault(p => p.Id == placeId) is { } place)
        {
            round.Places.Remove(place);
            await ChangedAsync(round, ct);
        }
    }

    /// <summary>
    /// Adds the profiles whose owners chose to take part in placement rounds (and do not hide their profile), not yet
    /// in the round; their wishes are proposed from matches when run. Nobody else's profile enters a round this way.
    /// The name is not copied: it is read from the profile when shown, under the person's visibility then.
    /// </summary>
    public async Task<int> AddOptedInProfilesAsync(StoredPlacementRound round, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        var present = round.Applicants.Where(a => a.ProfileId != null).Select(a => a.ProfileId!.Value).ToHashSet();
        var profiles = await db.Profiles.AsNoTracking().IgnoreAutoIncludes()
            .Where(p => p.JoinsPlacementRounds)
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Visibility, p.MunicipalityCode })
            .ToListAsync(ct);
        var added = profiles.Where(p => p.Visibility.IsSeenByApprovedOrganisations() && !present.Contains(p.Id)).ToList();
        round.Applicants.AddRange(added.Select(p => new RoundApplicant { ProfileId = p.Id, Name = string.Empty, School = p.MunicipalityCode }));
        await ChangedAsync(round, ct);
        return added.Count;
    }

    /// <summary>
    /// The person no longer takes part: their profile leaves every round that is not published yet (a round changed so
    /// must be run again). Published rounds keep the outcome the person was told about.
    /// </summary>
    public async Task LeaveOpenRoundsAsync(int profileId, CancellationToken ct = default)
    {
        var rounds = await db.Set<StoredPlacementRound>()
            .Where(r => r.Status != PlacementRoundStatus.Published && r.Applicants.Any(a => a.ProfileId == profileId))
            .Include(r => r.Applicants)
            .Include(r => r.Results)
            .AsSplitQuery()
            .ToListAsync(ct);
        foreach (var round in rounds)
        {
            round.Applicants.RemoveAll(a => a.ProfileId == profileId);
            await ChangedAsync(round, ct);
        }
    }

    /// <summary>
    /// How each applicant is shown, by <see cref="ApplicantKey(RoundApplicant)"/>: a pupil from the school's list by name,
    /// a profile by name only while its visibility shows the name (read now), otherwise by pseudonym.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ApplicantLabel>> LabelsAsync(IEnumerable<RoundApplicant> applicants, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(applicants);
        var list = applicants.ToList();
        var profileIds = list.Where(a => a.ProfileId != null).Select(a => a.ProfileId!.Value).Distinct().ToList();
        var profiles = await db.Profiles.AsNoTracking().IgnoreAutoIncludes()
            .Where(p => profileIds.Contains(p.Id))
            .Select(p => new { p.Id, p.DisplayName, p.Visibility, p.UserId })
            .ToDictionaryAsync(p => p.Id, ct);
        return list.ToDictionary(ApplicantKey, a =>
            a.ProfileId is not { } profileId ? new ApplicantLabel(a.Id, a.Name, null, null)
            : profiles.GetValueOrDefault(profileId) is { } p ? new ApplicantLabel(a.Id, p.Visibility.ShowsName() ? p.DisplayName : null, p.Id, p.UserId)
            : new ApplicantLabel(a.Id, null, profileId, null), StringComparer.Ordinal);
    }

    public async Task AddApplicantsAsync(StoredPlacementRound round, IEnumerable<RoundApplicant> applicants, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        round.Applicants.AddRange(applicants);
        await ChangedAsync(round, ct);
    }

    /// <summary>Solves the round with both algorithms and stores both results; the round can then be compared and published.</summary>
    public async Task RunAsync(StoredPlacementRound round, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        var core = await BuildAsync(round, ct);
        var instance = PlacementInstance.Build(core);
        var roundJson = PlacementRoundJson.Write(core);
        round.Results.Clear();
        foreach (var algorithm in Enum.GetValues<PlacementAlgorithm>())
        {
            var result = PlacementReports.Report(instance, instance.Solve(algorithm));
            round.Results.Add(new RoundResult { Algorithm = algorithm, RoundJson = roundJson, ResultJson = PlacementRoundJson.Write(result), RunAt = time.GetUtcNow() });
        }

        round.Status = PlacementRoundStatus.Run;
        await db.SaveChangesAsync(ct);
    }

    public async Task PublishAsync(StoredPlacementRound round, PlacementAlgorithm algorithm, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (round.Status != PlacementRoundStatus.Run || round.Results.All(r => r.Algorithm != algorithm))
        {
            throw new InvalidOperationException("Only a run round can be published, with one of its results.");
        }

        round.Status = PlacementRoundStatus.Published;
        round.PublishedAlgorithm = algorithm;
        round.PublishedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The result one algorithm gave, as plain data.</summary>
    public static PlacementResult ReadResult(RoundResult stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return JsonSerializer.Deserialize<PlacementResult>(stored.ResultJson, PlacementRoundJson.Options)!;
    }

    /// <summary>The result that was published (the round must be published, with its results included).</summary>
    public static PlacementResult PublishedResult(StoredPlacementRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return ReadResult(round.Results.Single(r => r.Algorithm == round.PublishedAlgorithm));
    }

    /// <summary>The places of a published round as they were run, by place id (the round must include its results).</summary>
    public static IReadOnlyDictionary<string, PlacementPlace> PublishedPlaces(StoredPlacementRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        var stored = round.Results.Single(r => r.Algorithm == round.PublishedAlgorithm);
        var run = JsonSerializer.Deserialize<PlacementRound>(stored.RoundJson, PlacementRoundJson.Options)!;
        return run.Places.ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    /// <summary>A person's outcomes in published rounds.</summary>
    public async Task<IReadOnlyList<PublishedOutcome>> PublishedForProfileAsync(int profileId, CancellationToken ct = default)
    {
        var rounds = await db.Set<StoredPlacementRound>().AsNoTracking()
            .Where(r => r.Status == PlacementRoundStatus.Published && r.Applicants.Any(a => a.ProfileId == profileId))
            .Include(r => r.Applicants.Where(a => a.ProfileId == profileId))
            .Include(r => r.Results)
            .AsSplitQuery()
            .ToListAsync(ct);
        var outcomes = new List<PublishedOutcome>();
        foreach (var round in rounds)
        {
            var result = PublishedResult(round);
            var places = PublishedPlaces(round);
            foreach (var applicant in round.Applicants)
            {
                var outcome = result.Applicants.FirstOrDefault(o => o.ApplicantId == ApplicantKey(applicant));
                if (outcome is null)
                {
                    continue;
                }

                var need = outcome.PlaceId is { } placeId ? await db.Needs.AsNoTracking().FirstOrDefaultAsync(n => n.Id == NeedIdOf(placeId), ct) : null;
                var employer = need is null ? null : await db.Organisations.Where(o => o.Id == need.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync(ct);
                var wishTitles = outcome.IneligibleWishes.Select(w => w.PlaceId).Distinct()
                    .ToDictionary(id => id, id => places.GetValueOrDefault(id)?.Title ?? id, StringComparer.Ordinal);
                outcomes.Add(new(round.Name, outcome, need, employer, outcome.PlaceId is { } id ? places.GetValueOrDefault(id) : null, wishTitles));
            }
        }

        return outcomes;
    }

    /// <summary>
    /// Students placed at an organisation's needs in published rounds: the employer sees placed students only, each as
    /// <see cref="LabelsAsync"/> shows them (a pseudonym unless the person lets their name be seen; docs/security.md).
    /// </summary>
    public async Task<IReadOnlyList<IncomingStudent>> IncomingForOrganisationAsync(int organisationId, CancellationToken ct = default)
    {
        var needs = await db.Needs.AsNoTracking().Where(n => n.OrganisationId == organisationId).ToDictionaryAsync(n => n.Id, ct);
        var needIds = needs.Keys.ToList();
        var rounds = await db.Set<StoredPlacementRound>().AsNoTracking()
            .Where(r => r.Status == PlacementRoundStatus.Published && r.Places.Any(p => needIds.Contains(p.NeedId)))
            .Include(r => r.Applicants)
            .Include(r => r.Results)
            .AsSplitQuery()
            .ToListAsync(ct);
        var incoming = new List<IncomingStudent>();
        foreach (var round in rounds)
        {
            var result = PublishedResult(round);
            var places = PublishedPlaces(round);
            var applicants = round.Applicants.ToDictionary(ApplicantKey, StringComparer.Ordinal);
            var labels = await LabelsAsync(round.Applicants, ct);
            foreach (var outcome in result.Applicants)
            {
                if (outcome.PlaceId is { } placeId && needs.TryGetValue(NeedIdOf(placeId), out var need) && applicants.TryGetValue(outcome.ApplicantId, out var applicant))
                {
                    incoming.Add(new(round.Name, need, labels[outcome.ApplicantId], applicant.School, places.GetValueOrDefault(placeId)));
                }
            }
        }

        return incoming;
    }

    /// <summary>The applicant's id in Core's round.</summary>
    public static string ApplicantKey(RoundApplicant applicant)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        return ApplicantKey(applicant.Id);
    }

    /// <summary>The applicant's id in Core's round, from the stored applicant's id.</summary>
    public static string ApplicantKey(int applicantId) => applicantId.ToString(CultureInfo.InvariantCulture);

    /// <summary>A place id in Core's round is the need id.</summary>
    public static int NeedIdOf(string placeId) => int.Parse(placeId, CultureInfo.InvariantCulture);

    /// <summary>A changed round must be run again before it can be published; its old results no longer apply.</summary>
    private async Task ChangedAsync(StoredPlacementRound round, CancellationToken ct)
    {
        if (round.Status == PlacementRoundStatus.Published)
        {
            throw new InvalidOperationException("A published round cannot be changed.");
        }

        round.Results.Clear();
        round.Status = PlacementRoundStatus.Draft;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The round as Core's plain data, with scores from the match index and wishes proposed for applicants without any.</summary>
    private async Task<PlacementRound> BuildAsync(StoredPlacementRound round, CancellationToken ct)
    {
        var needIds = round.Places.Select(p => p.NeedId).ToList();
        var needs = await db.Needs.AsNoTracking().Where(n => needIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, ct);
        var organisationIds = needs.Values.Select(n => n.OrganisationId).Distinct().ToList();
        var sites = await db.Sites.AsNoTracking().Where(s => organisationIds.Contains(s.OrganisationId)).OrderBy(s => s.Id).ToListAsync(ct);
        var profileIds = round.Applicants.Where(a => a.ProfileId != null).Select(a => a.ProfileId!.Value).ToList();
        var profiles = await db.Profiles.AsNoTracking().IgnoreAutoIncludes().Where(p => profileIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

        var places = new List<PlacementPlace>();
        foreach (var place in round.Places.OrderBy(p => p.Id))
        {
            if (!needs.TryGetValue(place.NeedId, out var need))
            {
                continue;
            }

            var site = SiteOf(need, sites);
            var start = need.StartDate ?? today;
            places.Add(new PlacementPlace
            {
                Id = need.Id.ToString(CultureInfo.InvariantCulture),
                Title = need.Title,
                Kind = need.Kind,
                OccupationId = need.OccupationId,
                Capacity = place.Capacity,
                PeriodStart = start,
                PeriodEnd = start.AddDays(7 * 15),
                Location = site is null ? default : new GeoPoint(site.Latitude, site.Longitude),
                Supervisor = place.Supervisor,
                Requirements = new PlacementRequirements { RequiredLicences = need.Licences, MinimumAge = place.MinimumAge },
            });
        }

        var applicants = round.Applicants.OrderBy(a => a.Id).Select(a => Applicant(a, a.ProfileId is { } id ? profiles.GetValueOrDefault(id) : null)).ToList();
        var core = new PlacementRound { Name = round.Name, Places = places, Applicants = applicants, LotterySeed = round.LotterySeed };
        var index = await matches.EnsureLoadedAsync(ct);
        var profileOf = round.Applicants.ToDictionary(ApplicantKey, a => a.ProfileId, StringComparer.Ordinal);
        int? Score(PlacementApplicant applicant, PlacementPlace place) =>
            profileOf[applicant.Id] is { } profileId && index.Explain(NeedIdOf(place.Id), profileId) is { IsExcluded: false } e
                ? Math.Clamp(e.Score, 0, PlacementInstance.MaxPoints)
                : null;
        core = PlacementWishes.WithScores(core, (a, p) => Score(a, p) ?? 0);
        return PlacementWishes.ProposeFromMatches(core, Score, ProposedWishes);
    }

    private static PlacementApplicant Applicant(RoundApplicant applicant, Profile? profile) => new()
    {
        Id = ApplicantKey(applicant),
        SchoolId = applicant.School,
        BirthDate = applicant.BirthDate,
        Wishes = [.. applicant.Wishes.Select(w => w.ToString(CultureInfo.InvariantCulture))],
        Home = profile is null ? default : new GeoPoint(profile.Latitude, profile.Longitude),

        // A CSV row has no home address: its commute cannot be estimated, so it is not checked.
        MaxCommuteMinutes = profile?.MaxCommuteMinutes ?? int.MaxValue,
        CommuteMode = profile?.CommuteMode ?? CommuteMode.PublicTransport,
        Licences = profile?.Licences ?? [],
        Gender = profile?.Gender,
    };

    /// <summary>The need's own site, or else its organisation's first.</summary>
    private static Site? SiteOf(Need need, List<Site> sites) =>
        sites.FirstOrDefault(s => s.Id == need.SiteId) ?? sites.FirstOrDefault(s => s.OrganisationId == need.OrganisationId);

    private static int RandomNumberGenerator() => System.Security.Cryptography.RandomNumberGenerator.GetInt32(int.MaxValue);
}
