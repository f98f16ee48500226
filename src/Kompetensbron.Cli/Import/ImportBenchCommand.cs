using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Serialization;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Import.JobTech;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data.Import;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Cli.Import;

/// <summary><c>bench import</c>: generated JobTech ads imported into a fresh temporary SQLite database, timed.</summary>
internal static class ImportBenchCommand
{
    public static Command Build(CliConsole console)
    {
        var ads = new Option<int>("--ads") { Description = "Ads to generate and import.", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated ads.", DefaultValueFactory = _ => 42 };
        var batch = new Option<int>("--batch-size") { Description = "Ads saved together.", DefaultValueFactory = _ => 1000 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("import", "Generate realistic JobTech ads (JSON Lines) and import them into a fresh temporary SQLite database; prints seconds, ads/s and peak memory.")
        {
            ads, seed, batch, json,
        };
        command.SetAction(async (parseResult, ct) =>
        {
            var count = parseResult.GetValue(ads);
            if (count < 1)
            {
                return console.Fail("--ads must be at least 1.");
            }

            var folder = Directory.CreateTempSubdirectory("kb-bench-import-");
            try
            {
                var file = Path.Combine(folder.FullName, "ads.jsonl");
                var clock = Stopwatch.StartNew();
                await using (var output = File.Create(file))
                {
                    JobTechAdGenerator.WriteJsonLines(output, TaxonomyModel.LoadEmbedded(), GeographyModel.LoadEmbedded(), count, parseResult.GetValue(seed));
                }

                var generateSeconds = clock.Elapsed.TotalSeconds;
                var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Database:Provider"] = "Sqlite",
                    ["Database:ConnectionString"] = Path.Combine(folder.FullName, "bench.db"),
                }).Build();
                return await CliServices.RunAsync(configuration, console, async (services, token) =>
                {
                    var importer = services.GetRequiredService<JobTechImporter>();
                    _ = services.GetRequiredService<JobTechAdMapper>(); // build the recogniser before the clock starts
                    var peakManaged = 0L;
                    using var sampler = new Timer(_ => InterlockedMax(ref peakManaged, GC.GetTotalMemory(false)), null, 0, 25);
                    await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
                    clock.Restart();
                    var result = await importer.ImportAsync(stream, new JobTechImportOptions { BatchSize = Math.Max(1, parseResult.GetValue(batch)) }, null, token);
                    var seconds = clock.Elapsed.TotalSeconds;
                    InterlockedMax(ref peakManaged, GC.GetTotalMemory(false));
                    var report = new BenchReport(
                        count, Math.Round(new FileInfo(file).Length / 1048576.0, 1), Math.Round(generateSeconds, 2), Math.Round(seconds, 2),
                        Math.Round(count / seconds), Math.Round(Interlocked.Read(ref peakManaged) / 1048576.0, 1),
                        Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 1),
                        result.Created, result.Updated, result.OrganisationsCreated, result.SitesCreated, result.Rejected.Count);
                    if (parseResult.GetValue(json))
                    {
                        console.WriteJson(report);
                    }
                    else
                    {
                        console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"{report.Ads:N0} ads ({report.FileMb} MB JSON Lines, generated in {report.GenerateSeconds:F1} s) imported into SQLite in {report.Seconds:F2} s: {report.AdsPerSecond:N0} ads/s; peak managed memory {report.PeakManagedMb} MB (working set {report.PeakWorkingSetMb} MB)."));
                        console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"{report.Created:N0} needs, {report.Organisations:N0} organisations and {report.Sites:N0} sites created; {report.Rejected} ads rejected."));
                    }

                    return 0;
                }, ct);
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                folder.Delete(recursive: true);
            }
        });
        return command;
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

    private sealed record BenchReport(
        [property: JsonPropertyName("ads")] int Ads,
        [property: JsonPropertyName("file_mb")] double FileMb,
        [property: JsonPropertyName("generate_seconds")] double GenerateSeconds,
        [property: JsonPropertyName("seconds")] double Seconds,
        [property: JsonPropertyName("ads_per_second")] double AdsPerSecond,
        [property: JsonPropertyName("peak_managed_mb")] double PeakManagedMb,
        [property: JsonPropertyName("peak_working_set_mb")] double PeakWorkingSetMb,
        [property: JsonPropertyName("created")] int Created,
        [property: JsonPropertyName("updated")] int Updated,
        [property: JsonPropertyName("organisations")] int Organisations,
        [property: JsonPropertyName("sites")] int Sites,
        [property: JsonPropertyName("rejected")] int Rejected);
}
