using Kompetensbron.Core.Matching;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data;
using Kompetensbron.Data.ChangeLog;
using Kompetensbron.Data.Database;
using Kompetensbron.Data.Demo;
using Kompetensbron.Data.Matching;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kompetensbron.Web.Tests.ChangeLog;

/// <summary>The change sequence is written with every change, in its transaction, and another process's index follows it.</summary>
public sealed class ChangeLogTests : IDisposable
{
    private static readonly Lazy<TaxonomyModel> Taxonomy = new(TaxonomyModel.LoadEmbedded);
    private readonly SqliteDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<ServiceProvider> SeededServices()
    {
        var services = TestDatabaseServices.Build(DatabaseProvider.Sqlite, _database.ConnectionString);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(617, CancellationToken.None);
        return services;
    }

    private static async Task<List<ChangeLogEntry>> EntriesAfter(ServiceProvider services, long after)
    {
        await using var scope = services.CreateAsyncScope();
        return await ChangeSequence.ReadAsync(scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>(), after + 1, long.MaxValue, 10_000);
    }

    private static async Task<long> Latest(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await ChangeSequence.LatestIdAsync(scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>());
    }

    [Fact]
    public async Task A_saved_need_edit_writes_one_entry_and_a_rolled_back_one_writes_none()
    {
        await using var services = await SeededServices();
        var before = await Latest(services);
        int needId;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            var need = await db.Needs.Include(n => n.Skills).FirstAsync();
            needId = need.Id;
            need.Title += " (ändrad)";
            need.Skills.RemoveAt(0);
            await db.SaveChangesAsync();

            await using var transaction = await db.Database.BeginTransactionAsync();
            need.Title += " igen";
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        var entry = Assert.Single(await EntriesAfter(services, before));
        Assert.Equal((ChangedEntity.Need, needId), (entry.Kind, entry.EntityId));
    }

    [Fact]
    public async Task New_rows_are_logged_with_their_generated_ids_and_deleted_accounts_as_their_profile()
    {
        await using var services = await SeededServices();
        var before = await Latest(services);
        int needId, profileId;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            var template = await db.Needs.AsNoTracking().Include(n => n.Skills).FirstAsync();
            var need = new Need
            {
                OrganisationId = template.OrganisationId,
                Title = "Ny svetsare",
                OccupationId = template.OccupationId,
                CreatedAt = DateTimeOffset.UtcNow,
                Skills = [.. template.Skills.Select(s => new NeedSkill { SkillId = s.SkillId, IsRequired = s.IsRequired, Importance = s.Importance })],
            };
            db.Needs.Add(need);
            await db.SaveChangesAsync();
            needId = need.Id;

            var person = await db.Profiles.AsNoTracking().FirstAsync(p => p.UserId != null);
            profileId = person.Id;
            var user = await db.Users.SingleAsync(u => u.Id == person.UserId);
            db.Users.Remove(user);
            await db.SaveChangesAsync();
            Assert.False(await db.Profiles.AnyAsync(p => p.Id == profileId));
        }

        var entries = (await EntriesAfter(services, before)).Select(e => (e.Kind, e.EntityId)).ToList();
        Assert.Equal([(ChangedEntity.Need, needId), (ChangedEntity.Profile, profileId)], entries);
    }

    [Fact]
    public async Task A_second_process_index_picks_up_a_new_need_and_a_closed_one_through_the_sequence()
    {
        await using var first = await SeededServices();
        // A second "instance": its own services and match index on the same database file.
        await using var second = TestDatabaseServices.Build(DatabaseProvider.Sqlite, _database.ConnectionString);
        using var matching = new MatchService(MatchModel.Create(Taxonomy.Value), second.GetRequiredService<IServiceScopeFactory>());
        using var follower = new MatchChangeFollower(
            matching, second.GetRequiredService<IServiceScopeFactory>(), Options.Create(new MatchChangeOptions()),
            TimeProvider.System, NullLogger<MatchChangeFollower>.Instance);
        await matching.EnsureLoadedAsync();
        await follower.PollAsync(CancellationToken.None);

        int newId, closedId;
        await using (var scope = first.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            var open = await db.Needs.Include(n => n.Skills).Where(n => n.Status == NeedStatus.Open).OrderBy(n => n.Id).ToListAsync();
            var closed = open.First(n => matching.ProfilesForNeedAsync(n.Id, 1).Result.Count > 0);
            closedId = closed.Id;
            Assert.NotEmpty(await matching.ProfilesForNeedAsync(closedId, 5));
            closed.Status = NeedStatus.Filled;
            var copy = new Need
            {
                OrganisationId = closed.OrganisationId,
                SiteId = closed.SiteId,
                Title = closed.Title + " (kopia)",
                OccupationId = closed.OccupationId,
                CreatedAt = DateTimeOffset.UtcNow,
                Skills = [.. closed.Skills.Select(s => new NeedSkill { SkillId = s.SkillId, IsRequired = s.IsRequired, Importance = s.Importance })],
            };
            db.Needs.Add(copy);
            await db.SaveChangesAsync();
            newId = copy.Id;
        }

        Assert.Empty(await matching.ProfilesForNeedAsync(newId, 5));
        await follower.PollAsync(CancellationToken.None);

        Assert.NotEmpty(await matching.ProfilesForNeedAsync(newId, 5));
        Assert.Empty(await matching.ProfilesForNeedAsync(closedId, 5));
        Assert.Equal(await Latest(first), follower.Position);
    }

    [Fact]
    public async Task More_changes_than_the_threshold_rebuild_the_index_at_once()
    {
        await using var first = await SeededServices();
        await using var second = TestDatabaseServices.Build(DatabaseProvider.Sqlite, _database.ConnectionString);
        using var matching = new MatchService(MatchModel.Create(Taxonomy.Value), second.GetRequiredService<IServiceScopeFactory>());
        using var follower = new MatchChangeFollower(
            matching, second.GetRequiredService<IServiceScopeFactory>(), Options.Create(new MatchChangeOptions { ReloadAbove = 2 }),
            TimeProvider.System, NullLogger<MatchChangeFollower>.Instance);
        await matching.EnsureLoadedAsync();
        await follower.PollAsync(CancellationToken.None);
        var loadedBefore = matching.LoadReport;

        await using (var scope = first.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            var approved = db.Organisations.Where(o => o.IsApproved).Select(o => o.Id);
            foreach (var need in await db.Needs.Where(n => n.Status == NeedStatus.Open && approved.Contains(n.OrganisationId)).Take(5).ToListAsync())
            {
                need.Status = NeedStatus.Filled;
            }

            await db.SaveChangesAsync();
        }

        await follower.PollAsync(CancellationToken.None);

        Assert.NotSame(loadedBefore, matching.LoadReport);
        Assert.Equal(loadedBefore!.Needs - 5, matching.LoadReport!.Needs);
    }
}
