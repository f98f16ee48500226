using Kompetensbron.Core.Import;
using Kompetensbron.Core.Import.Tabular;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Programmes;
using Kompetensbron.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Data.Import;

/// <summary>How a CSV/Excel import runs.</summary>
public sealed record TabularImportOptions
{
    /// <summary>Validate and apply everything, report it, then roll back.</summary>
    public bool DryRun { get; init; }

    public TabularLimits Limits { get; init; } = TabularLimits.Default;

    /// <summary>
    /// When set, every row must belong to this organisation (an organisation member importing their own needs,
    /// programmes or cohorts): another organisation number, or an id of another organisation's row, is an error.
    /// Not allowed for profiles.
    /// </summary>
    public int? OrganisationId { get; init; }
}

/// <summary>What a CSV/Excel import did (or would do): nothing at all when <see cref="Errors"/> is not empty.</summary>
public sealed record TabularImportResult(TabularEntity Entity, string File, int Rows, int Created, int Updated, IReadOnlyList<ImportError> Errors, bool DryRun)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Imports profiles, needs, programmes or workforce cohorts from CSV or Excel: reads the file
/// (<see cref="TabularFile"/>), validates every row (all errors, with row and column), checks organisations and ids
/// in the database, and only then writes, in one transaction: all rows or none. A row with an id updates that row;
/// one without creates a new one.
/// </summary>
public sealed class TabularImporter(KompetensbronDbContext db, TabularVocabulary vocabulary, TimeProvider time)
{
    private int? _scope;

    /// <summary>Whether a stored row of <paramref name="organisationId"/> may be changed by this import.</summary>
    private bool InScope(int organisationId) => _scope is null || _scope == organisationId;

    public async Task<TabularImportResult> ImportAsync(
        TabularEntity entity, Stream file, TabularImportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        if (options.OrganisationId is not null && entity == TabularEntity.Profiles)
        {
            throw new ArgumentException("Profiles are imported by coordinators only, never for one organisation.", nameof(options));
        }

        _scope = options.OrganisationId;
        var sheet = TabularFile.Read(file, options.Limits);
        var errors = new List<ImportError>();
        var template = TabularTemplate.For(entity);
        var header = template.MapHeader(sheet.Header, errors);
        var counts = new Counts();
        if (errors.Count == 0)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var task = entity switch
            {
                TabularEntity.Needs => ApplyNeedsAsync(Parse(NeedTemplate.Instance, sheet, header, errors), errors, counts, cancellationToken),
                TabularEntity.Profiles => ApplyProfilesAsync(Parse(ProfileTemplate.Instance, sheet, header, errors), header, errors, counts, cancellationToken),
                TabularEntity.Programmes => ApplyProgrammesAsync(Parse(ProgrammeTemplate.Instance, sheet, header, errors), errors, counts, cancellationToken),
                _ => ApplyCohortsAsync(Parse(CohortTemplate.Instance, sheet, header, errors), errors, counts, cancellationToken),
            };
            await task;
            if (errors.Count == 0 && !options.DryRun)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                await transaction.RollbackAsync(cancellationToken);
            }

            db.ChangeTracker.Clear();
        }

        return errors.Count == 0
            ? new TabularImportResult(entity, sheet.Description, sheet.Rows.Count, counts.Created, counts.Updated, errors, options.DryRun)
            : new TabularImportResult(entity, sheet.Description, sheet.Rows.Count, 0, 0, [.. errors.OrderBy(e => e.Row)], options.DryRun);
    }

    private List<Parsed<T>> Parse<T>(TabularTemplate<T> template, TabularSheet sheet, IReadOnlyDictionary<string, int> header, List<ImportError> errors)
    {
        var records = new List<Parsed<T>>(sheet.Rows.Count);
        foreach (var row in sheet.Rows)
        {
            var reader = new RowReader(row, header, template, vocabulary, errors);
            if (template.Parse(reader) is { } record)
            {
                records.Add(new Parsed<T>(row.Number, record));
            }
        }

        return records;
    }

    private async Task ApplyNeedsAsync(List<Parsed<NeedRecord>> rows, List<ImportError> errors, Counts counts, CancellationToken ct)
    {
        var template = NeedTemplate.Instance;
        var organisations = await OrganisationsAsync(rows.Select(r => (r.Row, r.Record.OrganisationNumber)), template, "organisation", errors, ct);
        var ids = rows.Where(r => r.Record.Id is not null).Select(r => r.Record.Id!.Value).ToList();
        var externalIds = rows.Select(r => r.Record.Need.ExternalId).OfType<string>().ToList();
        var stored = await db.Needs.Where(n => ids.Contains(n.Id) || externalIds.Contains(n.ExternalId!)).ToListAsync(ct);
        var byId = stored.ToDictionary(n => n.Id);
        var byExternalId = stored.Where(n => n.ExternalId is not null).ToDictionary(n => n.ExternalId!, StringComparer.Ordinal);
        CheckIds(rows, r => r.Id, id => byId.TryGetValue(id, out var n) && InScope(n.OrganisationId), template, errors);
        Unique(rows.Where(r => r.Record.Need.ExternalId is not null), r => r.Record.Need.ExternalId!, template, "external", errors);
        foreach (var (row, record) in rows)
        {
            if (record.Id is null && record.Need.ExternalId is { } external && byExternalId.TryGetValue(external, out var other) && !InScope(other.OrganisationId))
            {
                errors.Add(new ImportError(row, Heading(template, "external"), $"Externt id '{external}' används av en annan organisation.",
                    $"External id '{external}' is used by another organisation."));
            }
        }
        if (errors.Count > 0)
        {
            return;
        }

        var sites = new SiteFinder(db, vocabulary);
        var now = time.GetUtcNow();
        foreach (var (_, record) in rows)
        {
            var need = record.Need;
            need.OrganisationId = organisations[record.OrganisationNumber];
            need.SiteId = record.MunicipalityCode is { } code ? await sites.IdAsync(need.OrganisationId, code, ct) : null;
            need.UpdatedAt = now;
            var existing = record.Id is { } id ? byId[id] : need.ExternalId is { } external ? byExternalId.GetValueOrDefault(external) : null;
            if (existing is null)
            {
                need.CreatedAt = now;
                db.Needs.Add(need);
                counts.Created++;
            }
            else
            {
                ImportUpdates.CopyNeed(need, existing);

                // Recognised skills stay marked as such when a file keeps them.
                ImportUpdates.Sync(db, existing.Skills, need.Skills, s => s.SkillId, (from, to) =>
                {
                    to.IsRequired = from.IsRequired;
                    to.Importance = from.Importance;
                }, s => s.NeedId = existing.Id);
                counts.Updated++;
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task ApplyProfilesAsync(
        List<Parsed<ProfileRecord>> rows, IReadOnlyDictionary<string, int> header, List<ImportError> errors, Counts counts, CancellationToken ct)
    {
        var ids = rows.Where(r => r.Record.Id is not null).Select(r => r.Record.Id!.Value).ToList();
        var byId = await db.Profiles.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        CheckIds(rows, r => r.Id, byId.ContainsKey, ProfileTemplate.Instance, errors);
        if (errors.Count > 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        foreach (var (_, record) in rows)
        {
            var profile = record.Profile;
            if (record.Id is not { } id)
            {
                profile.CreatedAt = profile.UpdatedAt = now;
                db.Profiles.Add(profile);
                counts.Created++;
                continue;
            }

            var existing = byId[id];
            existing.DisplayName = profile.DisplayName;
            existing.MunicipalityCode = profile.MunicipalityCode;
            existing.PlaceName = profile.PlaceName;
            existing.PostalCode = profile.PostalCode;
            existing.Latitude = profile.Latitude;
            existing.Longitude = profile.Longitude;
            existing.MaxCommuteMinutes = profile.MaxCommuteMinutes;
            existing.CommuteMode = profile.CommuteMode;
            existing.AvailableFrom = profile.AvailableFrom;
            existing.Licences = profile.Licences;
            existing.Visibility = profile.Visibility;

            // Gender and target group are optional columns: a file without them leaves them as they are.
            if (header.ContainsKey("gender"))
            {
                existing.Gender = profile.Gender;
            }

            if (header.ContainsKey("target"))
            {
                existing.TargetGroup = profile.TargetGroup;
            }

            existing.UpdatedAt = now;
            ImportUpdates.Sync(db, existing.Skills, profile.Skills, s => s.SkillId, (from, to) => to.Level = from.Level, s => s.ProfileId = id);
            ImportUpdates.Sync(db, existing.Occupations, profile.Occupations, o => o.OccupationId, (from, to) => to.Years = from.Years, o => o.ProfileId = id);
            ImportUpdates.Sync(db, existing.Languages, profile.Languages, l => l.LanguageId, (from, to) => to.Level = from.Level, l => l.ProfileId = id);
            counts.Updated++;
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task ApplyProgrammesAsync(List<Parsed<ProgrammeRecord>> rows, List<ImportError> errors, Counts counts, CancellationToken ct)
    {
        var template = ProgrammeTemplate.Instance;
        var providers = await OrganisationsAsync(rows.Select(r => (r.Row, r.Record.OrganisationNumber)), template, "provider", errors, ct);
        var ids = rows.Where(r => r.Record.Id is not null).Select(r => r.Record.Id!.Value).ToList();
        var byId = await db.Programmes.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        CheckIds(rows, r => r.Id, id => byId.TryGetValue(id, out var p) && InScope(p.ProviderId), template, errors);
        if (errors.Count > 0)
        {
            return;
        }

        var sites = new SiteFinder(db, vocabulary);
        var now = time.GetUtcNow();
        foreach (var (_, record) in rows)
        {
            var programme = record.Programme;
            programme.ProviderId = providers[record.OrganisationNumber];
            programme.SiteId = record.MunicipalityCode is { } code ? await sites.IdAsync(programme.ProviderId, code, ct) : null;
            if (record.Id is not { } id)
            {
                programme.CreatedAt = programme.UpdatedAt = now;
                db.Programmes.Add(programme);
                counts.Created++;
                continue;
            }

            var existing = byId[id];
            existing.ProviderId = programme.ProviderId;
            existing.Title = programme.Title;
            existing.Description = programme.Description;
            existing.Level = programme.Level;
            existing.SunFieldCode = programme.SunFieldCode;
            existing.SunLevelCode = programme.SunLevelCode;
            existing.SkillIds = programme.SkillIds;
            existing.LengthWeeks = programme.LengthWeeks;
            existing.StartDates = programme.StartDates;
            existing.Seats = programme.Seats;
            existing.SiteId = programme.SiteId;
            existing.IsDistance = programme.IsDistance;
            existing.IsArchived = programme.IsArchived;
            existing.UpdatedAt = now;
            counts.Updated++;
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task ApplyCohortsAsync(List<Parsed<CohortRecord>> rows, List<ImportError> errors, Counts counts, CancellationToken ct)
    {
        var template = CohortTemplate.Instance;
        var organisations = await OrganisationsAsync(rows.Select(r => (r.Row, r.Record.OrganisationNumber)), template, "organisation", errors, ct);
        var ids = rows.Where(r => r.Record.Id is not null).Select(r => r.Record.Id!.Value).ToList();
        var byId = await db.WorkforceCohorts.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        CheckIds(rows, r => r.Id, id => byId.TryGetValue(id, out var c) && InScope(c.OrganisationId), template, errors);
        if (errors.Count > 0)
        {
            return;
        }

        foreach (var (_, record) in rows)
        {
            var cohort = record.Cohort;
            cohort.OrganisationId = organisations[record.OrganisationNumber];
            if (record.Id is not { } id)
            {
                db.WorkforceCohorts.Add(cohort);
                counts.Created++;
                continue;
            }

            var existing = byId[id];
            existing.OrganisationId = cohort.OrganisationId;
            existing.OccupationId = cohort.OccupationId;
            existing.AgeFrom = cohort.AgeFrom;
            existing.AgeTo = cohort.AgeTo;
            existing.Gender = cohort.Gender;
            existing.Count = cohort.Count;
            counts.Updated++;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The ids of the named organisations; an unknown number is an error on its row.</summary>
    private async Task<Dictionary<string, int>> OrganisationsAsync(
        IEnumerable<(int Row, string Number)> rows, TabularTemplate template, string key, List<ImportError> errors, CancellationToken ct)
    {
        var list = rows.ToList();
        var numbers = list.Select(r => r.Number).Distinct(StringComparer.Ordinal).ToList();
        var found = await db.Organisations.Where(o => numbers.Contains(o.OrganisationNumber))
            .ToDictionaryAsync(o => o.OrganisationNumber, o => o.Id, StringComparer.Ordinal, ct);
        foreach (var (row, number) in list.Where(r => !found.ContainsKey(r.Number)))
        {
            errors.Add(new ImportError(row, Heading(template, key), $"Ingen organisation har organisationsnummer {number}.", $"No organisation has organisation number {number}."));
        }

        foreach (var (row, number) in list.Where(r => found.TryGetValue(r.Number, out var id) && !InScope(id)))
        {
            errors.Add(new ImportError(row, Heading(template, key), $"Du kan bara importera för din egen organisation, inte för {number}.",
                $"You can only import for your own organisation, not for {number}."));
        }

        return found;
    }

    private static void CheckIds<T>(List<Parsed<T>> rows, Func<T, int?> id, Func<int, bool> exists, TabularTemplate template, List<ImportError> errors)
    {
        foreach (var (row, record) in rows)
        {
            if (id(record) is { } value && !exists(value))
            {
                errors.Add(new ImportError(row, Heading(template, "id"), $"Det finns ingen rad med id {value} att uppdatera (lämna Id tomt för att skapa en ny).",
                    $"There is no row with id {value} to update (leave Id empty to create a new one)."));
            }
        }

        Unique(rows.Where(r => id(r.Record) is not null), r => id(r.Record)!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), template, "id", errors);
    }

    private static void Unique<T>(IEnumerable<Parsed<T>> rows, Func<Parsed<T>, string> key, TabularTemplate template, string column, List<ImportError> errors)
    {
        foreach (var group in rows.GroupBy(key, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            foreach (var duplicate in group.Skip(1))
            {
                errors.Add(new ImportError(duplicate.Row, Heading(template, column), $"'{group.Key}' finns redan på rad {group.First().Row}.",
                    $"'{group.Key}' is already on row {group.First().Row}."));
            }
        }
    }

    private static string Heading(TabularTemplate template, string key) => template.Columns.First(c => c.Key == key).Swedish;

    private sealed record Parsed<T>(int Row, T Record);

    private sealed class Counts
    {
        public int Created { get; set; }
        public int Updated { get; set; }
    }

    /// <summary>An organisation's site in a municipality: its first one there, or a new one at the municipality's centre.</summary>
    private sealed class SiteFinder(KompetensbronDbContext db, TabularVocabulary vocabulary)
    {
        private readonly Dictionary<(int, string), int> _ids = [];

        public async Task<int> IdAsync(int organisationId, string municipalityCode, CancellationToken ct)
        {
            if (_ids.TryGetValue((organisationId, municipalityCode), out var id))
            {
                return id;
            }

            var site = await db.Sites.Where(s => s.OrganisationId == organisationId && s.MunicipalityCode == municipalityCode)
                .OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
            if (site is null)
            {
                var name = vocabulary.MunicipalityName(municipalityCode);
                var centre = TabularWords.Location(vocabulary.Geography, municipalityCode, null);
                site = new Site
                {
                    OrganisationId = organisationId, Name = name, MunicipalityCode = municipalityCode, PlaceName = name,
                    Latitude = centre.Latitude, Longitude = centre.Longitude,
                };
                db.Sites.Add(site);
                await db.SaveChangesAsync(ct);
            }

            _ids[(organisationId, municipalityCode)] = site.Id;
            return site.Id;
        }
    }
}
