using System.CommandLine;
using Kompetensbron.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Cli.Database;

/// <summary><c>db migrate</c>: create or upgrade the database schema.</summary>
internal static class DbCommand
{
    public static Command Build(CliConsole console)
    {
        var migrate = new Command("migrate", "Create the database if needed and apply all migrations (SQLite or PostgreSQL).");
        migrate.SetAction((parseResult, ct) => CliServices.RunAsync(parseResult, console, async (services, token) =>
        {
            var db = services.GetRequiredService<KompetensbronDbContext>();
            var applied = await db.Database.GetAppliedMigrationsAsync(token);
            console.Output.WriteLine($"Database up to date ({db.Database.ProviderName}): {applied.Count()} migrations applied.");
            return 0;
        }, ct));

        var db = new Command("db", "Database maintenance.");
        db.Subcommands.Add(migrate);
        return db;
    }
}
