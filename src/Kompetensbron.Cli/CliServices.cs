using System.CommandLine;
using Kompetensbron.Cli.Database;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Import;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data.Gaps;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Database;
using Kompetensbron.Data.Demo;
using Kompetensbron.Data.Import;
using Kompetensbron.Data.Matching;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kompetensbron.Cli;

/// <summary>Builds the services a data command needs and turns known failures into clear messages.</summary>
internal static class CliServices
{
    /// <summary>
    /// Runs <paramref name="work"/> in a scope over the configured database, migrated first and with the roles
    /// in place (both idempotent; the per-user SQLite file may not exist yet).
    /// </summary>
    public static async Task<int> RunAsync(
        ParseResult parseResult,
        CliConsole console,
        Func<IServiceProvider, CancellationToken, Task<int>> work,
        CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(DatabaseOptionsOnCommandLine.ToConfiguration(parseResult), console, work, cancellationToken);
        }
        catch (CliInputException e)
        {
            return console.Fail(e.Message);
        }
    }

    /// <summary>As above, on the database that <paramref name="configuration"/> names (e.g. a benchmark's own file).</summary>
    public static async Task<int> RunAsync(
        IConfiguration configuration,
        CliConsole console,
        Func<IServiceProvider, CancellationToken, Task<int>> work,
        CancellationToken cancellationToken)
    {
        try
        {
            var services = new ServiceCollection();
            services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error));
            services.AddSingleton(TimeProvider.System);
            services.AddSingleton(_ => TaxonomyModel.LoadEmbedded());
            services.AddSingleton(_ => GeographyModel.LoadEmbedded());
            services.AddKompetensbronDatabase(configuration);
            services.AddKompetensbronIdentityCore();
            services.AddDemoSeeder();
            services.AddScoped<Registration>();
            services.AddMatching();
            services.AddKompetensbronImport();
            services.AddScoped<LearningPathFinder>();
            await using var provider = services.BuildServiceProvider(validateScopes: true);
            _ = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;

            await DatabaseInitializer.MigrateAsync(provider, cancellationToken);
            await using var scope = provider.CreateAsyncScope();
            return await work(scope.ServiceProvider, cancellationToken);
        }
        catch (CliInputException e)
        {
            return console.Fail(e.Message);
        }
        catch (ImportFileException e)
        {
            return console.Fail(e.Message);
        }
        catch (OptionsValidationException e)
        {
            return console.Fail(string.Join(" ", e.Failures));
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            return console.Fail($"database: {e.GetBaseException().Message}");
        }
    }
}
