using System.CommandLine;

namespace Kompetensbron.Cli.Import;

/// <summary><c>import</c>: JobTech ads, and profiles, needs, programmes and workforce cohorts from CSV or Excel.</summary>
internal static class ImportCommand
{
    public static Command Build(CliConsole console)
    {
        var import = new Command("import", "Import data. Every import is one transaction: all or nothing (JobTech: ads that cannot be used are listed and skipped).");
        import.Subcommands.Add(JobTechImportCommand.Build(console));
        foreach (var name in TabularImportCommand.Entities.Keys)
        {
            import.Subcommands.Add(TabularImportCommand.Build(console, name));
        }

        import.Subcommands.Add(TabularImportCommand.BuildTemplate(console));
        return import;
    }
}
