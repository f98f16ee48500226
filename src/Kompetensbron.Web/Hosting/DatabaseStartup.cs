using Kompetensbron.Data.Database;
using Kompetensbron.Data.Demo;
using Kompetensbron.Web.Demo;
using Microsoft.Extensions.Options;

namespace Kompetensbron.Web.Hosting;

/// <summary>Brings the database up to date before the app takes requests, so one <c>dotnet run</c> just works.</summary>
internal static partial class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        // Migrations and the four roles (registration needs them even without demo data).
        await DatabaseInitializer.MigrateAsync(services, cancellationToken);

        var demo = services.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (demo.Seed)
        {
            await using var scope = services.CreateAsyncScope();
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            if (!await seeder.IsDemoLoadedAsync(cancellationToken))
            {
                var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup).FullName!);
                LogSeeding(logger, demo.SeedValue);
                var result = await seeder.SeedAsync(demo.SeedValue, cancellationToken);
                LogSeeded(logger, result.Organisations, result.Needs, result.Profiles, result.Programmes, result.Elapsed.TotalSeconds);
            }
        }

        services.GetRequiredService<DemoStatus>().Forget();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loading the fictional demo region (seed {Seed})")]
    private static partial void LogSeeding(ILogger logger, int seed);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Demo region loaded: {Organisations} organisations, {Needs} needs, {Profiles} profiles, {Programmes} programmes in {Seconds:0.0} s")]
    private static partial void LogSeeded(ILogger logger, int organisations, int needs, int profiles, int programmes, double seconds);
}
