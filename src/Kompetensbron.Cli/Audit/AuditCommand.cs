using System.CommandLine;
using System.Globalization;
using Kompetensbron.Core.Fairness;
using Kompetensbron.Data.Matching;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Kompetensbron.Cli.Audit;

/// <summary><c>audit bias</c>: the bias check on the current data (docs/decisions/0021-bias-check.md).</summary>
internal static class AuditCommand
{
    private static readonly string[] Columns =
        ["group", "people", "mean", "median", "p90", "in a top k", "share of top-k places", "share of candidates", "impact ratio", "score ratio", "flag"];

    public static Command Build(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var threshold = new Option<double>("--threshold")
        {
            Description = "Flag a group whose top-k selection rate or mean best score is below (1 - threshold) of the reference group's " +
                          $"(the largest group with at least {BiasAudit.MinimumComparedGroup} people). 0.2 (default) is the four-fifths rule.",
            DefaultValueFactory = _ => BiasAudit.DefaultThreshold,
        };
        var top = new Option<int>("--top") { Description = "k: how many candidates of each need count as its top.", DefaultValueFactory = _ => BiasAudit.DefaultK };
        var bias = new Command("bias", "Compare match score distributions (mean, median, 90th percentile) and top-k shares across self-declared gender " +
            $"and target groups, in aggregate only (groups under 5 people show as <5), against the largest group; groups under {BiasAudit.MinimumComparedGroup} " +
            "people are too few to judge. Flags differences above the threshold.")
        {
            json, threshold, top,
        };
        bias.SetAction((parseResult, ct) => CliServices.RunAsync(parseResult, console, async (services, token) =>
        {
            var limit = parseResult.GetValue(threshold);
            var k = parseResult.GetValue(top);
            if (limit is < 0 or > 1)
            {
                throw new CliInputException("--threshold must be between 0 and 1 (e.g. 0.2).");
            }

            if (k < 1)
            {
                throw new CliInputException("--top must be at least 1.");
            }

            var report = await services.GetRequiredService<MatchBiasAudit>().RunAsync(k, limit, token);
            if (parseResult.GetValue(json))
            {
                console.WriteJson(report);
                return 0;
            }

            console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Bias check: {report.Candidates} candidates visible to employers, {report.Needs} open needs, top {report.K}, threshold {report.Threshold:0.##}."));
            foreach (var table in report.Tables)
            {
                var grid = new Table { Title = new TableTitle(table.Dimension == BiasDimension.Gender ? "Gender" : "Target group") };
                foreach (var column in Columns)
                {
                    grid.AddColumn(column);
                }

                foreach (var g in table.Groups)
                {
                    grid.AddRow(
                        Markup.Escape(g.Key ?? "not stated"), Markup.Escape(g.PublishedCount), Number(g.MeanScore), Number(g.MedianScore), Number(g.P90Score),
                        Percent(g.SelectionRate), Percent(g.TopKShare), Percent(g.PoolShare), Ratio(g.ImpactRatio), Ratio(g.ScoreRatio),
                        g.Flagged ? "FLAGGED" : g.TooFewToJudge ? "too few to judge" : "");
                }

                console.Ansi.Write(grid);
                console.Output.WriteLine(table.Reference is { } reference
                    ? string.Create(CultureInfo.InvariantCulture, $"Reference: {reference.Key ?? "not stated"} ({reference.Count} people, the largest group).")
                    : string.Create(CultureInfo.InvariantCulture, $"Reference: none (no group has {BiasAudit.MinimumComparedGroup} people or more), so nothing is compared."));
            }

            console.Output.WriteLine(report.Flagged
                ? "Flagged: at least one group is below the threshold. Look at what the matching uses for these groups (skills, language level, licences, commute)."
                : "No group is below the threshold.");
            return 0;
        }, ct));

        var audit = new Command("audit", "Checks on the data and the matching.");
        audit.Subcommands.Add(bias);
        return audit;
    }

    private static string Number(double? value) => value is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) : "";

    private static string Percent(double? value) => value is { } v ? v.ToString("0%", CultureInfo.InvariantCulture) : "";

    private static string Ratio(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "";
}
