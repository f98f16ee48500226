using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Data.Database;

/// <summary>Brings a database up to date at start-up: migrations, the four roles, optionally the demo region.</summary>
public static class DatabaseInitializer
{
    /// <summary>Applies pending migrations of the configured provider.</summary>
    public static Task MigrateAsync(KompetensbronDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.MigrateAsync(ct);
    }

    /// <summary>Applies migrations and ensures the roles exist, in a scope of its own.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        await MigrateAsync(scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>(), ct);
        await EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
    }

    /// <summary>Migrates, ensures roles and loads the demo region when it is not there yet.</summary>
    public static async Task<DemoSeedResult> MigrateAndSeedDemoAsync(IServiceProvider services, int seed, CancellationToken ct = default)
    {
        await MigrateAsync(services, ct);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(seed, ct);
    }

    /// <summary>Creates any of <see cref="Roles.All"/> that do not exist.</summary>
    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new IdentityRole(role));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException(
                        $"Could not create role {role}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }
            }
        }
    }
}
