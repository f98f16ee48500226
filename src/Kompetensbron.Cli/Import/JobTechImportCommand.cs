using System.CommandLine;
using System.Globalization;
using Kompetensbron.Data.Import;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Cli.Import;

/// <summary><c>import jobtech FILE</c>: JobTech job ads (a single ad, an array, a JobSearch response or JSON Lines) as needs.</summary>
internal static class JobTechImportCommand
{
    /// <summary>Exit code when the import succeeded but some ads were rejected (listed).</summary>
    public const int SomeAdsRejected = 2;

    public static Command Build(CliConsole console)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "JSON file from JobSearch, JobStream or the historical ads (an ad, an array, a search response with hits, or JSON Lines)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would be created and updated, then roll back." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var batch = new Option<int>("--batch-size") { Description = "Ads saved together.", DefaultValueFactory = _ => 1000 };
        var allowOwnerChange = new Option<bool>("--allow-owner-change")
        {
            Description = "Let an ad move an existing need (same ad id) to the organisation the ad now names. Without it such ads are rejected and the need is left with its organisation.",
        };
        var command = new Command("jobtech", $"Import JobTech job ads as needs (created or updated by ad id) with their employers. Exit code 1: nothing imported (malformed file); {SomeAdsRejected}: imported, but some ads were rejected (listed).")
        {
            file, dryRun, json, batch, allowOwnerChange,
        };
        command.SetAction((parseResult, ct) => CliServices.RunAsync(parseResult, console, async (services, token) =>
        {
            var path = parseResult.GetRequiredValue(file);
            if (!path.Exists)
            {
                throw new CliInputException($"FILE: {path.FullName} does not exist.");
            }

            var options = new JobTechImportOptions
            {
                DryRun = parseResult.GetValue(dryRun),
                BatchSize = Math.Max(1, parseResult.GetValue(batch)),
                AllowOwnerChange = parseResult.GetValue(allowOwnerChange),
            };
            await using var stream = new FileStream(path.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            var importer = services.GetRequiredService<JobTechImporter>();
            var result = await CliProgress.RunAsync(console, "import jobtech", report =>
                importer.ImportAsync(stream, options,
                    new CliProgress.Immediate<int>(ads => report(stream.Length == 0 ? 1 : (double)stream.Position / stream.Length, string.Create(CultureInfo.InvariantCulture, $"{ads:N0} ads"))),
                    token));

            if (parseResult.GetValue(json))
            {
                console.WriteJson(result);
            }
            else
            {
                console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(result.DryRun ? "Dry run (nothing saved): would import" : "Imported")} {result.Ads:N0} ads ({result.Layout}) in {result.Elapsed.TotalSeconds:F1} s: " +
                    $"{result.Created:N0} needs created, {result.Updated:N0} updated, {result.OrganisationsCreated:N0} organisations and {result.SitesCreated:N0} sites created, {result.Rejected.Count:N0} ads rejected."));
                ImportReport.WriteErrors(console, "Rejected ads / Avvisade annonser", result.Rejected);
                if (result.OwnerChangesRefused > 0)
                {
                    console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{result.OwnerChangesRefused:N0} ads name another organisation than the need they would update; those needs were left unchanged. To move them, run again with --allow-owner-change."));
                }
                if (result.WarningCount > 0)
                {
                    console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.WarningCount:N0} warnings (details dropped), for example:"));
                    foreach (var warning in result.Warnings.Take(10))
                    {
                        console.Output.WriteLine($"  {warning}");
                    }
                }
            }

            return result.Rejected.Count > 0 ? SomeAdsRejected : 0;
        }, ct));
        return command;
    }
}
