using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Demo;
using Kompetensbron.Web.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kompetensbron.Web.Hosting;

/// <summary>Brings the database up to date before the app takes requests, so one <c>dotnet run</c> just works.</summary>
internal static partial class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup).FullName!);

        var db = provider.GetRequiredService<KompetensbronDbContext>();
        await db.Database.MigrateAsync(cancellationToken);

        // Registration needs the roles even when no demo data is loaded.
        var roles = provider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var demo = provider.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (demo.Seed)
        {
            var seeder = provider.GetRequiredService<DemoSeeder>();
            if (!await seeder.IsDemoLoadedAsync())
            {
                LogSeeding(logger, demo.SeedValue);
                await seeder.SeedAsync(demo.SeedValue, cancellationToken);
            }
        }

        provider.GetRequiredService<DemoStatus>().Forget();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loading the fictional demo region (seed {Seed})")]
    private static partial void LogSeeding(ILogger logger, int seed);
}
