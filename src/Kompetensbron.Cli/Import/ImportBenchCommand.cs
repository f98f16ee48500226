using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Serialization;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Import.JobTech;
using Kompetensbron.Core.Needs;
using Kompetensbron.Data;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data.Import;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Cli.Import;

/// <summary>
/// <c>bench import</c>: generated JobTech ads imported into a fresh temporary SQLite database, timed by stage; then,
/// in the same process, the first <c>--baseline-ads</c> of them with the change-tracker writer into another fresh
/// database, for the speed-up of the bulk writer (decision 0018).
/// </summary>
internal static class ImportBenchCommand
{
    public static Command Build(CliConsole console)
    {
        var ads = new Option<int>("--ads") { Description = "Ads to generate and import.", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated ads.", DefaultValueFactory = _ => 42 };
        var batch = new Option<int>("--batch-size") { Description = "Ads saved together.", DefaultValueFactory = _ => 1000 };
        var baseline = new Option<int>("--baseline-ads") { Description = "Ads imported again with EF Core's change tracker for comparison (0: none).", DefaultValueFactory = _ => 10_000 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("import", "Generate realistic JobTech ads (JSON Lines) and import them into a fresh temporary SQLite database; prints seconds per stage, ads/s, CPU time, peak memory and the speed-up over the change-tracker writer.")
        {
            ads, seed, batch, baseline, json,
        };
        command.SetAction(async (parseResult, ct) =>
        {
            var count = parseResult.GetValue(ads);
            if (count < 1)
            {
                return console.Fail("--ads must be at least 1.");
            }

            var baselineCount = Math.Clamp(parseResult.GetValue(baseline), 0, count);
            var batchSize = Math.Max(1, parseResult.GetValue(batch));
            var folder = Directory.CreateTempSubdirectory("kb-bench-import-");
            try
            {
                var file = Path.Combine(folder.FullName, "ads.jsonl");
                var baselineFile = Path.Combine(folder.FullName, "baseline.jsonl");
                var clock = Stopwatch.StartNew();
                var taxonomy = TaxonomyModel.LoadEmbedded();
                var geography = GeographyModel.LoadEmbedded();
                await using (var output = File.Create(file))
                {
                    JobTechAdGenerator.WriteJsonLines(output, taxonomy, geography, count, parseResult.GetValue(seed));
                }

                if (baselineCount > 0)
                {
                    await using var output = File.Create(baselineFile);
                    JobTechAdGenerator.WriteJsonLines(output, taxonomy, geography, baselineCount, parseResult.GetValue(seed));
                }

                var generateSeconds = clock.Elapsed.TotalSeconds;
                var bulk = await RunAsync(console, folder, "bulk.db", file, new JobTechImportOptions { BatchSize = batchSize }, ct);
                var reference = baselineCount == 0 ? null
                    : await RunAsync(console, folder, "reference.db", baselineFile, new JobTechImportOptions { BatchSize = batchSize, Writer = JobTechWriter.ChangeTracker }, ct);
                // The same ads again with the bulk writer, into a fresh database too: the speed-up compares like with like
                // (same ads, same size of database, both after the first run has warmed up the code).
                var sameAds = baselineCount == 0 ? null
                    : await RunAsync(console, folder, "bulk-same.db", baselineFile, new JobTechImportOptions { BatchSize = batchSize }, ct);
                if (bulk is null || (baselineCount > 0 && (reference is null || sameAds is null)))
                {
                    return 1;
                }

                var report = new BenchReport(
                    count, Math.Round(new FileInfo(file).Length / 1048576.0, 1), Math.Round(generateSeconds, 2), bulk,
                    reference, sameAds, reference is null ? null : Math.Round(sameAds!.AdsPerSecond / reference.AdsPerSecond, 1),
                    Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 1));
                if (parseResult.GetValue(json))
                {
                    console.WriteJson(report);
                }
                else
                {
                    console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{report.Ads:N0} ads ({report.FileMb} MB JSON Lines, generated in {report.GenerateSeconds:F1} s) imported into SQLite in one transaction:"));
                    Write(console, "bulk writer", bulk);
                    if (reference is not null)
                    {
                        Write(console, "change tracker (reference)", reference);
                        Write(console, "bulk writer, the same ads", sameAds!);
                        console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  bulk writer / change tracker on the same {reference.Ads:N0} ads: {report.SpeedUp}× the ads per second"));
                    }

                    console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  peak working set of the process: {report.PeakWorkingSetMb} MB"));
                }

                return 0;
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                folder.Delete(recursive: true);
            }
        });
        return command;
    }

    private static void Write(CliConsole console, string name, BenchRun run) =>
        console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name}: {run.Ads:N0} ads in {run.Seconds:F2} s ({run.AdsPerSecond:N0} ads/s, CPU {run.CpuSeconds:F1} s); stages (overlapping): reading {run.ReadingSeconds:F1} s, mapping {run.MappingSeconds:F1} s, writing {run.WritingSeconds:F1} s, commit {run.CommitSeconds:F2} s; " +
            $"{run.Created:N0} needs, {run.Skills:N0} skills, {run.Organisations:N0} organisations, {run.Sites:N0} sites, {run.Rejected} rejected; peak managed memory {run.PeakManagedMb} MB"));

    private static async Task<BenchRun?> RunAsync(CliConsole console, DirectoryInfo folder, string database, string file, JobTechImportOptions options, CancellationToken ct)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = Path.Combine(folder.FullName, database),
        }).Build();
        BenchRun? run = null;
        var code = await CliServices.RunAsync(configuration, console, async (services, token) =>
        {
            var importer = services.GetRequiredService<JobTechImporter>();
            _ = services.GetRequiredService<JobTechAdMapper>(); // build the recogniser before the clock starts
            GC.Collect();
            var peakManaged = 0L;
            using var sampler = new Timer(_ => InterlockedMax(ref peakManaged, GC.GetTotalMemory(false)), null, 0, 25);
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var result = await importer.ImportAsync(stream, options, null, token);
            var seconds = clock.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            InterlockedMax(ref peakManaged, GC.GetTotalMemory(false));
            var skills = await services.GetRequiredService<KompetensbronDbContext>().Set<NeedSkill>().CountAsync(token);
            var phases = result.Phases!;
            run = new BenchRun(
                result.Ads, Math.Round(seconds, 2), Math.Round(result.Ads / seconds), Math.Round(cpuSeconds, 1),
                Math.Round(phases.Reading.TotalSeconds, 2), Math.Round(phases.Mapping.TotalSeconds, 2), Math.Round(phases.Writing.TotalSeconds, 2),
                Math.Round(phases.Committing.TotalSeconds, 2), Math.Round(Interlocked.Read(ref peakManaged) / 1048576.0, 1),
                result.Created, skills, result.OrganisationsCreated, result.SitesCreated, result.Rejected.Count);
            return 0;
        }, ct);
        return code == 0 ? run : null;
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private sealed record BenchRun(
        [property: JsonPropertyName("ads")] int Ads,
        [property: JsonPropertyName("seconds")] double Seconds,
        [property: JsonPropertyName("ads_per_second")] double AdsPerSecond,
        [property: JsonPropertyName("cpu_seconds")] double CpuSeconds,
        [property: JsonPropertyName("reading_seconds")] double ReadingSeconds,
        [property: JsonPropertyName("mapping_seconds")] double MappingSeconds,
        [property: JsonPropertyName("writing_seconds")] double WritingSeconds,
        [property: JsonPropertyName("commit_seconds")] double CommitSeconds,
        [property: JsonPropertyName("peak_managed_mb")] double PeakManagedMb,
        [property: JsonPropertyName("created")] int Created,
        [property: JsonPropertyName("skills")] int Skills,
        [property: JsonPropertyName("organisations")] int Organisations,
        [property: JsonPropertyName("sites")] int Sites,
        [property: JsonPropertyName("rejected")] int Rejected);

    private sealed record BenchReport(
        [property: JsonPropertyName("ads")] int Ads,
        [property: JsonPropertyName("file_mb")] double FileMb,
        [property: JsonPropertyName("generate_seconds")] double GenerateSeconds,
        [property: JsonPropertyName("bulk")] BenchRun Bulk,
        [property: JsonPropertyName("change_tracker")] BenchRun? ChangeTracker,
        [property: JsonPropertyName("bulk_same_ads")] BenchRun? BulkSameAds,
        [property: JsonPropertyName("speed_up")] double? SpeedUp,
        [property: JsonPropertyName("peak_working_set_mb")] double PeakWorkingSetMb);
}
