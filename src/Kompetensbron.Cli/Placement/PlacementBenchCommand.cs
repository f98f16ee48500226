using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Serialization;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Placement;

namespace Kompetensbron.Cli.Placement;

/// <summary><c>bench place</c>: a generated county-wide round solved by both algorithms, with solve times.</summary>
internal static class PlacementBenchCommand
{
    /// <summary>Jönköping county (SCB code 06): workplaces and homes are put at its real places.</summary>
    private const string CountyCode = "06";

    private const int DeferredAcceptanceRuns = 5;

    public static Command Build(CliConsole console)
    {
        var applicants = new Option<int>("--applicants") { Description = "Applicants to generate.", DefaultValueFactory = _ => 50_000 };
        var places = new Option<int>("--places") { Description = "Workplaces to generate (1–5 seats each).", DefaultValueFactory = _ => 5_000 };
        var wishes = new Option<int>("--wishes") { Description = "Ranked wishes per applicant.", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated round and its lottery.", DefaultValueFactory = _ => 42 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var place = new Command("place", "Generate a placement round in Jönköping county and time deferred acceptance and min-cost flow.")
        {
            applicants, places, wishes, seed, json,
        };
        place.SetAction(parseResult =>
        {
            var (a, p, w) = (parseResult.GetValue(applicants), parseResult.GetValue(places), parseResult.GetValue(wishes));
            if (a < 1 || p < 1 || w < 1)
            {
                return console.Fail("--applicants, --places and --wishes must be at least 1.");
            }

            var report = Run(a, p, w, parseResult.GetValue(seed));
            if (parseResult.GetValue(json))
            {
                console.WriteJson(report);
            }
            else
            {
                console.Output.WriteLine(Invariant($"{a:N0} applicants × {w} wishes, {p:N0} places ({report.Seats:N0} seats), {report.EligiblePairs:N0} eligible pairs"));
                console.Output.WriteLine(Invariant($"generate {report.GenerateMs:F0} ms, build {report.BuildMs:F1} ms"));
                console.Output.WriteLine(Invariant($"deferred acceptance {report.DaMs:F2} ms (median of {DeferredAcceptanceRuns}; first {report.DaFirstMs:F2} ms): {report.PlacedDa:N0} placed, {report.UnplacedDa:N0} unplaced, {report.BlockingPairsDa} blocking pairs, total quality {report.TotalQualityDa:N0}, mean wish rank {report.MeanRankDa:F2}"));
                console.Output.WriteLine(Invariant($"min-cost flow {report.McfMs:F0} ms: {report.PlacedMcf:N0} placed, {report.UnplacedMcf:N0} unplaced, {report.BlockingPairsMcf:N0} blocking pairs, total quality {report.TotalQualityMcf:N0}, mean wish rank {report.MeanRankMcf:F2}"));
            }

            return 0;
        });
        return place;
    }

    private static BenchReport Run(int applicantCount, int placeCount, int wishCount, int seed)
    {
        var geography = GeographyModel.LoadEmbedded();
        var towns = geography.MunicipalitiesInCounty(CountyCode).SelectMany(m => geography.PlacesIn(m.Code)).ToList();
        var clock = Stopwatch.StartNew();
        var round = PlacementRoundGenerator.Generate(towns, applicantCount, placeCount, wishCount, seed);
        var generateMs = clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        var instance = PlacementInstance.Build(round);
        var buildMs = clock.Elapsed.TotalMilliseconds;

        // The first run includes JIT compilation; the median of the runs is the steady cost of a round.
        var daTimes = new double[DeferredAcceptanceRuns];
        PlacementAssignment da = null!;
        for (var i = 0; i < daTimes.Length; i++)
        {
            clock.Restart();
            da = instance.Solve(PlacementAlgorithm.DeferredAcceptance);
            daTimes[i] = clock.Elapsed.TotalMilliseconds;
        }

        clock.Restart();
        var mcf = instance.Solve(PlacementAlgorithm.MinCostFlow);
        var mcfMs = clock.Elapsed.TotalMilliseconds;

        var daResult = PlacementReports.Report(instance, da).Summary;
        var mcfResult = PlacementReports.Report(instance, mcf).Summary;
        var sorted = daTimes.Order().ToArray();
        return new BenchReport(
            applicantCount, placeCount, wishCount, seed, daResult.Seats, instance.EligiblePairCount,
            Math.Round(generateMs, 1), Math.Round(buildMs, 2),
            Math.Round(sorted[sorted.Length / 2], 3), Math.Round(daTimes[0], 3), Math.Round(mcfMs, 1),
            daResult.BlockingPairs, mcfResult.BlockingPairs, daResult.Placed, mcfResult.Placed, daResult.Unplaced, mcfResult.Unplaced,
            daResult.TotalQuality, mcfResult.TotalQuality,
            Math.Round(daResult.MeanWishRank ?? 0, 3), Math.Round(mcfResult.MeanWishRank ?? 0, 3));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record BenchReport(
        [property: JsonPropertyName("applicants")] int Applicants,
        [property: JsonPropertyName("places")] int Places,
        [property: JsonPropertyName("wishes")] int Wishes,
        [property: JsonPropertyName("seed")] int Seed,
        [property: JsonPropertyName("seats")] int Seats,
        [property: JsonPropertyName("eligible_pairs")] int EligiblePairs,
        [property: JsonPropertyName("generate_ms")] double GenerateMs,
        [property: JsonPropertyName("build_ms")] double BuildMs,
        [property: JsonPropertyName("da_ms")] double DaMs,
        [property: JsonPropertyName("da_first_ms")] double DaFirstMs,
        [property: JsonPropertyName("mcf_ms")] double McfMs,
        [property: JsonPropertyName("blocking_pairs_da")] int BlockingPairsDa,
        [property: JsonPropertyName("blocking_pairs_mcf")] int BlockingPairsMcf,
        [property: JsonPropertyName("placed_da")] int PlacedDa,
        [property: JsonPropertyName("placed_mcf")] int PlacedMcf,
        [property: JsonPropertyName("unplaced_da")] int UnplacedDa,
        [property: JsonPropertyName("unplaced_mcf")] int UnplacedMcf,
        [property: JsonPropertyName("total_quality_da")] long TotalQualityDa,
        [property: JsonPropertyName("total_quality_mcf")] long TotalQualityMcf,
        [property: JsonPropertyName("mean_rank_da")] double MeanRankDa,
        [property: JsonPropertyName("mean_rank_mcf")] double MeanRankMcf);
}
