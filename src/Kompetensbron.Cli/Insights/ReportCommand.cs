using System.CommandLine;
using System.Text;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Insights;
using Kompetensbron.Core.Insights.Reports;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data;
using Kompetensbron.Data.Insights;
using Kompetensbron.Data.Matching;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Cli.Insights;

/// <summary><c>report</c>: the regional insights as CSV, Excel or a printable HTML page.</summary>
internal static class ReportCommand
{
    public static Command Build(CliConsole console)
    {
        var format = new Option<string>("--format") { Description = "csv (one table), xlsx (every table as a sheet) or html (printable A4 page).", Required = true };
        format.AcceptOnlyFromAmong("csv", "xlsx", "html");
        var municipality = new Option<string?>("--municipality") { Description = "Municipality code, e.g. 0617 (Gnosjö). Default: the whole database." };
        var horizon = new Option<int>("--horizon") { Description = "Years ahead: 0 (now), 1, 3, 5 or 10.", DefaultValueFactory = _ => 0 };
        horizon.AcceptOnlyFromAmong(Horizons.All.Select(h => h.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        var table = new Option<string>("--table") { Description = "For csv: which table. " + string.Join(", ", InsightsReport.TableKeys) + ".", DefaultValueFactory = _ => "occupations" };
        table.AcceptOnlyFromAmong([.. InsightsReport.TableKeys]);
        var language = new Option<string>("--language") { Description = "sv (default) or en headings.", DefaultValueFactory = _ => "sv" };
        language.AcceptOnlyFromAmong("sv", "en");
        var output = new Option<FileInfo>("--out") { Description = "The file to write.", Required = true };

        var report = new Command("report", "Supply vs demand by occupation, skill and municipality, programme relevance, gender balance, retirements, reach per target group and hires. Counts of people under 5 show as <5.")
        {
            format, municipality, horizon, table, language, output,
        };
        report.SetAction((parseResult, ct) => CliServices.RunAsync(parseResult, console, async (services, token) =>
        {
            var geography = services.GetRequiredService<GeographyModel>();
            var taxonomy = services.GetRequiredService<TaxonomyModel>();
            var code = parseResult.GetValue(municipality)?.Trim();
            if (code is not null && geography.FindMunicipality(code) is null)
            {
                throw new CliInputException($"--municipality: no municipality with code '{code}' (four digits, e.g. 0617 for Gnosjö).");
            }

            var today = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetLocalNow().DateTime);
            var reachable = await services.GetRequiredService<MatchService>().ReachableProfilesAsync(token);
            var input = await InsightsLoader.LoadAsync(services.GetRequiredService<KompetensbronDbContext>(), taxonomy, today, reachable, token);
            var insights = InsightsCalculator.Compute(input, InsightsSettings.Default, new InsightsFilter(code), parseResult.GetValue(horizon));
            var reportLanguage = parseResult.GetValue(language) == "en" ? ReportLanguage.English : ReportLanguage.Swedish;
            var document = InsightsReport.Build(insights, taxonomy, geography, reportLanguage, code, today);
            var file = parseResult.GetRequiredValue(output);
            file.Directory?.Create();

            switch (parseResult.GetValue(format))
            {
                case "csv":
                    var chosen = document.Table(parseResult.GetValue(table)!);
                    await using (var writer = new StreamWriter(file.FullName, false, new UTF8Encoding(false)))
                    {
                        ReportWriters.WriteCsv(chosen, writer);
                    }

                    console.Output.WriteLine($"Wrote {chosen.Rows.Count} rows of \"{chosen.Title}\" to {file.FullName}.");
                    PrintTotals(console, chosen);
                    break;
                case "xlsx":
                    await using (var stream = File.Create(file.FullName))
                    {
                        ReportWriters.WriteXlsx(document, stream);
                    }

                    console.Output.WriteLine($"Wrote {document.Tables.Count} sheets to {file.FullName}.");
                    break;
                default:
                    await using (var writer = new StreamWriter(file.FullName, false, new UTF8Encoding(false)))
                    {
                        ReportWriters.WriteHtml(document, writer, reportLanguage);
                    }

                    console.Output.WriteLine($"Wrote the printable report to {file.FullName}.");
                    break;
            }

            if (parseResult.GetValue(format) != "csv")
            {
                PrintTotals(console, document.Table("occupations"));
            }

            console.Output.WriteLine(document.Scope);
            return 0;
        }, ct));
        return report;
    }

    /// <summary>The table's total row, which is the sum of its rows (suppressed cells included).</summary>
    private static void PrintTotals(CliConsole console, ReportTable table)
    {
        if (table.Total is { } total)
        {
            console.Output.WriteLine($"Totals of \"{table.Title}\": " + string.Join(", ",
                table.Columns.Zip(total).Where(x => x.Second.Number is not null || x.Second.Text == PublishedCount.Suppressed)
                    .Select(x => $"{x.First} {x.Second.Text}")));
        }
    }
}
