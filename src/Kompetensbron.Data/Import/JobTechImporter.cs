using System.Diagnostics;
using System.Threading.Channels;
using Kompetensbron.Core.Import;
using Kompetensbron.Core.Import.JobTech;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Data.ChangeLog;
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

    /// <summary>
    /// When set, only ads of this organisation number are imported (an organisation member importing their own ads);
    /// ads of other employers are rejected and listed.
    /// </summary>
    public string? OrganisationNumber { get; init; }

    /// <summary>
    /// Let an ad move a stored need to the organisation the ad now names (an operator's decision, <c>--allow-owner-change</c>).
    /// Otherwise such an ad is rejected and the other organisation's need is left as it is.
    /// </summary>
    public bool AllowOwnerChange { get; init; }

    /// <summary>How needs are written; <see cref="JobTechWriter.ChangeTracker"/> is the slower reference the bench compares with.</summary>
    public JobTechWriter Writer { get; init; } = JobTechWriter.Bulk;
}

/// <summary>How a JobTech import writes its needs. Both give the same rows (a test compares them).</summary>
public enum JobTechWriter
{
    /// <summary>Prepared multi-row INSERTs and UPDATEs straight to the tables (<see cref="TableWriter{T}"/>).</summary>
    Bulk,

    /// <summary>EF Core's change tracker and <c>SaveChanges</c>, one batch at a time.</summary>
    ChangeTracker,
}

/// <summary>Where a JobTech import spent its time (wall clock of each stage; the stages overlap).</summary>
public sealed record JobTechImportPhases(TimeSpan Reading, TimeSpan Mapping, TimeSpan Writing, TimeSpan Committing);

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
    TimeSpan Elapsed)
{
    /// <summary>Time per stage; null when not measured.</summary>
    public JobTechImportPhases? Phases { get; init; }

    /// <summary>How many of <see cref="Rejected"/> were ads whose need belongs to another organisation.</summary>
    public int OwnerChangesRefused { get; init; }
}

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

    private string? _scope;
    private bool _allowOwnerChange;
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
        _scope = options.OrganisationNumber;
        _allowOwnerChange = options.AllowOwnerChange;
        var timing = new StageTimes();
        _organisations.Clear();

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task? stages = null;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await using var writer = options.Writer == JobTechWriter.Bulk ? await NeedWriter.OpenAsync(db, cancellationToken) : null;
            var now = time.GetUtcNow();

            // Reading, mapping (recognition, on all cores) and writing overlap; bounded channels keep at most a few
            // batches in memory and keep their order, so "the last of the same ad wins" still holds.
            var read = Channel.CreateBounded<List<JobTechAdEntry>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
            var mapped = Channel.CreateBounded<List<JobTechMapping>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
            stages = Task.WhenAll(
                Task.Run(() => ReadAsync(reader, options.BatchSize, read.Writer, timing, stop.Token), stop.Token),
                Task.Run(() => MapAsync(read.Reader, mapped.Writer, now, timing, stop.Token), stop.Token));

            try
            {
                await foreach (var batch in mapped.Reader.ReadAllAsync(stop.Token))
                {
                    var started = Stopwatch.GetTimestamp();
                    if (writer is null)
                    {
                        await SaveBatchWithChangeTrackerAsync(batch, totals, now, stop.Token);
                    }
                    else
                    {
                        await SaveBatchAsync(batch, writer, totals, now, stop.Token);
                    }

                    timing.Writing += Stopwatch.GetElapsedTime(started);
                    progress?.Report(totals.Ads);
                }
            }
            catch (Exception) when (!stages.IsCompletedSuccessfully)
            {
                // A failed stage completes its channel with the error: report that error, not the channel's.
                await stop.CancelAsync();
                await stages;
                throw;
            }

            await stages;
            var committing = Stopwatch.GetTimestamp();
            if (options.DryRun)
            {
                await transaction.RollbackAsync(cancellationToken);
            }
            else
            {
                await transaction.CommitAsync(cancellationToken);
            }

            timing.Committing = Stopwatch.GetElapsedTime(committing);
        }
        finally
        {
            if (stages is { IsCompleted: false })
            {
                await stop.CancelAsync();
                await Task.WhenAny(stages);
            }

            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        return new JobTechImportResult(
            reader.Layout, totals.Ads, totals.Created, totals.Updated, totals.OrganisationsCreated, totals.SitesCreated,
            totals.Rejected, totals.WarningCount, totals.Warnings, options.DryRun, clock.Elapsed)
        {
            Phases = new JobTechImportPhases(timing.Reading, timing.Mapping, timing.Writing, timing.Committing),
            OwnerChangesRefused = totals.OwnerChangesRefused,
        };
    }

    private static async Task ReadAsync(JobTechAdReader reader, int batchSize, ChannelWriter<List<JobTechAdEntry>> output, StageTimes timing, CancellationToken cancellationToken)
    {
        try
        {
            var batch = new List<JobTechAdEntry>(batchSize);
            var started = Stopwatch.GetTimestamp();
            await foreach (var entry in reader.ReadAsync(cancellationToken))
            {
                batch.Add(entry);
                if (batch.Count == batchSize)
                {
                    timing.Reading += Stopwatch.GetElapsedTime(started);
                    await output.WriteAsync(batch, cancellationToken);
                    batch = new List<JobTechAdEntry>(batchSize);
                    started = Stopwatch.GetTimestamp();
                }
            }

            timing.Reading += Stopwatch.GetElapsedTime(started);
            if (batch.Count > 0)
            {
                await output.WriteAsync(batch, cancellationToken);
            }

            output.Complete();
        }
        catch (Exception e)
        {
            output.Complete(e);
            throw;
        }
    }

    private async Task MapAsync(ChannelReader<List<JobTechAdEntry>> input, ChannelWriter<List<JobTechMapping>> output, DateTimeOffset now, StageTimes timing, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var batch in input.ReadAllAsync(cancellationToken))
            {
                var started = Stopwatch.GetTimestamp();

                // Recognising skills in the text is the costly part of mapping: spread it over the cores, keep the order.
                var mappings = batch.AsParallel().AsOrdered().WithCancellation(cancellationToken).Select(e => mapper.Map(e, now)).ToList();
                timing.Mapping += Stopwatch.GetElapsedTime(started);
                await output.WriteAsync(mappings, cancellationToken);
            }

            output.Complete();
        }
        catch (Exception e)
        {
            output.Complete(e);
            throw;
        }
    }

    /// <summary>The batch's needs by external id (the same ad twice in a batch, a stream of updates: the last one wins), its rejections counted.</summary>
    private Dictionary<string, JobTechNeed> Needs(List<JobTechMapping> mappings, Totals totals)
    {
        totals.Ads += mappings.Count;
        var needs = new Dictionary<string, JobTechNeed>(StringComparer.Ordinal);
        foreach (var mapping in mappings)
        {
            totals.AddWarnings(mapping.Warnings);
            if (mapping.Rejection is { } rejection)
            {
                totals.Rejected.Add(rejection);
            }
            else if (_scope is not null && mapping.Need!.OrganisationNumber != _scope)
            {
                totals.Rejected.Add(new ImportError(mapping.Need.Ad.Number, "employer.organization_number",
                    $"Annonsen gäller organisationsnummer {mapping.Need.OrganisationNumber}; du kan bara importera din egen organisations annonser.",
                    $"The ad is for organisation number {mapping.Need.OrganisationNumber}; you can only import your own organisation's ads.") { RecordId = mapping.Need.Ad.Id });
            }
            else
            {
                needs[mapping.Need!.Need.ExternalId!] = mapping.Need;
            }
        }

        return needs;
    }

    /// <summary>
    /// The batch's needs by external id, with their organisations and sites found or created. Both writers start
    /// here, so the rules on which ads may be written (<see cref="Needs"/>, <see cref="RefuseOwnerChangesAsync"/>) hold for both.
    /// </summary>
    private async Task<Dictionary<string, Need>> PrepareAsync(List<JobTechMapping> mappings, Totals totals, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var needs = Needs(mappings, totals);
        await RefuseOwnerChangesAsync(needs, totals, cancellationToken);
        if (needs.Count == 0)
        {
            return [];
        }

        await ResolveOrganisationsAsync(needs.Values, totals, now, cancellationToken);
        var siteIds = await ResolveSitesAsync(needs.Values, totals, cancellationToken);
        var prepared = new Dictionary<string, Need>(needs.Count, StringComparer.Ordinal);
        foreach (var (externalId, imported) in needs)
        {
            var need = imported.Need;
            need.OrganisationId = _organisations[imported.OrganisationNumber].Id;
            need.SiteId = siteIds.TryGetValue(imported, out var siteId) ? siteId : null; // an ad without a workplace has no site (not site 0)
            prepared[externalId] = need;
        }

        return prepared;
    }

    /// <summary>
    /// Writes a batch with <see cref="TableWriter{T}"/>: new needs and all their skills as multi-row INSERTs; a need
    /// already stored (by external id) gets every field rewritten (<see cref="ImportUpdates.CopyNeed"/>) and its
    /// skills replaced, which leaves the same rows as <see cref="ImportUpdates.Sync{T}"/>.
    /// </summary>
    private async Task SaveBatchAsync(List<JobTechMapping> mappings, NeedWriter writer, Totals totals, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var needs = await PrepareAsync(mappings, totals, now, cancellationToken);
        if (needs.Count == 0)
        {
            return;
        }

        var externalIds = needs.Keys.ToList();
        var stored = await db.Needs.AsNoTracking().IgnoreAutoIncludes().Where(n => externalIds.Contains(n.ExternalId!))
            .ToDictionaryAsync(n => n.ExternalId!, StringComparer.Ordinal, cancellationToken);
        var created = new List<Need>(needs.Count);
        var updated = new List<Need>();
        foreach (var (externalId, need) in needs)
        {
            if (stored.TryGetValue(externalId, out var existing))
            {
                ImportUpdates.CopyNeed(need, existing);
                existing.Skills = need.Skills;
                existing.Version++; // written past the change tracker: an editor with the old version gets a conflict
                updated.Add(existing);
            }
            else
            {
                created.Add(need);
            }
        }

        if (updated.Count > 0)
        {
            var updatedIds = updated.Select(n => n.Id).ToList();
            await db.Set<NeedSkill>().Where(s => updatedIds.Contains(s.NeedId)).ExecuteDeleteAsync(cancellationToken);
            await writer.Needs.UpdateAsync(updated, cancellationToken);
        }

        await writer.Needs.InsertAsync(created, cancellationToken);
        var skills = new List<NeedSkill>();
        foreach (var need in updated.Concat(created))
        {
            foreach (var skill in need.Skills)
            {
                skill.NeedId = need.Id;
                skills.Add(skill);
            }
        }

        await writer.Skills.InsertAsync(skills, cancellationToken);

        // Written past the change tracker, so the change sequence is told here (other instances follow it).
        await ChangeSequence.RecordAsync(db, updated.Concat(created).Select(n => (ChangedEntity.Need, n.Id)), cancellationToken);
        totals.Created += created.Count;
        totals.Updated += updated.Count;
    }

    /// <summary>The reference writer: EF Core's change tracker, one <c>SaveChanges</c> per batch.</summary>
    private async Task SaveBatchWithChangeTrackerAsync(List<JobTechMapping> mappings, Totals totals, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var needs = await PrepareAsync(mappings, totals, now, cancellationToken);
        if (needs.Count == 0)
        {
            return;
        }

        var externalIds = needs.Keys.ToList();
        var stored = await db.Needs.Where(n => externalIds.Contains(n.ExternalId!)).ToDictionaryAsync(n => n.ExternalId!, StringComparer.Ordinal, cancellationToken);
        foreach (var (externalId, need) in needs)
        {
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

    /// <summary>
    /// A re-import updates only needs of the organisation the ad names: an ad whose id is already a need of another
    /// organisation is rejected, and that need is left as it is (before any organisation or site is created for the
    /// ad), unless the operator allowed owner changes. Otherwise anyone could take over another organisation's need by
    /// importing an ad with its id.
    /// </summary>
    private async Task RefuseOwnerChangesAsync(Dictionary<string, JobTechNeed> needs, Totals totals, CancellationToken cancellationToken)
    {
        if (_allowOwnerChange || needs.Count == 0)
        {
            return;
        }

        var externalIds = needs.Keys.ToList();
        var owners = await db.Needs.AsNoTracking().IgnoreAutoIncludes()
            .Where(n => externalIds.Contains(n.ExternalId!))
            .Join(db.Organisations, n => n.OrganisationId, o => o.Id, (n, o) => new { n.ExternalId, o.OrganisationNumber })
            .ToListAsync(cancellationToken);
        foreach (var owner in owners)
        {
            var imported = needs[owner.ExternalId!];
            if (owner.OrganisationNumber == imported.OrganisationNumber)
            {
                continue;
            }

            totals.Rejected.Add(new ImportError(imported.Ad.Number, "id",
                $"Annonsen {imported.Ad.Id} finns redan som ett behov hos en annan organisation. Behovet ändras inte: en import uppdaterar bara behov som organisationen i annonsen ({imported.OrganisationNumber}) själv äger.",
                $"Ad {imported.Ad.Id} is already a need of another organisation. That need is left unchanged: an import updates only needs owned by the organisation the ad names ({imported.OrganisationNumber}).")
            {
                RecordId = imported.Ad.Id,
            });
            totals.OwnerChangesRefused++;
            needs.Remove(owner.ExternalId!);
        }
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

    /// <summary>The two tables a JobTech import fills in bulk.</summary>
    private sealed class NeedWriter(KompetensbronDbContext db) : IAsyncDisposable
    {
        // SQLite's page cache (2 MB by default) is far smaller than the indexes a large import grows; for the import's
        // connection only, 64 MB, set back afterwards (the connection goes back to the pool).
        private const string LargeCache = "PRAGMA cache_size = -65536";
        private const string DefaultCache = "PRAGMA cache_size = -2000";

        public static async Task<NeedWriter> OpenAsync(KompetensbronDbContext db, CancellationToken cancellationToken)
        {
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync(LargeCache, cancellationToken);
            }

            return new NeedWriter(db);
        }

        // Microsoft.Data.Sqlite binds each parameter by a name search in the statement (quadratic in its parameters), so
        // SQLite gets short statements; PostgreSQL long ones, to save round trips.
        public TableWriter<Need> Needs { get; } = new(db, rowsPerStatement: db.Database.IsSqlite() ? 16 : 200, returnedBy: nameof(Need.ExternalId));
        public TableWriter<NeedSkill> Skills { get; } = new(db, rowsPerStatement: db.Database.IsSqlite() ? 32 : 1000);

        public async ValueTask DisposeAsync()
        {
            await Needs.DisposeAsync();
            await Skills.DisposeAsync();
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync(DefaultCache);
            }
        }
    }

    /// <summary>Wall-clock time per stage; each field is written by one stage's thread only.</summary>
    private sealed class StageTimes
    {
        public TimeSpan Reading { get; set; }
        public TimeSpan Mapping { get; set; }
        public TimeSpan Writing { get; set; }
        public TimeSpan Committing { get; set; }
    }

    private sealed class Totals(int warningExamples)
    {
        public int Ads { get; set; }
        public int Created { get; set; }
        public int Updated { get; set; }
        public int OrganisationsCreated { get; set; }
        public int SitesCreated { get; set; }
        public int OwnerChangesRefused { get; set; }
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
