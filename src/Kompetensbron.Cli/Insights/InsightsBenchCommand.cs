using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Serialization;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Insights;
using Kompetensbron.Core.Insights.Reports;
using Kompetensbron.Core.Matching;
using Kompetensbron.Core.Matching.Scale;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Taxonomy;

namespace Kompetensbron.Cli.Insights;

/// <summary>
/// <c>bench insights</c>: the coordinator dashboard (every table, whole data set and one municipality) on the
/// matching bench's generated data — county scale (10,000 needs, 50,000 profiles) by default, national scale
/// (100,000 needs, 1,000,000 profiles) on request — plus generated workforce cohorts and programmes. The target is
/// 1 s for the full dashboard computation at national scale; with <c>--database sqlite</c> (the default) the data
/// is also stored and the database read and the insights cache are timed (<see cref="InsightsDatabaseBench"/>;
/// targets at county scale: ≤ 500 ms for the first request after a change, ≤ 20 ms cached). Reach per target group comes from the match
/// index's reach counts: counted once when tracking starts (reported apart, like the index build), kept current by
/// every upsert (timed per need change), and read per dashboard as a set copy (inside <c>dashboard_ms</c>).
/// </summary>
internal static class InsightsBenchCommand
{
    private const double BudgetMs = 1000;

    public static Command Build(CliConsole console)
    {
        var scale = new Option<string>("--scale")
        {
            Description = "county: 10,000 needs and 50,000 profiles (20,000 workforce cohorts, 500 programmes); national: 100,000 and 1,000,000.",
            DefaultValueFactory = _ => "county",
        };
        scale.AcceptOnlyFromAmong("county", "national");
        var needs = new Option<int?>("--needs") { Description = "Open needs to generate (overrides --scale)." };
        var profiles = new Option<int?>("--profiles") { Description = "Profiles to generate (overrides --scale)." };
        var runs = new Option<int>("--runs") { Description = "Timed dashboard computations; the median is reported.", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated data.", DefaultValueFactory = _ => 42 };
        var database = new Option<string>("--database")
        {
            Description = "sqlite: also write the data to a temporary SQLite database and time reading it, and requests with and without the insights cache; none: in memory only.",
            DefaultValueFactory = _ => "sqlite",
        };
        database.AcceptOnlyFromAmong("sqlite", "none");
        var json = new Option<bool>("--json") { Description = "Print one JSON object (dashboard_ms is the headline)." };
        var command = new Command("insights", "Time the full insights dashboard on generated data: the computation, reading it from the database, and the cache.")
        {
            scale, needs, profiles, runs, seed, database, json,
        };
        command.SetAction(async (parseResult, ct) =>
        {
            var national = parseResult.GetValue(scale) == "national";
            var needCount = parseResult.GetValue(needs) ?? (national ? 100_000 : 10_000);
            var profileCount = parseResult.GetValue(profiles) ?? (national ? 1_000_000 : 50_000);
            if (needCount < 1 || profileCount < 1 || parseResult.GetValue(runs) < 1)
            {
                return console.Fail("--needs, --profiles and --runs must be at least 1.");
            }

            var report = await RunAsync(console, needCount, profileCount, parseResult.GetValue(runs), parseResult.GetValue(seed),
                parseResult.GetValue(database) == "sqlite", parseResult.GetValue(json) ? null : console.Output, ct);
            if (report is null)
            {
                return 1;
            }

            if (parseResult.GetValue(json))
            {
                console.WriteJson(report);
            }

            return 0;
        });
        return command;
    }

    private static async Task<BenchReport?> RunAsync(
        CliConsole console, int needCount, int profileCount, int runs, int seed, bool withDatabase, TextWriter? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var taxonomy = TaxonomyModel.LoadEmbedded();
        var geography = GeographyModel.LoadEmbedded();
        var today = new DateOnly(2026, 1, 15);
        var model = MatchModel.Create(taxonomy);
        var scale = NationalScaleGenerator.Generate(model, geography, needCount, profileCount, seed, today);
        var input = ToInsightsInput(scale, taxonomy, geography, seed, today);
        var generateSeconds = clock.Elapsed.TotalSeconds;
        progress?.WriteLine(Invariant($"generated {input.Needs.Count:N0} needs, {input.Profiles.Count:N0} profiles, {input.Workforce.Count:N0} workforce cohorts and {input.Programmes.Count:N0} programmes in {generateSeconds:F1} s"));

        // Reach: the match index over the same needs and profiles, its reach counts started once, then kept by upserts.
        clock.Restart();
        using var index = MatchIndex.Build(model, scale.Needs, scale.Profiles);
        var buildSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        index.TrackReach();
        var trackSeconds = clock.Elapsed.TotalSeconds;
        progress?.WriteLine(Invariant($"match index built in {buildSeconds:F1} s; reach counted for every profile once in {trackSeconds:F1} s"));
        var changed = scale.Needs.Take(Math.Min(200, scale.Needs.Count)).ToList();
        var upserts = changed.Select(need =>
        {
            var watch = Stopwatch.StartNew();
            index.Upsert(need);
            return watch.Elapsed.TotalMilliseconds;
        }).Order().ToList();

        // After changes the next reader makes the shared copy of the reached set; later readers reuse it.
        clock.Restart();
        GC.KeepAlive(index.ReachableProfiles());
        var copyMs = clock.Elapsed.TotalMilliseconds;

        // The dashboard: every table for the whole data set at 5 years, then one municipality (Gnosjö), reach included.
        // Process CPU time is given too: on a shared machine it moves far less than wall time.
        var snapshots = new List<double>();
        var cpu = new List<double>();
        var cpuWithoutReach = new List<double>();
        var process = Process.GetCurrentProcess();
        double Dashboard(InsightsFilter filter, string? municipality, bool withReach = true)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var reachable = withReach ? index.ReachableProfiles() : null;
            if (withReach)
            {
                snapshots.Add(watch.Elapsed.TotalMilliseconds);
            }

            var insights = InsightsCalculator.Compute(input with { ReachableProfileIds = reachable }, InsightsSettings.Default, filter, 5);
            var document = InsightsReport.Build(insights, taxonomy, geography, ReportLanguage.Swedish, municipality, today);
            GC.KeepAlive(document);
            var elapsed = watch.Elapsed.TotalMilliseconds;
            process.Refresh();
            if (municipality is null)
            {
                (withReach ? cpu : cpuWithoutReach).Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            }

            return elapsed;
        }

        var first = Dashboard(InsightsFilter.All, null);
        cpu.Clear();
        var whole = Enumerable.Range(0, runs).Select(_ => Dashboard(InsightsFilter.All, null)).Order().ToList();
        var withoutReach = Enumerable.Range(0, runs).Select(_ => Dashboard(InsightsFilter.All, null, withReach: false)).Order().ToList();
        var gnosjo = Enumerable.Range(0, runs).Select(_ => Dashboard(new InsightsFilter("0617"), "0617")).Order().ToList();
        snapshots.Sort();
        cpu.Sort();
        cpuWithoutReach.Sort();
        var reachable = index.ReachableProfiles().Count;
        DatabaseFigures? stored = null;
        if (withDatabase)
        {
            stored = await InsightsDatabaseBench.RunAsync(console, scale, input, index, taxonomy, geography, runs, today, progress, ct);
            if (stored is null)
            {
                return null;
            }
        }

        var report = new BenchReport(
            DashboardMs: Math.Round(whole[whole.Count / 2], 1),
            DashboardFirstMs: Math.Round(first, 1),
            DashboardCpuMs: Math.Round(cpu[cpu.Count / 2], 1),
            DashboardWithoutReachMs: Math.Round(withoutReach[withoutReach.Count / 2], 1),
            DashboardWithoutReachCpuMs: Math.Round(cpuWithoutReach[cpuWithoutReach.Count / 2], 1),
            MunicipalityDashboardMs: Math.Round(gnosjo[gnosjo.Count / 2], 1),
            BudgetRatio: Math.Round(whole[whole.Count / 2] / BudgetMs, 3),
            Needs: input.Needs.Count,
            Profiles: input.Profiles.Count,
            WorkforceCohorts: input.Workforce.Count,
            Programmes: input.Programmes.Count,
            GenerateSeconds: Math.Round(generateSeconds, 1),
            ReachSnapshotMs: Math.Round(snapshots[snapshots.Count / 2], 1),
            ReachCopyMs: Math.Round(copyMs, 1),
            ReachTrackSeconds: Math.Round(trackSeconds, 1),
            ReachNeedUpsertMs: Math.Round(upserts[upserts.Count / 2], 3),
            ReachNeedUpsertP99Ms: Math.Round(upserts[(int)Math.Min(upserts.Count - 1, Math.Ceiling(upserts.Count * 0.99) - 1)], 3),
            ReachableShare: Math.Round((double)reachable / Math.Max(1, input.Profiles.Count), 3),
            IndexBuildSeconds: Math.Round(buildSeconds, 1),
            Runs: runs,
            Processors: Environment.ProcessorCount,
            LoadMs: stored?.LoadMs,
            LoadCpuMs: stored?.LoadCpuMs,
            UncachedDashboardMs: stored?.UncachedDashboardMs,
            FirstAfterChangeMs: stored?.FirstAfterChangeMs,
            FirstAfterChangeLoadMs: stored?.FirstAfterChangeLoadMs,
            FirstAfterChangeCpuMs: stored?.FirstAfterChangeCpuMs,
            CachedDashboardMs: stored?.CachedDashboardMs,
            CachedInputDashboardMs: stored?.CachedInputDashboardMs,
            CachedRatio: stored is null || stored.UncachedDashboardMs == 0 ? null : Math.Round(stored.CachedDashboardMs / stored.UncachedDashboardMs, 4),
            VersionMs: stored?.VersionMs,
            DatabaseWriteSeconds: stored?.WriteSeconds,
            ChangeLogEntries: stored?.ChangeLogEntries,
            HiresStored: stored?.HiresStored,
            LoadAverage: LoadAverage());
        progress?.WriteLine(Invariant($"full dashboard (whole data set, 5 years): median {report.DashboardMs:F0} ms of {runs} (first {report.DashboardFirstMs:F0} ms), {report.BudgetRatio:P0} of the 1 s budget"));
        progress?.WriteLine(Invariant($"  process CPU time {report.DashboardCpuMs:F0} ms; the same without the reach table {report.DashboardWithoutReachMs:F0} ms ({report.DashboardWithoutReachCpuMs:F0} ms CPU)"));
        progress?.WriteLine(Invariant($"one municipality (Gnosjö): median {report.MunicipalityDashboardMs:F0} ms"));
        progress?.WriteLine(Invariant($"reach: reading the reached set {report.ReachSnapshotMs:F1} ms per dashboard (included above; {report.ReachCopyMs:F0} ms to copy it after a change), a need upsert with reach kept {report.ReachNeedUpsertMs:F2} ms (p99 {report.ReachNeedUpsertP99Ms:F2} ms), {report.ReachableShare:P0} of profiles have a match"));
        if (stored is not null)
        {
            progress?.WriteLine(Invariant($"database (SQLite): reading the input {report.LoadMs:F0} ms ({report.LoadCpuMs:F0} ms CPU); a request without the cache (read + compute) {report.UncachedDashboardMs:F0} ms"));
            progress?.WriteLine(Invariant($"  first request after a change {report.FirstAfterChangeMs:F0} ms (of which reading {report.FirstAfterChangeLoadMs:F0} ms; {report.FirstAfterChangeCpuMs:F0} ms CPU); the same request again {report.CachedDashboardMs:F2} ms ({report.CachedRatio:P2} of uncached), version query {report.VersionMs:F2} ms"));
            progress?.WriteLine(Invariant($"  a view not asked for before, from the cached input: {report.CachedInputDashboardMs:F0} ms"));
        }

        return report;
    }

    /// <summary>
    /// The matching bench's needs and profiles as insights input, plus employers' workforce (an older-skewed age
    /// structure per municipality and occupation group) and programmes teaching the groups' typical skills.
    /// Gender and target group are drawn at random here: the bench measures speed, not the figures.
    /// </summary>
    private static InsightsInput ToInsightsInput(ScaleData scale, TaxonomyModel taxonomy, GeographyModel geography, int seed, DateOnly today)
    {
        var random = new Random(seed);
        var ssyk4Of = taxonomy.Occupations.ToDictionary(o => o.Id, o => o.Ssyk4Id, StringComparer.Ordinal);
        var needs = scale.Needs.Select(n => new DemandNeed(
                ssyk4Of.GetValueOrDefault(n.OccupationId, ""), n.MunicipalityCode, 1,
                n.Skills.Where(s => s.IsRequired).Select(s => s.SkillId).ToList(),
                n.Skills.Where(s => !s.IsRequired).Select(s => s.SkillId).ToList()))
            .ToList();
        var genders = Enum.GetValues<Gender>();
        var groups = Enum.GetValues<TargetGroup>();
        var profiles = scale.Profiles.Select(p => new SupplyProfile(
                p.MunicipalityCode,
                p.Skills.Select(s => s.SkillId).ToList(),
                p.Occupations.Select(o => ssyk4Of.GetValueOrDefault(o.OccupationId, "")).Where(g => g.Length > 0).Distinct().ToList(),
                random.Next(5) == 0 ? null : genders[random.Next(genders.Length)],
                random.Next(3) == 0 ? null : groups[random.Next(groups.Length)])
            {
                ProfileId = p.Id,
            })
            .ToList();

        var occupationGroups = needs.Select(n => n.Ssyk4Id).Where(g => g.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        var municipalities = geography.Municipalities.Select(m => m.Code).ToArray();
        var workforce = new List<WorkforceGroup>(needs.Count * 2);
        for (var i = 0; i < needs.Count * 2; i++)
        {
            var from = 20 + 5 * random.Next(9);
            workforce.Add(new WorkforceGroup(
                occupationGroups[random.Next(occupationGroups.Length)], municipalities[random.Next(municipalities.Length)],
                from, from + 4, random.Next(2) == 0 ? Gender.Man : Gender.Woman, 1 + random.Next(from >= 55 ? 12 : 6)));
        }

        var programmes = new List<ProgrammeOffer>(needs.Count / 20);
        for (var i = 0; i < needs.Count / 20; i++)
        {
            var group = occupationGroups[random.Next(occupationGroups.Length)];
            var skills = taxonomy.SkillsForSsyk4(group).OrderBy(_ => random.Next()).Take(4 + random.Next(10)).Select(s => s.Id).ToList();
            programmes.Add(new ProgrammeOffer(
                i + 1, Invariant($"Utbildning {i + 1}"), 1 + i / 10, Invariant($"Anordnare {1 + i / 10}"), municipalities[random.Next(municipalities.Length)],
                skills, 8 + random.Next(30), 4 + random.Next(80), [today.AddDays(random.Next(365))], group));
        }

        return new InsightsInput(today, needs, workforce, profiles, programmes);
    }

    /// <summary>The machine's load average (1, 5, 15 min) where the OS tells it: figures on a shared machine need it beside them.</summary>
    private static string? LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record BenchReport(
        [property: JsonPropertyName("dashboard_ms")] double DashboardMs,
        [property: JsonPropertyName("dashboard_first_ms")] double DashboardFirstMs,
        [property: JsonPropertyName("dashboard_cpu_ms")] double DashboardCpuMs,
        [property: JsonPropertyName("dashboard_without_reach_ms")] double DashboardWithoutReachMs,
        [property: JsonPropertyName("dashboard_without_reach_cpu_ms")] double DashboardWithoutReachCpuMs,
        [property: JsonPropertyName("municipality_dashboard_ms")] double MunicipalityDashboardMs,
        [property: JsonPropertyName("budget_ratio")] double BudgetRatio,
        [property: JsonPropertyName("needs")] int Needs,
        [property: JsonPropertyName("profiles")] int Profiles,
        [property: JsonPropertyName("workforce_cohorts")] int WorkforceCohorts,
        [property: JsonPropertyName("programmes")] int Programmes,
        [property: JsonPropertyName("generate_seconds")] double GenerateSeconds,
        [property: JsonPropertyName("reach_snapshot_ms")] double ReachSnapshotMs,
        [property: JsonPropertyName("reach_copy_ms")] double ReachCopyMs,
        [property: JsonPropertyName("reach_track_seconds")] double ReachTrackSeconds,
        [property: JsonPropertyName("reach_need_upsert_ms")] double ReachNeedUpsertMs,
        [property: JsonPropertyName("reach_need_upsert_p99_ms")] double ReachNeedUpsertP99Ms,
        [property: JsonPropertyName("reachable_share")] double ReachableShare,
        [property: JsonPropertyName("index_build_seconds")] double IndexBuildSeconds,
        [property: JsonPropertyName("runs")] int Runs,
        [property: JsonPropertyName("processors")] int Processors,
        [property: JsonPropertyName("load_ms")] double? LoadMs,
        [property: JsonPropertyName("load_cpu_ms")] double? LoadCpuMs,
        [property: JsonPropertyName("uncached_dashboard_ms")] double? UncachedDashboardMs,
        [property: JsonPropertyName("first_after_change_ms")] double? FirstAfterChangeMs,
        [property: JsonPropertyName("first_after_change_load_ms")] double? FirstAfterChangeLoadMs,
        [property: JsonPropertyName("first_after_change_cpu_ms")] double? FirstAfterChangeCpuMs,
        [property: JsonPropertyName("cached_dashboard_ms")] double? CachedDashboardMs,
        [property: JsonPropertyName("cached_input_dashboard_ms")] double? CachedInputDashboardMs,
        [property: JsonPropertyName("cached_ratio")] double? CachedRatio,
        [property: JsonPropertyName("version_ms")] double? VersionMs,
        [property: JsonPropertyName("database_write_seconds")] double? DatabaseWriteSeconds,
        [property: JsonPropertyName("change_log_entries")] long? ChangeLogEntries,
        [property: JsonPropertyName("hires_stored")] int? HiresStored,
        [property: JsonPropertyName("load_average")] string? LoadAverage);
}
