using System.CommandLine;
using Kompetensbron.Data;
using Kompetensbron.Data.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Cli.Database;

/// <summary><c>db migrate</c>, <c>db backup FILE</c>, <c>db restore FILE</c>.</summary>
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
        db.Subcommands.Add(Backup(console));
        db.Subcommands.Add(Restore(console));
        return db;
    }

    private static Command Backup(CliConsole console)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The backup file to write (an SQLite database file)." };
        var force = new Option<bool>("--force") { Description = "Overwrite FILE if it exists." };
        var command = new Command("backup", "Online backup of the SQLite database into FILE with SQLite's backup API: safe while the web app runs. " +
            "PostgreSQL: use pg_dump (the command prints the recipe).")
        {
            file, force,
        };
        command.SetAction(parseResult =>
        {
            var target = parseResult.GetRequiredValue(file);
            return Run(console, parseResult, connection =>
            {
                if (!SqliteBackup.HasData(connection))
                {
                    throw new CliInputException("there is no database to back up yet (run kompetensbron db migrate or start the web app first).");
                }

                if (target.Exists && !parseResult.GetValue(force))
                {
                    throw new CliInputException($"FILE: {target.FullName} exists; add --force to overwrite it.");
                }

                if (target.Exists)
                {
                    target.Delete();
                }

                var contents = SqliteBackup.Backup(connection, target.FullName);
                console.Output.WriteLine(
                    $"Backup written to {target.FullName} ({new FileInfo(target.FullName).Length / 1024.0:N0} KiB): " +
                    $"{contents.Needs} needs, {contents.Profiles} profiles, {contents.Users} accounts, {contents.Migrations.Count} migrations.");
                return 0;
            });
        });
        return command;
    }

    private static Command Restore(CliConsole console)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A backup written by kompetensbron db backup." };
        var force = new Option<bool>("--force") { Description = "Replace the current database (all its data) with the backup." };
        var command = new Command("restore", "Replace the SQLite database with a backup: checks the file first (a sound SQLite file, a Kompetensbron " +
            "database, not from a newer version), refuses to overwrite existing data without --force, then migrates. Stop the web app first.")
        {
            file, force,
        };
        command.SetAction(async (parseResult, ct) =>
        {
            var source = parseResult.GetRequiredValue(file);
            var configuration = DatabaseOptionsOnCommandLine.ToConfiguration(parseResult);
            var restored = Run(console, parseResult, connection =>
            {
                var known = KnownMigrations(configuration);
                SqliteBackup.Inspect(source.FullName, known);
                if (SqliteBackup.HasData(connection) && !parseResult.GetValue(force))
                {
                    throw new CliInputException("the database already holds data; add --force to replace it with the backup (everything in it now is lost).");
                }

                var contents = SqliteBackup.Restore(source.FullName, connection, known);
                console.Output.WriteLine($"Restored {contents.Needs} needs, {contents.Profiles} profiles and {contents.Users} accounts from {source.FullName}.");
                return 0;
            });
            if (restored != 0)
            {
                return restored;
            }

            // An older backup is brought up to date like any database.
            return await CliServices.RunAsync(configuration, console, async (services, token) =>
            {
                var db = services.GetRequiredService<KompetensbronDbContext>();
                console.Output.WriteLine($"Database up to date: {(await db.Database.GetAppliedMigrationsAsync(token)).Count()} migrations applied.");
                return 0;
            }, ct);
        });
        return command;
    }

    /// <summary>Runs an SQLite-only action on the configured database's connection string; PostgreSQL gets the pg_dump recipe.</summary>
    private static int Run(CliConsole console, ParseResult parseResult, Func<string, int> action)
    {
        try
        {
            var options = DatabaseOptionsOnCommandLine.ToConfiguration(parseResult).GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
            if (options.Provider == DatabaseProvider.Postgres)
            {
                return console.Fail("db backup and db restore work on SQLite only. " + SqliteBackup.PostgresRecipe);
            }

            return action(DatabaseServiceCollectionExtensions.SqliteConnectionString(options.ConnectionString));
        }
        catch (CliInputException e)
        {
            return console.Fail(e.Message);
        }
        catch (BackupFileException e)
        {
            return console.Fail(e.Message);
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            return console.Fail($"database: {e.Message}");
        }
    }

    /// <summary>The migrations this version knows (from the model, no database needed).</summary>
    private static IReadOnlyList<string> KnownMigrations(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddKompetensbronDatabase(configuration);
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        return SqliteBackup.KnownMigrations(scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>());
    }
}
