using System.CommandLine;
using Kompetensbron.Cli.Import;
using Kompetensbron.Data.Import;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Cli.Export;

/// <summary><c>export profiles|needs|programmes|cohorts --format csv|xlsx --out FILE</c>: the import template's columns.</summary>
internal static class ExportCommand
{
    public static Command Build(CliConsole console)
    {
        var export = new Command("export", "Export data as CSV or Excel with the same columns as the import templates, so a file can be edited and imported again. Cells that could run as formulas are neutralised.");
        foreach (var (name, entity) in TabularImportCommand.Entities)
        {
            var format = new Option<string>("--format") { Description = "csv or xlsx.", Required = true };
            format.AcceptOnlyFromAmong("csv", "xlsx");
            var output = new Option<FileInfo>("--out") { Description = "The file to write.", Required = true };
            var command = new Command(name, $"Export all {name}.") { format, output };
            var sensitive = new Option<bool>("--include-gender-and-target-group")
            {
                Description = "Also export self-declared gender and target group (personal data: only when the receiver needs it). Contact details are never exported.",
            };
            if (entity == Core.Import.Tabular.TabularEntity.Profiles)
            {
                command.Options.Add(sensitive);
            }

            command.SetAction((parseResult, ct) => CliServices.RunAsync(parseResult, console, async (services, token) =>
            {
                var file = parseResult.GetRequiredValue(output);
                file.Directory?.Create();
                int rows;
                await using (var stream = File.Create(file.FullName))
                {
                    rows = await services.GetRequiredService<TabularExporter>().ExportAsync(
                        entity, TabularImportCommand.ParseFormat(parseResult.GetValue(format)), stream, parseResult.GetValue(sensitive), token);
                }

                console.Output.WriteLine($"Wrote {rows} {name} to {file.FullName}.");
                return 0;
            }, ct));
            export.Subcommands.Add(command);
        }

        return export;
    }
}
