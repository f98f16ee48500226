using System.CommandLine;
using System.Globalization;
using Kompetensbron.Core.Import.Tabular;
using Kompetensbron.Data.Import;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Cli.Import;

/// <summary><c>import profiles|needs|programmes|cohorts FILE</c> and <c>import template ENTITY</c>.</summary>
internal static class TabularImportCommand
{
    /// <summary>The command-line word for each entity.</summary>
    public static readonly IReadOnlyDictionary<string, TabularEntity> Entities = new Dictionary<string, TabularEntity>(StringComparer.Ordinal)
    {
        ["profiles"] = TabularEntity.Profiles,
        ["needs"] = TabularEntity.Needs,
        ["programmes"] = TabularEntity.Programmes,
        ["cohorts"] = TabularEntity.Cohorts,
    };

    public static Command Build(CliConsole console, string name)
    {
        var entity = Entities[name];
        var file = new Argument<FileInfo>("FILE") { Description = "CSV (UTF-8 or Windows-1252; comma or semicolon) or Excel (.xlsx) with the template's columns (see import template)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and report what would be created and updated, without saving." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command(name, $"Import {name} from CSV or Excel. All rows or none: any error (listed with row and column) leaves the database unchanged and exits with 1.")
        {
            file, dryRun, json,
        };
        command.SetAction((parseResult, ct) => CliServices.RunAsync(parseResult, console, async (services, token) =>
        {
            var path = parseResult.GetRequiredValue(file);
            if (!path.Exists)
            {
                throw new CliInputException($"FILE: {path.FullName} does not exist.");
            }

            var importer = services.GetRequiredService<TabularImporter>();
            var result = await CliProgress.RunAsync(console, $"import {name}", async report =>
            {
                report(0, "reading");
                await using var stream = File.OpenRead(path.FullName);
                var imported = await importer.ImportAsync(entity, stream, new TabularImportOptions { DryRun = parseResult.GetValue(dryRun) }, token);
                report(1, string.Create(CultureInfo.InvariantCulture, $"{imported.Rows:N0} rows"));
                return imported;
            });

            if (parseResult.GetValue(json))
            {
                console.WriteJson(result);
            }
            else if (result.Succeeded)
            {
                console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(result.DryRun ? "Dry run (nothing saved): would create" : "Created")} {result.Created:N0} and {(result.DryRun ? "update" : "updated")} {result.Updated:N0} {name} from {result.Rows:N0} rows ({result.File})."));
            }
            else
            {
                console.Output.WriteLine($"Nothing was imported: the file has {result.Errors.Count} errors. / Inget importerades: filen har {result.Errors.Count} fel.");
            }

            ImportReport.WriteErrors(console, "Errors / Fel", result.Errors);
            return result.Succeeded ? 0 : 1;
        }, ct));
        return command;
    }

    public static Command BuildTemplate(CliConsole console)
    {
        var entity = new Argument<string>("ENTITY") { Description = "profiles, needs, programmes or cohorts." };
        entity.AcceptOnlyFromAmong([.. Entities.Keys]);
        var format = new Option<string>("--format") { Description = "csv or xlsx.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var output = new Option<FileInfo>("--out") { Description = "The file to write.", Required = true };
        var command = new Command("template", "Write an empty import file with the column headings (described in docs/import-templates.md).")
        {
            entity, format, output,
        };
        command.SetAction(parseResult =>
        {
            var template = TabularTemplate.For(Entities[parseResult.GetRequiredValue(entity)]);
            var file = parseResult.GetRequiredValue(output);
            file.Directory?.Create();
            using (var stream = File.Create(file.FullName))
            {
                TabularWriter.Write(stream, ParseFormat(parseResult.GetValue(format)), template.Columns, []);
            }

            console.Output.WriteLine($"Wrote the {template.Columns.Count} columns of the {parseResult.GetValue(entity)} template to {file.FullName}:");
            foreach (var column in template.Columns)
            {
                console.Output.WriteLine($"  {column.Swedish}{(column.Required ? " *" : "")} ({column.English}): {column.Help}");
            }

            return 0;
        });
        return command;
    }

    public static TabularFormat ParseFormat(string? format) => format == "xlsx" ? TabularFormat.Xlsx : TabularFormat.Csv;
}
