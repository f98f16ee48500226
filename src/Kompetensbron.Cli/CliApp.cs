using System.CommandLine;
using Kompetensbron.Cli.Accounts;
using Kompetensbron.Cli.Audit;
using Kompetensbron.Cli.Database;
using Kompetensbron.Cli.Demo;
using Kompetensbron.Cli.Export;
using Kompetensbron.Cli.Import;
using Kompetensbron.Cli.Insights;
using Kompetensbron.Cli.Listing;
using Kompetensbron.Cli.Gaps;
using Kompetensbron.Cli.Matching;
using Kompetensbron.Cli.Placement;
using Kompetensbron.Cli.Taxonomy;
using Kompetensbron.Cli.Text;

namespace Kompetensbron.Cli;

/// <summary>The <c>kompetensbron</c> command tree. Output goes to the given writers so tests can read it.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, TextReader? input = null, CancellationToken cancellationToken = default)
    {
        var root = Build(new CliConsole(output, error, input));
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return await root.Parse(args).InvokeAsync(configuration, cancellationToken);
    }

    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand(
            "Kompetensbron — competence supply for manufacturing in the Gnosjö region and Jönköping county. " +
            "Commands that read or write data use the same per-user SQLite database as the web app unless " +
            "--database/--provider (or Database__Provider/Database__ConnectionString in the environment) say otherwise.");
        root.Options.Add(DatabaseOptionsOnCommandLine.Database);
        root.Options.Add(DatabaseOptionsOnCommandLine.Provider);
        root.Subcommands.Add(DbCommand.Build(console));
        root.Subcommands.Add(SeedCommand.Build(console));
        root.Subcommands.Add(TaxonomyCommand.Build(console));
        root.Subcommands.Add(ListCommand.Build(console));
        root.Subcommands.Add(UsersCommand.Build(console));
        root.Subcommands.Add(MatchCommand.Build(console));
        root.Subcommands.Add(PathCommand.Build(console));
        root.Subcommands.Add(ReportCommand.Build(console));
        root.Subcommands.Add(RecogniseCommand.Build(console));
        root.Subcommands.Add(EvalCommand.Build(console));
        root.Subcommands.Add(PlaceCommand.Build(console));
        root.Subcommands.Add(ImportCommand.Build(console));
        root.Subcommands.Add(ExportCommand.Build(console));
        root.Subcommands.Add(AuditCommand.Build(console));
        Bench(root).Subcommands.Add(MatchBenchCommand.Build(console));
        Bench(root).Subcommands.Add(PlacementBenchCommand.Build(console));
        Bench(root).Subcommands.Add(InsightsBenchCommand.Build(console));
        Bench(root).Subcommands.Add(ImportBenchCommand.Build(console));
        return root;
    }

    /// <summary>The <c>bench</c> group; each feature adds its measurement (e.g. <c>bench place</c>) as a subcommand.</summary>
    private static Command Bench(RootCommand root)
    {
        var bench = root.Subcommands.FirstOrDefault(c => c.Name == "bench");
        if (bench is null)
        {
            bench = new Command("bench", "Performance measurements.");
            root.Subcommands.Add(bench);
        }

        return bench;
    }
}
