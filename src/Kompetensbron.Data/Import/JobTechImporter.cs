using System.Diagnostics;
using Kompetensbron.Core.Import;
using Kompetensbron.Core.Import.JobTech;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Data.Import;

/// <summary>How a JobTech import runs.</summary>
public sealed record JobTechImportOptions
{
    /// <summary>Ads mapped and saved together; the change tracker is cleared between batches so memory stays flat.</summary>
    public int BatchSize { get; init; } = 1000;

    /// <summary>Do everything, report it, then roll back.</summary>
    public bool DryRun { get; init; }

    /// <summary>How many warnings to keep as examples (all are counted).</summary>
    public int WarningExamples { get; init; } = 100;
}

/// <summary>What a JobTech import did (or, in a dry run, would have done).</summary>
public sealed record JobTechImportResult(
    JobTechFileLayout Layout,
    int Ads,
    int Created,
    int Updated,
    int OrganisationsCreated,
    int SitesCreated,
    IReadOnlyList<ImportError> Rejected,
    int WarningCount,
    IReadOnlyList<ImportError> Warnings,
    bool DryRun,
    TimeSpan Elapsed);

/// <summary>
/// Imports JobTech ads as needs in one transaction, in batches: creates or updates each need by its
/// <see cref="Need.ExternalId"/>, creates missing organisations (by organisation number) and their sites. Ads
/// without a valid organisation number or a known occupation are listed in <see cref="JobTechImportResult.Rejected"/>;
/// a malformed file (<see cref="ImportFileException"/>) rolls everything back.
/// </summary>
public sealed class JobTechImporter(KompetensbronDbContext db, JobTechAdMapper mapper, TimeProvider time)
{
    // Sites closer than this (in degrees, ≈ 500 m) are the same workplace.
    private const double SameSiteDegrees = 0.005;

    private readonly Dictionary<string, OrganisationState> _organisations = new(StringComparer.Ordinal);

    public async Task<JobTechImportResult> ImportAsync(
        Stream json, JobTechImportOptions options, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        var clock = Stopwatch.StartNew();
        var totals = new Totals(options.WarningExamples);
        var reader = new JobTechAdReader(json);
        _organisations.Clear();

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var batch = new List<JobTechAdEntry>(options.BatchSize);
            await foreach (var entry in reader.ReadAsync(cancellationToken))
            {
                batch.Add(entry);
                if (batch.Count == options.BatchSize)
                {
                    await SaveBatchAsync(batch, totals, cancellationToken);
                    progress?.Report(totals.Ads);
                    batch.Clear();
                }
            }

            await SaveBatchAsync(batch, totals, cancellationToken);
            progress?.Report(totals.Ads);
            if (options.DryRun)
            {
                await transaction.RollbackAsync(cancellationToken);
            }
            else
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        return new JobTechImportResult(
            reader.Layout, totals.Ads, totals.Created, totals.Updated, totals.OrganisationsCreated, totals.SitesCreated,
            totals.Rejected, totals.WarningCount, totals.Warnings, options.DryRun, clock.Elapsed);
    }

    private async Task SaveBatchAsync(List<JobTechAdEntry> batch, Totals totals, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        totals.Ads += batch.Count;
        var now = time.GetUtcNow();

        // Recognising skills in the text is the costly part of mapping: spread it over the cores, keep the order.
        var mappings = batch.AsParallel().AsOrdered().WithCancellation(cancellationToken).Select(e => mapper.Map(e, now)).ToList();

        // The same ad twice in a batch (a stream of updates): the last one wins.
        var needs = new Dictionary<string, JobTechNeed>(StringComparer.Ordinal);
        foreach (var mapping in mappings)
        {
            totals.AddWarnings(mapping.Warnings);
            if (mapping.Rejection is { } rejection)
            {
                totals.Rejected.Add(rejection);
            }
            else
            {
                needs[mapping.Need!.Need.ExternalId!] = mapping.Need;
            }
        }

        await ResolveOrganisationsAsync(needs.Values, totals, now, cancellationToken);
        var siteIds = await ResolveSitesAsync(needs.Values, totals, cancellationToken);

        var externalIds = needs.Keys.ToList();
        var stored = await db.Needs.Where(n => externalIds.Contains(n.ExternalId!)).ToDictionaryAsync(n => n.ExternalId!, StringComparer.Ordinal, cancellationToken);
        foreach (var (externalId, imported) in needs)
        {
            var need = imported.Need;
            need.OrganisationId = _organisations[imported.OrganisationNumber].Id;
            need.SiteId = siteIds.GetValueOrDefault(imported);
            if (stored.TryGetValue(externalId, out var existing))
            {
                ImportUpdates.CopyNeed(need, existing);
                ImportUpdates.Sync(db, existing.Skills, need.Skills, s => s.SkillId, (from, to) =>
                {
                    to.IsRequired = from.IsRequired;
                    to.Importance = from.Importance;
                    to.Source = from.Source;
                }, s => s.NeedId = existing.Id);
                totals.Updated++;
            }
            else
            {
                db.Needs.Add(need);
                totals.Created++;
            }
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Finds the batch's organisations (cached across batches) and creates the missing ones; names of existing ones are kept.</summary>
    private async Task ResolveOrganisationsAsync(IEnumerable<JobTechNeed> needs, Totals totals, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var unknown = needs.Select(n => n.OrganisationNumber).Where(n => !_organisations.ContainsKey(n)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count == 0)
        {
            return;
        }

        var found = await db.Organisations.AsNoTracking().Where(o => unknown.Contains(o.OrganisationNumber))
            .Select(o => new { o.Id, o.OrganisationNumber }).ToListAsync(cancellationToken);
        var foundIds = found.Select(o => o.Id).ToList();
        var sites = (await db.Sites.AsNoTracking().Where(s => foundIds.Contains(s.OrganisationId)).ToListAsync(cancellationToken))
            .ToLookup(s => s.OrganisationId);
        foreach (var organisation in found)
        {
            _organisations[organisation.OrganisationNumber] = new OrganisationState(organisation.Id, [.. sites[organisation.Id]]);
        }

        var created = new List<Organisation>();
        foreach (var need in needs.Where(n => !_organisations.ContainsKey(n.OrganisationNumber)).DistinctBy(n => n.OrganisationNumber))
        {
            // The ads are published by Arbetsförmedlingen and imported by a coordinator: their employers are approved.
            created.Add(new Organisation
            {
                Kind = OrganisationKind.Employer,
                Name = need.OrganisationName,
                OrganisationNumber = need.OrganisationNumber,
                IsApproved = true,
                CreatedAt = now,
            });
        }

        if (created.Count > 0)
        {
            db.Organisations.AddRange(created);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var organisation in created)
            {
                _organisations[organisation.OrganisationNumber] = new OrganisationState(organisation.Id, []);
            }

            totals.OrganisationsCreated += created.Count;
        }
    }

    /// <summary>The stored site of each need's workplace: an organisation's site in the same municipality within ≈ 500 m, or a new one.</summary>
    private async Task<Dictionary<JobTechNeed, int>> ResolveSitesAsync(IEnumerable<JobTechNeed> needs, Totals totals, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<JobTechNeed, Site>();
        var created = new List<Site>();
        foreach (var need in needs)
        {
            if (need.Site is not { } wanted)
            {
                continue;
            }

            var organisation = _organisations[need.OrganisationNumber];
            var site = organisation.Sites.FirstOrDefault(s => s.MunicipalityCode == wanted.MunicipalityCode
                && Math.Abs(s.Latitude - wanted.Latitude) < SameSiteDegrees && Math.Abs(s.Longitude - wanted.Longitude) < SameSiteDegrees);
            if (site is null)
            {
                site = wanted;
                site.OrganisationId = organisation.Id;
                organisation.Sites.Add(site);
                created.Add(site);
            }

            resolved[need] = site;
        }

        if (created.Count > 0)
        {
            db.Sites.AddRange(created);
            await db.SaveChangesAsync(cancellationToken);
            totals.SitesCreated += created.Count;
        }

        return resolved.ToDictionary(p => p.Key, p => p.Value.Id);
    }

    private sealed record OrganisationState(int Id, List<Site> Sites);

    private sealed class Totals(int warningExamples)
    {
        public int Ads { get; set; }
        public int Created { get; set; }
        public int Updated { get; set; }
        public int OrganisationsCreated { get; set; }
        public int SitesCreated { get; set; }
        public List<ImportError> Rejected { get; } = [];
        public int WarningCount { get; private set; }
        public List<ImportError> Warnings { get; } = [];

        public void AddWarnings(IReadOnlyList<ImportError> warnings)
        {
            WarningCount += warnings.Count;
            Warnings.AddRange(warnings.Take(warningExamples - Warnings.Count));
        }
    }
}
