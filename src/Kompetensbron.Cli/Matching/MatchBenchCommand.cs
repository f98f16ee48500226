using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Serialization;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Matching;
using Kompetensbron.Core.Matching.Scale;
using Kompetensbron.Core.Taxonomy;

namespace Kompetensbron.Cli.Matching;

/// <summary><c>bench match</c>: the match index at national scale against the brute-force scorer, in one run.</summary>
internal static class MatchBenchCommand
{
    public static Command Build(CliConsole console)
    {
        var needs = new Option<int>("--needs") { Description = "Open needs to generate.", DefaultValueFactory = _ => 100_000 };
        var profiles = new Option<int>("--profiles") { Description = "Profiles to generate.", DefaultValueFactory = _ => 1_000_000 };
        var queries = new Option<int>("--queries") { Description = "Timed queries per direction.", DefaultValueFactory = _ => 2000 };
        var bruteQueries = new Option<int>("--brute-queries") { Description = "Brute-force queries per direction (a sample of the same queries).", DefaultValueFactory = _ => 10 };
        var passes = new Option<int>("--passes") { Description = "Timed passes over the queries; the pass with the lowest p99 is reported (all passes' p99 are listed), which filters out other processes' load on a shared machine.", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated data.", DefaultValueFactory = _ => 42 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var match = new Command("match", "Generate national-scale needs and profiles, build the match index and time both queries against brute force.")
        {
            needs, profiles, queries, bruteQueries, passes, seed, json,
        };
        match.SetAction(parseResult =>
        {
            var counts = new[] { parseResult.GetValue(needs), parseResult.GetValue(profiles), parseResult.GetValue(queries), parseResult.GetValue(bruteQueries), parseResult.GetValue(passes) };
            if (counts.Any(c => c < 1))
            {
                return console.Fail("--needs, --profiles, --queries, --brute-queries and --passes must be at least 1.");
            }

            var report = Run(counts[0], counts[1], counts[2], counts[3], counts[4], parseResult.GetValue(seed), progress: parseResult.GetValue(json) ? null : console.Output);
            if (parseResult.GetValue(json))
            {
                console.WriteJson(report);
            }

            return report.Exact ? 0 : 2;
        });

        return match;
    }

    private static BenchReport Run(int needCount, int profileCount, int queryCount, int bruteCount, int passCount, int seed, TextWriter? progress)
    {
        var clock = Stopwatch.StartNew();
        var model = MatchModel.Create(TaxonomyModel.LoadEmbedded());
        var geography = GeographyModel.LoadEmbedded();
        var modelSeconds = Lap(clock);
        var data = NationalScaleGenerator.Generate(model, geography, needCount, profileCount, seed, new DateOnly(2026, 1, 15));
        var generateSeconds = Lap(clock);
        progress?.WriteLine(Invariant($"generated {needCount:N0} needs and {profileCount:N0} profiles in {generateSeconds:F1} s (taxonomy compiled in {modelSeconds:F2} s)"));

        var before = GC.GetTotalMemory(forceFullCollection: true);
        clock.Restart();
        using var index = MatchIndex.Build(model, data.Needs, data.Profiles);
        var buildSeconds = Lap(clock);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        progress?.WriteLine(Invariant($"index built in {buildSeconds:F2} s, {(after - before) / 1e6:F0} MB managed"));

        var random = new Random(seed + 1);
        var profileIds = Enumerable.Range(0, queryCount).Select(_ => data.Profiles[random.Next(profileCount)].Id).ToArray();
        var needIds = Enumerable.Range(0, queryCount).Select(_ => data.Needs[random.Next(needCount)].Id).ToArray();
        var brute = new BruteForceMatcher(index);


        // Warm up (tiered JIT reaches its optimised code) on other queries than the timed ones.
        var warmProfileIds = Enumerable.Range(0, queryCount).Select(_ => data.Profiles[random.Next(profileCount)].Id).ToArray();
        var warmNeedIds = Enumerable.Range(0, queryCount).Select(_ => data.Needs[random.Next(needCount)].Id).ToArray();
        var needsPasses = Passes(passCount, profileIds, 20, (id, buffer) => index.NeedsForProfile(id, NeedFilter.None, buffer), warmProfileIds);
        var profilesPasses = Passes(passCount, needIds, 50, (id, buffer) => index.ProfilesForNeed(id, buffer), warmNeedIds);
        var needsForProfile = needsPasses.MinBy(t => t.P99)!;
        var profilesForNeed = profilesPasses.MinBy(t => t.P99)!;
        var bruteNeeds = Time(profileIds[..Math.Min(bruteCount, queryCount)], 20, (id, buffer) => brute.NeedsForProfile(id, buffer.Length).Count);
        var bruteProfiles = Time(needIds[..Math.Min(bruteCount, queryCount)], 50, (id, buffer) => brute.ProfilesForNeed(id, buffer.Length).Count);

        var exact = profileIds[..Math.Min(bruteCount, queryCount)].All(id => index.NeedsForProfile(id, 20).SequenceEqual(brute.NeedsForProfile(id, 20)))
            && needIds[..Math.Min(bruteCount, queryCount)].All(id => index.ProfilesForNeed(id, 50).SequenceEqual(brute.ProfilesForNeed(id, 50)));

        var report = new BenchReport(
            buildSeconds,
            after - before,
            needsForProfile.P50,
            needsForProfile.P99,
            profilesForNeed.P50,
            profilesForNeed.P99,
            bruteNeeds.P50 / needsForProfile.P50,
            bruteProfiles.P50 / profilesForNeed.P50,
            needCount,
            profileCount,
            queryCount,
            Math.Min(bruteCount, queryCount),
            bruteNeeds.P50,
            bruteProfiles.P50,
            needsForProfile.MeanResults,
            profilesForNeed.MeanResults,
            generateSeconds,
            modelSeconds,
            Environment.ProcessorCount,
            exact,
            needsForProfile.P90,
            profilesForNeed.P90,
            passCount,
            needsPasses.Select(t => t.P99).ToArray(),
            profilesPasses.Select(t => t.P99).ToArray(),
            File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : null);
        progress?.WriteLine(Invariant($"needs for a profile (top 20): p50 {report.NeedsForProfileP50Ms:F3} ms, p90 {report.NeedsForProfileP90Ms:F3} ms, p99 {report.NeedsForProfileP99Ms:F3} ms; brute force p50 {report.BruteNeedsForProfileP50Ms:F1} ms; {report.SpeedupNeedsForProfile:F0}x"));
        progress?.WriteLine(Invariant($"profiles for a need (top 50): p50 {report.ProfilesForNeedP50Ms:F3} ms, p90 {report.ProfilesForNeedP90Ms:F3} ms, p99 {report.ProfilesForNeedP99Ms:F3} ms; brute force p50 {report.BruteProfilesForNeedP50Ms:F1} ms; {report.SpeedupProfilesForNeed:F0}x"));
        progress?.WriteLine(Invariant($"p99 per pass (the lowest is reported): needs for a profile {string.Join(" / ", report.NeedsForProfileP99PerPass.Select(p => p.ToString("F3", CultureInfo.InvariantCulture)))} ms; profiles for a need {string.Join(" / ", report.ProfilesForNeedP99PerPass.Select(p => p.ToString("F3", CultureInfo.InvariantCulture)))} ms; load average {report.LoadAverage}"));
        progress?.WriteLine(exact ? "index top-k equals brute force on the sample" : "MISMATCH: index top-k differs from brute force");
        return report;
    }

    private static List<Timing> Passes(int passes, int[] ids, int k, Func<int, MatchResult[], int> query, int[] warmUpIds) =>
        Enumerable.Range(0, passes).Select(pass => Time(ids, k, query, pass == 0 ? warmUpIds : null)).ToList();

    private sealed record Timing(double P50, double P90, double P99, double MeanResults);

    private static Timing Time(int[] ids, int k, Func<int, MatchResult[], int> query, int[]? warmUpIds = null)
    {
        var buffer = new MatchResult[k];
        foreach (var id in warmUpIds ?? [])
        {
            query(id, buffer);
        }

        var milliseconds = new double[ids.Length];
        long results = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            results += query(ids[i], buffer);
            milliseconds[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(milliseconds);
        return new Timing(Percentile(milliseconds, 0.50), Percentile(milliseconds, 0.90), Percentile(milliseconds, 0.99), results / (double)ids.Length);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static double Lap(Stopwatch clock)
    {
        var seconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        return seconds;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record BenchReport(
        [property: JsonPropertyName("build_seconds")] double BuildSeconds,
        [property: JsonPropertyName("memory_bytes")] long MemoryBytes,
        [property: JsonPropertyName("needs_for_profile_p50_ms")] double NeedsForProfileP50Ms,
        [property: JsonPropertyName("needs_for_profile_p99_ms")] double NeedsForProfileP99Ms,
        [property: JsonPropertyName("profiles_for_need_p50_ms")] double ProfilesForNeedP50Ms,
        [property: JsonPropertyName("profiles_for_need_p99_ms")] double ProfilesForNeedP99Ms,
        [property: JsonPropertyName("speedup_needs_for_profile")] double SpeedupNeedsForProfile,
        [property: JsonPropertyName("speedup_profiles_for_need")] double SpeedupProfilesForNeed,
        [property: JsonPropertyName("needs")] int Needs,
        [property: JsonPropertyName("profiles")] int Profiles,
        [property: JsonPropertyName("queries")] int Queries,
        [property: JsonPropertyName("brute_force_queries")] int BruteForceQueries,
        [property: JsonPropertyName("brute_needs_for_profile_p50_ms")] double BruteNeedsForProfileP50Ms,
        [property: JsonPropertyName("brute_profiles_for_need_p50_ms")] double BruteProfilesForNeedP50Ms,
        [property: JsonPropertyName("needs_for_profile_mean_results")] double NeedsForProfileMeanResults,
        [property: JsonPropertyName("profiles_for_need_mean_results")] double ProfilesForNeedMeanResults,
        [property: JsonPropertyName("generate_seconds")] double GenerateSeconds,
        [property: JsonPropertyName("taxonomy_compile_seconds")] double TaxonomyCompileSeconds,
        [property: JsonPropertyName("processors")] int Processors,
        [property: JsonPropertyName("exact_on_sample")] bool Exact,
        [property: JsonPropertyName("needs_for_profile_p90_ms")] double NeedsForProfileP90Ms,
        [property: JsonPropertyName("profiles_for_need_p90_ms")] double ProfilesForNeedP90Ms,
        [property: JsonPropertyName("passes")] int Passes,
        [property: JsonPropertyName("needs_for_profile_p99_ms_per_pass")] double[] NeedsForProfileP99PerPass,
        [property: JsonPropertyName("profiles_for_need_p99_ms_per_pass")] double[] ProfilesForNeedP99PerPass,
        [property: JsonPropertyName("load_average_1min")] string? LoadAverage);
}
