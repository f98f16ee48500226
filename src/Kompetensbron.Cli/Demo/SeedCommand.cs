using System.CommandLine;
using Kompetensbron.Core.Demo;
using Kompetensbron.Data.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Cli.Demo;

/// <summary><c>seed demo</c>: load the fictional Gnosjö-region demo data.</summary>
internal static class SeedCommand
{
    public static Command Build(CliConsole console)
    {
        var seed = new Option<int>("--seed")
        {
            Description = "Generator seed; the same seed gives identical data.",
            DefaultValueFactory = _ => DemoRegionGenerator.DefaultSeed,
        };
        var demo = new Command("demo", "Load the fictional demo region (employers, needs, profiles, programmes, workforce, demo accounts). Does nothing if it is already loaded.")
        {
            seed,
        };
        demo.SetAction((parseResult, ct) => CliServices.RunAsync(parseResult, console, async (services, token) =>
        {
            var seeder = services.GetRequiredService<DemoSeeder>();
            var result = await seeder.SeedAsync(parseResult.GetValue(seed), token);
            console.Output.WriteLine(result.Seeded
                ? $"Demo region loaded in {result.Elapsed.TotalSeconds:0.0} s: {result.Organisations} organisations, {result.Needs} needs, " +
                  $"{result.Profiles} profiles, {result.Programmes} programmes, {result.Cohorts} workforce cohorts, {result.Accounts} demo accounts."
                : "The demo region is already loaded; nothing changed.");
            return 0;
        }, ct));

        var seedCommand = new Command("seed", "Fill the database with data.");
        seedCommand.Subcommands.Add(demo);
        return seedCommand;
    }
}
