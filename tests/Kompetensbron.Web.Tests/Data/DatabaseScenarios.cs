using Kompetensbron.Core.Demo;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Database;
using Kompetensbron.Data.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Kompetensbron.Web.Tests.Data;

/// <summary>The same checks on every database provider; the test classes only choose the provider.</summary>
internal static class DatabaseScenarios
{
    public static async Task MigrationsApplyCleanly(IServiceProvider services)
    {
        await DatabaseInitializer.MigrateAsync(services);

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes without a migration: run tools/add-migration.sh NAME.");

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        Assert.Equal(Roles.All.Order(), (await roles.Roles.Select(r => r.Name!).ToListAsync()).Order());
    }

    public static async Task DemoSeedingIsIdempotent(IServiceProvider services, ITestOutputHelper output)
    {
        await DatabaseInitializer.MigrateAsync(services);

        DemoSeedResult first;
        await using (var scope = services.CreateAsyncScope())
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            Assert.False(await seeder.IsDemoLoadedAsync());
            first = await seeder.SeedAsync(DemoRegionGenerator.DefaultSeed, CancellationToken.None);
            Assert.True(first.Seeded);
            Assert.True(await seeder.IsDemoLoadedAsync());
            output.WriteLine($"Seeded {first.Organisations} organisations, {first.Needs} needs, {first.Profiles} profiles, " +
                $"{first.Programmes} programmes, {first.Cohorts} cohorts, {first.Accounts} accounts in {first.Elapsed.TotalMilliseconds:F0} ms");
        }

        var before = await CountsAsync(services);
        Assert.Equal(first.Organisations, before.Organisations);
        Assert.Equal(first.Needs, before.Needs);
        Assert.Equal(first.Profiles, before.Profiles);
        Assert.True(before.Employers >= 60);
        Assert.True(before.Needs >= 150);
        Assert.True(before.Profiles >= 800);
        Assert.True(before.Programmes >= 40);
        Assert.True(before.NeedSkills > before.Needs);
        Assert.True(before.ProfileSkills > before.Profiles);
        Assert.Equal(DemoSeeder.DemoAccounts.Count, before.Users);

        await using (var scope = services.CreateAsyncScope())
        {
            var again = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(DemoRegionGenerator.DefaultSeed, CancellationToken.None);
            Assert.False(again.Seeded);
        }

        Assert.Equal(before, await CountsAsync(services));
        await DemoAccountsWork(services);
        await QueriesTranslate(services);
    }

    private static async Task DemoAccountsWork(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KompetensbronUser>>();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        foreach (var account in DemoSeeder.DemoAccounts)
        {
            var user = await users.FindByEmailAsync(account.Email);
            Assert.NotNull(user);
            Assert.True(await users.CheckPasswordAsync(user, account.Password), account.Email);
            Assert.True(await users.IsInRoleAsync(user, account.Role), account.Email);
            switch (account.Role)
            {
                case Roles.Employer or Roles.EducationProvider:
                    Assert.NotNull(user.OrganisationId);
                    Assert.True(await db.Organisations.AnyAsync(o => o.Id == user.OrganisationId && o.IsDemo));
                    break;
                case Roles.Person:
                    Assert.True(await db.Profiles.AnyAsync(p => p.UserId == user.Id && p.IsDemo));
                    break;
            }
        }
    }

    /// <summary>Queries the app relies on must translate to SQL on every provider (SQLite has no DateTimeOffset type).</summary>
    private static async Task QueriesTranslate(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var cutoff = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var latest = await db.Needs.Where(n => n.Status == NeedStatus.Open && n.CreatedAt > cutoff)
            .OrderByDescending(n => n.CreatedAt).Take(5).ToListAsync();
        Assert.NotEmpty(latest);
        Assert.All(latest, n => Assert.NotEmpty(n.Skills));

        var profile = await db.Profiles.Where(p => p.Languages.Any(l => l.Level >= CefrLevel.B1))
            .OrderBy(p => p.UpdatedAt).FirstAsync();
        Assert.NotEmpty(profile.Skills);
        Assert.NotEmpty(profile.Languages);

        Assert.True(await db.Profiles.AnyAsync(p => p.Licences.Contains("B")));
        Assert.True(await db.Programmes.AnyAsync(p => p.StartDates.Any(d => d > new DateOnly(2026, 3, 2))));
        Assert.True(await db.Set<ProfileOccupation>().OrderByDescending(o => o.Years).Select(o => o.Years).FirstAsync() > 1);
        Assert.NotEmpty(await db.Set<NeedSkill>().GroupBy(s => s.SkillId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
    }

    public static async Task DeletingAnAccountDeletesItsProfile(IServiceProvider services)
    {
        await DatabaseInitializer.MigrateAsync(services);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KompetensbronUser>>();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();

        var user = new KompetensbronUser { UserName = "a@kompetensbron.example", Email = "a@kompetensbron.example" };
        Assert.True((await users.CreateAsync(user, "ett-langt-losenord")).Succeeded);
        db.Profiles.Add(new Profile
        {
            UserId = user.Id,
            DisplayName = "Test Person",
            MunicipalityCode = "0617",
            Skills = [new ProfileSkill { SkillId = "WBnc_JXj_MvY" }],
            Languages = [new ProfileLanguage { LanguageId = DemoCatalogue.Swedish.Id, Level = CefrLevel.B1 }],
        });
        await db.SaveChangesAsync();

        Assert.True((await users.DeleteAsync(user)).Succeeded);
        Assert.False(await db.Profiles.IgnoreAutoIncludes().AnyAsync());
        Assert.False(await db.Set<ProfileSkill>().AnyAsync());
    }

    private static async Task<Counts> CountsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        return new Counts(
            await db.Organisations.CountAsync(),
            await db.Organisations.CountAsync(o => o.Kind == Core.Organisations.OrganisationKind.Employer),
            await db.Sites.CountAsync(),
            await db.Needs.CountAsync(),
            await db.Set<NeedSkill>().CountAsync(),
            await db.Profiles.CountAsync(),
            await db.Set<ProfileSkill>().CountAsync(),
            await db.Programmes.CountAsync(),
            await db.WorkforceCohorts.CountAsync(),
            await db.Users.CountAsync());
    }

    private sealed record Counts(
        int Organisations, int Employers, int Sites, int Needs, int NeedSkills, int Profiles, int ProfileSkills,
        int Programmes, int Cohorts, int Users);
}
