using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Kompetensbron.Core.Insights;
using Kompetensbron.Core.Placement;
using Spectre.Console;

namespace Kompetensbron.Cli.Placement;

/// <summary><c>place --file ROUND.json</c>: run a placement round described in a file and print its reports.</summary>
internal static class PlaceCommand
{
    public static Command Build(CliConsole console)
    {
        var file = new Option<FileInfo>("--file") { Description = "The round as JSON (format: docs/decisions/0009-placement.md).", Required = true };
        var algorithm = new Option<string>("--algorithm")
        {
            Description = "da (deferred acceptance, stable), mcf (min-cost flow, largest total quality) or both (compared).",
            DefaultValueFactory = _ => "both",
        };
        algorithm.AcceptOnlyFromAmong("da", "mcf", "both");
        var json = new Option<bool>("--json") { Description = "Print the results as JSON (raw counts, no suppression)." };
        var place = new Command("place", "Run a placement round (APL places, internships, summer jobs) from a JSON file and print the reports.")
        {
            file, algorithm, json,
        };
        place.SetAction(parseResult =>
        {
            var path = parseResult.GetRequiredValue(file);
            PlacementInstance instance;
            try
            {
                using var stream = path.OpenRead();
                instance = PlacementInstance.Build(PlacementRoundJson.Read(stream));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or ArgumentException)
            {
                return console.Fail($"{path.Name}: {e.Message}");
            }

            PlacementAlgorithm[] algorithms = parseResult.GetValue(algorithm) switch
            {
                "da" => [PlacementAlgorithm.DeferredAcceptance],
                "mcf" => [PlacementAlgorithm.MinCostFlow],
                _ => [PlacementAlgorithm.DeferredAcceptance, PlacementAlgorithm.MinCostFlow],
            };
            var results = algorithms.Select(a => PlacementReports.Report(instance, instance.Solve(a))).ToList();
            var comparison = results.Count == 2 ? PlacementReports.Compare(results[0], results[1]) : null;
            if (parseResult.GetValue(json))
            {
                console.Output.WriteLine(PlacementRoundJson.Write(new { round = instance.Round.Name, results, comparison }));
                return 0;
            }

            Render(console.Ansi, instance.Round, results, comparison);
            return 0;
        });
        return place;
    }

    private static void Render(IAnsiConsole ansi, PlacementRound round, List<PlacementResult> results, PlacementComparison? comparison)
    {
        ansi.WriteLine(Invariant($"{round.Name} — {round.Applicants.Count} applicants, {round.Places.Count} places, lottery seed {round.LotterySeed}"));
        ansi.Write(Summaries(results.Select(r => r.Summary).ToList()));
        if (comparison is not null)
        {
            ansi.WriteLine(Invariant($"Compared with {Name(comparison.First.Algorithm)}, {Name(comparison.Second.Algorithm)} gives {comparison.BetterOffInSecond} applicants a better wish, {comparison.WorseOffInSecond} a worse one and leaves {comparison.Unchanged} as they were."));
        }

        foreach (var result in results)
        {
            var title = Name(result.Summary.Algorithm);
            var placements = new Table().Title(Markup.Escape($"Placements — {title}")).AddColumns("Applicant", "School", "Place", "Wish", "Score");
            foreach (var o in result.Applicants.Where(o => o.PlaceId is not null))
            {
                placements.AddRow(Markup.Escape(o.ApplicantId), Markup.Escape(o.SchoolId), Markup.Escape(o.PlaceId!), Invariant($"{o.WishRank}"), Invariant($"{o.Score}"));
            }

            ansi.Write(placements);
            var unplaced = new Table().Title(Markup.Escape($"Unplaced — {title}")).AddColumns("Applicant", "School", "Reason", "Ruled-out wishes");
            foreach (var o in result.Unplaced)
            {
                var ruledOut = string.Join("; ", o.IneligibleWishes.Select(w => $"{w.WishRank}. {w.PlaceId}: {w.Reasons}"));
                unplaced.AddRow(Markup.Escape(o.ApplicantId), Markup.Escape(o.SchoolId), Markup.Escape(Explain(o.UnplacedReason)), Markup.Escape(ruledOut));
            }

            ansi.Write(unplaced);
            if (result.BlockingPairSample.Count > 0)
            {
                ansi.WriteLine(Invariant($"Blocking pairs ({result.Summary.BlockingPairs}), e.g.: ") +
                    string.Join(", ", result.BlockingPairSample.Select(b => Invariant($"{b.ApplicantId}–{b.PlaceId} (wish {b.WishRank})"))));
            }

            // Published counts: cells of 1–4 people are shown as "<5" (Insights.PublishedCount).
            var gender = new Table().Title(Markup.Escape($"Gender balance of placements per occupation — {title}"))
                .AddColumns("Occupation", "Women", "Men", "Non-binary", "Not stated", "Total");
            foreach (var g in result.GenderBalance)
            {
                gender.AddRow(Markup.Escape(g.OccupationId), Count(g.Women), Count(g.Men), Count(g.NonBinary), Count(g.NotStated), Count(g.Total));
            }

            ansi.Write(gender);
            var schools = new Table().Title(Markup.Escape($"Schools — {title}")).AddColumns("School", "Applicants", "Placed", "1st wish", "Unplaced", "Mean wish");
            foreach (var s in result.Schools)
            {
                schools.AddRow(Markup.Escape(s.SchoolId), Invariant($"{s.Applicants}"), Invariant($"{s.Placed}"), Invariant($"{s.PlacedAtFirstWish}"), Invariant($"{s.Unplaced}"), Mean(s.MeanWishRank));
            }

            ansi.Write(schools);
        }
    }

    private static Table Summaries(List<PlacementSummary> summaries)
    {
        var table = new Table().Title("Summary").AddColumn("");
        foreach (var s in summaries)
        {
            table.AddColumn(new TableColumn(Name(s.Algorithm)).RightAligned());
        }

        void Row(string label, Func<PlacementSummary, string> value) => table.AddRow([label, .. summaries.Select(value)]);
        Row("Seats", s => Invariant($"{s.Seats}"));
        Row("Placed", s => Invariant($"{s.Placed}"));
        Row("Unplaced", s => Invariant($"{s.Unplaced}"));
        Row("Total quality", s => Invariant($"{s.TotalQuality}"));
        Row("Mean wish rank", s => Mean(s.MeanWishRank));
        Row("Blocking pairs", s => Invariant($"{s.BlockingPairs}"));
        var ranks = summaries.Max(s => s.PlacedByWishRank.Count);
        for (var r = 0; r < ranks; r++)
        {
            var rank = r;
            Row(Invariant($"Wish {rank + 1}"), s => Invariant($"{(rank < s.PlacedByWishRank.Count ? s.PlacedByWishRank[rank] : 0)}"));
        }

        return table;
    }

    private static string Name(PlacementAlgorithm algorithm) =>
        algorithm == PlacementAlgorithm.DeferredAcceptance ? "Deferred acceptance" : "Min-cost flow";

    private static string Explain(UnplacedReason? reason) => reason switch
    {
        UnplacedReason.NoWishes => "no wishes",
        UnplacedReason.NoEligibleWish => "no eligible wish",
        UnplacedReason.OutrankedAtEveryEligibleWish => "every eligible wish full with applicants ranked higher",
        UnplacedReason.SeatGivenForTotalQuality => "seat given to another applicant for a larger total quality",
        _ => "",
    };

    private static string Count(int count) => PublishedCount.Format(count);

    private static string Mean(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
