using System.Diagnostics;
using System.Globalization;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Insights;
using Kompetensbron.Core.Insights.Reports;
using Kompetensbron.Core.Matching;
using Kompetensbron.Core.Matching.Scale;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Programmes;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Core.Workforce;
using Kompetensbron.Data;
using Kompetensbron.Data.ChangeLog;
using Kompetensbron.Data.Insights;
using Kompetensbron.Data.Invitations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Cli.Insights;

/// <summary>What the insights cost with the database: reading the input, and a request with and without the cache.</summary>
internal sealed record DatabaseFigures(
    double LoadMs,
    double LoadCpuMs,
    double UncachedDashboardMs,
    double FirstAfterChangeMs,
    double FirstAfterChangeLoadMs,
    double FirstAfterChangeCpuMs,
    double CachedDashboardMs,
    double CachedInputDashboardMs,
    double VersionMs,
    double WriteSeconds,
    long ChangeLogEntries,
    int HiresStored);

/// <summary>
/// The database half of <c>bench insights</c>: the generated needs, profiles, workforce, programmes and some hires
/// written to a fresh temporary SQLite database (through EF Core, so the change sequence is written as in use),
/// then each request shape timed in one process, a fresh scope and context per request as in the web app:
/// <list type="bullet">
/// <item>uncached — what every request did before the cache: read everything, compute the dashboard;</item>
/// <item>first after a change — a need is saved, then one request: version query, read, compute;</item>
/// <item>cached — the same request again: version query, then the stored view;</item>
/// <item>cached input — a view not asked for before: version query, compute from the stored input.</item>
/// </list>
/// </summary>
internal static class InsightsDatabaseBench
{
    private const int EntitiesPerSave = 5000;

    public static async Task<DatabaseFigures?> RunAsync(
        CliConsole console, ScaleData scale, InsightsInput generated, MatchIndex index, TaxonomyModel taxonomy, GeographyModel geography,
        int runs, DateOnly today, TextWriter? progress, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("kb-bench-insights-");
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["Database:ConnectionString"] = Path.Combine(folder.FullName, "insights.db"),
            }).Build();
            DatabaseFigures? figures = null;
            var code = await CliServices.RunAsync(configuration, console, async (services, token) =>
            {
                var clock = Stopwatch.StartNew();
                var hires = await WriteAsync(services, scale, generated, taxonomy, today, token);
                var writeSeconds = clock.Elapsed.TotalSeconds;
                long entries;
                await using (var scope = services.CreateAsyncScope())
                {
                    entries = (await ChangeSequence.VersionAsync(scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>(), token)).Count;
                }

                progress?.WriteLine(Invariant($"database: written to SQLite in {writeSeconds:F1} s ({entries:N0} change-sequence entries, {hires:N0} hires)"));
                figures = await MeasureAsync(services, index, taxonomy, geography, runs, today, token) with
                {
                    WriteSeconds = Math.Round(writeSeconds, 1),
                    ChangeLogEntries = entries,
                    HiresStored = hires,
                };
                return 0;
            }, ct);
            return code == 0 ? figures : null;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<DatabaseFigures> MeasureAsync(
        IServiceProvider services, MatchIndex index, TaxonomyModel taxonomy, GeographyModel geography, int runs, DateOnly today, CancellationToken ct)
    {
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var reach = index.ReachableProfiles();
        using var cache = new InsightsInputCache(taxonomy);
        ReportDocument Dashboard(InsightsInput input) => InsightsReport.Build(
            InsightsCalculator.Compute(input with { ReachableProfileIds = reach }, InsightsSettings.Default, InsightsFilter.All, 5),
            taxonomy, geography, ReportLanguage.Swedish, null, today);
        var view = new object();

        // One request through the cache, as InsightsDashboard serves it.
        async Task<ReportDocument> RequestAsync(object key)
        {
            await using var scope = scopes.CreateAsyncScope();
            var snapshot = await cache.GetAsync(scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>(), today, ct);
            return snapshot.Result((key, reach), Dashboard);
        }

        // Before the cache: every request read everything (the first run warms up the code and is left out).
        // Process CPU time beside wall time: on a shared machine it moves far less.
        var process = Process.GetCurrentProcess();
        TimeSpan Cpu()
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }

        var loads = new List<double>();
        var loadCpu = new List<double>();
        var uncached = new List<double>();
        for (var run = 0; run <= runs; run++)
        {
            var cpu = Cpu();
            var watch = Stopwatch.StartNew();
            await using var scope = scopes.CreateAsyncScope();
            var input = await InsightsLoader.LoadAsync(scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>(), taxonomy, today, null, ct);
            var load = watch.Elapsed.TotalMilliseconds;
            var loadCpuMs = (Cpu() - cpu).TotalMilliseconds;
            GC.KeepAlive(Dashboard(input));
            if (run > 0)
            {
                loads.Add(load);
                loadCpu.Add(loadCpuMs);
                uncached.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var versions = new List<double>();
        for (var run = 0; run <= runs; run++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            await ChangeSequence.VersionAsync(scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>(), ct);
            if (run > 0)
            {
                versions.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        // Each run: a need is saved (not timed), then the next request reads and computes; then the same request again.
        var firsts = new List<double>();
        var firstCpu = new List<double>();
        var firstLoads = new List<double>();
        var cached = new List<double>();
        var cachedInput = new List<double>();
        await RequestAsync(view);
        for (var run = 0; run < runs; run++)
        {
            await SaveANeedAsync(scopes, run, ct);
            var cpu = Cpu();
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(await RequestAsync(view));
            firsts.Add(watch.Elapsed.TotalMilliseconds);
            firstCpu.Add((Cpu() - cpu).TotalMilliseconds);
            await using (var scope = scopes.CreateAsyncScope())
            {
                firstLoads.Add((await cache.GetAsync(scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>(), today, ct)).LoadTime.TotalMilliseconds);
            }

            for (var again = 0; again < 5; again++)
            {
                watch.Restart();
                GC.KeepAlive(await RequestAsync(view));
                cached.Add(watch.Elapsed.TotalMilliseconds);
            }

            watch.Restart();
            GC.KeepAlive(await RequestAsync(new object()));
            cachedInput.Add(watch.Elapsed.TotalMilliseconds);
        }

        return new DatabaseFigures(
            Median(loads), Median(loadCpu), Median(uncached), Median(firsts), Median(firstLoads), Median(firstCpu), Median(cached), Median(cachedInput), Median(versions), 0, 0, 0);
    }

    /// <summary>A new open need at the first employer, saved as the need form saves it (the change sequence moves).</summary>
    private static async Task SaveANeedAsync(IServiceScopeFactory scopes, int run, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var template = await db.Needs.AsNoTracking().OrderBy(n => n.Id).FirstAsync(ct);
        db.Needs.Add(new Need
        {
            OrganisationId = template.OrganisationId,
            SiteId = template.SiteId,
            Title = Invariant($"Ändring {run + 1}"),
            OccupationId = template.OccupationId,
            Status = NeedStatus.Open,
            CreatedAt = TimeProvider.System.GetUtcNow(),
            UpdatedAt = TimeProvider.System.GetUtcNow(),
            Skills = [.. template.Skills.Select(s => new NeedSkill { SkillId = s.SkillId, IsRequired = s.IsRequired, Importance = s.Importance })],
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The generated data as stored records: employers of about 25 needs each with one site in the needs'
    /// municipality, the generated workforce at an employer in its municipality, providers at their first
    /// programme's place, and a hire for every 20th need. Needs and profiles keep their generated ids, so the match
    /// index's reach set names the stored profiles. Returns the number of hires.
    /// </summary>
    private static async Task<int> WriteAsync(
        IServiceProvider services, ScaleData scale, InsightsInput generated, TaxonomyModel taxonomy, DateOnly today, CancellationToken ct)
    {
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var now = TimeProvider.System.GetUtcNow();
        var number = 5_500_000_000L;
        Organisation NewOrganisation(OrganisationKind kind, string name, string municipality, GeoPoint place) => new()
        {
            Kind = kind,
            Name = name,
            OrganisationNumber = (number++).ToString(CultureInfo.InvariantCulture),
            IsApproved = true,
            CreatedAt = now,
            Sites = [new Site { Name = "Huvudkontoret", MunicipalityCode = municipality, Latitude = place.Latitude, Longitude = place.Longitude }],
        };

        var employers = scale.Needs.GroupBy(n => n.MunicipalityCode, StringComparer.Ordinal)
            .SelectMany(g => g.Chunk(25).Select((needs, i) => (Municipality: g.Key, Needs: needs,
                Organisation: NewOrganisation(OrganisationKind.Employer, Invariant($"Arbetsgivare {g.Key}-{i + 1}"), g.Key, needs[0].Location))))
            .ToList();
        var firstPlace = scale.Needs[0].Location;
        var providers = generated.Programmes.GroupBy(p => p.ProviderId)
            .ToDictionary(g => g.Key, g => NewOrganisation(OrganisationKind.EducationProvider, g.First().ProviderName, g.First().MunicipalityCode, firstPlace));
        await SaveAsync(scopes, [.. employers.Select(e => e.Organisation), .. providers.Values], ct);

        var employerOf = new Dictionary<int, Organisation>();
        foreach (var (_, needs, organisation) in employers)
        {
            foreach (var need in needs)
            {
                employerOf[need.Id] = organisation;
            }
        }

        await SaveAsync(scopes, scale.Needs.Select(n => (object)new Need
        {
            Id = n.Id,
            OrganisationId = employerOf[n.Id].Id,
            SiteId = employerOf[n.Id].Sites[0].Id,
            Kind = n.Kind,
            Title = Invariant($"Behov {n.Id}"),
            OccupationId = n.OccupationId,
            Licences = [.. n.Licences],
            MinimumSwedishLevel = n.MinimumSwedishLevel,
            StartDate = n.StartDate,
            Status = NeedStatus.Open,
            CreatedAt = now,
            UpdatedAt = now,
            Skills = [.. n.Skills.Select(s => new NeedSkill { SkillId = s.SkillId, IsRequired = s.IsRequired, Importance = s.Importance })],
        }), ct);

        // Gender and target group as the in-memory input drew them, so both halves of the bench count the same people.
        var supply = generated.Profiles.ToDictionary(p => p.ProfileId);
        await SaveAsync(scopes, scale.Profiles.Select(p => (object)new Profile
        {
            Id = p.Id,
            DisplayName = Invariant($"Person {p.Id}"),
            MunicipalityCode = p.MunicipalityCode,
            Latitude = p.Location.Latitude,
            Longitude = p.Location.Longitude,
            MaxCommuteMinutes = p.MaxCommuteMinutes,
            CommuteMode = p.CommuteMode,
            AvailableFrom = p.AvailableFrom,
            Gender = supply[p.Id].Gender,
            TargetGroup = supply[p.Id].TargetGroup,
            Licences = [.. p.Licences],
            CreatedAt = now,
            UpdatedAt = now,
            Visibility = p.IsVisibleToEmployers ? ProfileVisibility.PseudonymousToApprovedEmployers : ProfileVisibility.Hidden,
            Skills = [.. p.Skills.Select(s => new ProfileSkill { SkillId = s.SkillId, Level = s.Level })],
            Occupations = [.. p.Occupations.Select(o => new ProfileOccupation { OccupationId = o.OccupationId, Years = o.Years })],
        }), ct);

        var employerIn = employers.GroupBy(e => e.Municipality, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Organisation.Id, StringComparer.Ordinal);
        var anyEmployer = employers[0].Organisation.Id;
        await SaveAsync(scopes, generated.Workforce.Select(w => (object)new WorkforceCohort
        {
            OrganisationId = employerIn.GetValueOrDefault(w.MunicipalityCode, anyEmployer),
            OccupationId = taxonomy.OccupationsInSsyk4(w.Ssyk4Id)[0].Id,
            AgeFrom = w.AgeFrom,
            AgeTo = w.AgeTo,
            Gender = w.Gender,
            Count = w.Count,
        }), ct);

        await SaveAsync(scopes, generated.Programmes.Select((p, i) => (object)new Programme
        {
            ProviderId = providers[p.ProviderId].Id,
            Title = p.Title,
            Level = i % 3 == 0 ? ProgrammeLevel.Yh : ProgrammeLevel.Komvux,
            SkillIds = [.. p.SkillIds],
            Seats = p.Seats,
            LengthWeeks = p.LengthWeeks,
            StartDates = [.. p.StartDates],
            CreatedAt = now,
            UpdatedAt = now,
        }), ct);

        var hires = scale.Needs.Where(n => n.Id % 20 == 0).Select(n => new Invitation
        {
            NeedId = n.Id,
            ProfileId = 1 + (n.Id % scale.Profiles.Count),
            OrganisationId = employerOf[n.Id].Id,
            Status = InvitationStatus.Hired,
            CreatedAt = now,
            UpdatedAt = now,
        }).ToList();
        await SaveAsync(scopes, hires, ct);
        GC.KeepAlive(today);
        return hires.Count;
    }

    /// <summary>Adds in batches, each in its own context (a small change tracker), through the ordinary <c>SaveChanges</c>.</summary>
    private static async Task SaveAsync(IServiceScopeFactory scopes, IEnumerable<object> entities, CancellationToken ct)
    {
        foreach (var batch in entities.Chunk(EntitiesPerSave))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.AddRange(batch);
            await db.SaveChangesAsync(ct);
        }
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count == 0 ? 0 : Math.Round(values[values.Count / 2], 1);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
