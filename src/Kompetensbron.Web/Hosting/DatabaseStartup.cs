using Kompetensbron.Data.Database;
using Kompetensbron.Data.Demo;
using Kompetensbron.Web.Demo;
using Microsoft.Extensions.Options;

namespace Kompetensbron.Web.Hosting;

/// <summary>Refuses to start: the reason is logged (critical) before it is thrown.</summary>
internal sealed class UnsafeStartException(string message) : Exception(message);

/// <summary>Brings the database up to date before the app takes requests, so one <c>dotnet run</c> just works.</summary>
internal static partial class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup).FullName!);
        var environment = services.GetRequiredService<IHostEnvironment>();
        var demo = services.GetRequiredService<IOptions<DemoOptions>>().Value;
        var seed = demo.SeedsIn(environment);
        if (seed && environment.IsProduction())
        {
            LogDemoInProduction(logger);
            throw new UnsafeStartException("Demo:Seed is on in Production.");
        }

        // Migrations and the four roles (registration needs them even without demo data).
        await DatabaseInitializer.MigrateAsync(services, cancellationToken);

        await using (var scope = services.CreateAsyncScope())
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            if (seed && !await seeder.IsDemoLoadedAsync(cancellationToken))
            {
                LogSeeding(logger, demo.SeedValue);
                var result = await seeder.SeedAsync(demo.SeedValue, cancellationToken);
                LogSeeded(logger, result.Organisations, result.Needs, result.Profiles, result.Programmes, result.Elapsed.TotalSeconds);
            }

            // The demo passwords are on the start page and in the README: Production never runs with one.
            if (environment.IsProduction() && await seeder.AccountsWithPublishedPasswordsAsync() is { Count: > 0 } published)
            {
                LogPublishedPasswords(logger, published);
                throw new UnsafeStartException("Accounts with published demo passwords exist.");
            }
        }

        services.GetRequiredService<DemoStatus>().Forget();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loading the fictional demo region (seed {Seed})")]
    private static partial void LogSeeding(ILogger logger, int seed);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Demo region loaded: {Organisations} organisations, {Needs} needs, {Profiles} profiles, {Programmes} programmes in {Seconds:0.0} s")]
    private static partial void LogSeeded(ILogger logger, int organisations, int needs, int profiles, int programmes, double seconds);

    [LoggerMessage(Level = LogLevel.Critical,
        Message = "Refusing to start: Demo:Seed is on in Production, and the demo accounts' passwords are published. Load the demo region in another environment (for example ASPNETCORE_ENVIRONMENT=Staging).")]
    private static partial void LogDemoInProduction(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical,
        Message = "Refusing to start: these accounts still have their published demo password: {Accounts}. Delete these accounts (or start from a database without the demo region), then start again.")]
    private static partial void LogPublishedPasswords(ILogger logger, IReadOnlyList<string> accounts);
}
