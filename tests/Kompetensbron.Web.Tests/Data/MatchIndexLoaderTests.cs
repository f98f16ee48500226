using Kompetensbron.Core.Matching;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data;
using Kompetensbron.Data.Database;
using Kompetensbron.Data.Demo;
using Kompetensbron.Data.Matching;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Data;

/// <summary>The match index loaded from a migrated, seeded SQLite database, and kept current by refreshes.</summary>
public sealed class MatchIndexLoaderTests : IDisposable
{
    private static readonly Lazy<TaxonomyModel> Taxonomy = new(TaxonomyModel.LoadEmbedded);
    private readonly SqliteDatabase _database = new();

    private async Task<ServiceProvider> SeededServices()
    {
        var services = TestDatabaseServices.Build(DatabaseProvider.Sqlite, _database.ConnectionString);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(617, CancellationToken.None);
        return services;
    }

    private static MatchService Matching(ServiceProvider services) =>
        new(MatchModel.Create(Taxonomy.Value), services.GetRequiredService<IServiceScopeFactory>());

    [Fact]
    public async Task Loads_open_needs_of_approved_employers_and_every_profile()
    {
        await using var services = await SeededServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();

        var data = await MatchIndexLoader.LoadAsync(db, MatchModel.Create(Taxonomy.Value).SwedishLanguageId, CancellationToken.None);

        var matchable = await (from n in db.Needs join o in db.Organisations on n.OrganisationId equals o.Id where n.Status == NeedStatus.Open && o.IsApproved select n.Id).ToListAsync();
        Assert.Equal(matchable.Order(), data.Needs.Select(n => n.Id).Order());
        Assert.Equal(0, data.NeedsWithoutPlace);
        Assert.Equal(await db.Profiles.CountAsync(), data.Profiles.Count);
        Assert.All(data.Needs, n => Assert.InRange(n.Location.Latitude, 55, 70));
        Assert.Contains(data.Profiles, p => p.SwedishLevel is not null && p.Skills.Count > 0);
        Assert.Contains(data.Profiles, p => !p.IsVisibleToEmployers);
    }

    [Fact]
    public async Task Service_explains_matches_and_a_closed_need_or_hidden_profile_drops_out_after_refresh()
    {
        await using var services = await SeededServices();
        using var matching = Matching(services);

        var profileId = (await ProfileWithMatches(services, matching))!.Value;
        var best = (await matching.NeedsForProfileAsync(profileId, null, 5))[0];
        Assert.Contains(best.SentencesSv, s => s.StartsWith("Hur vi räknade: ", StringComparison.Ordinal));
        Assert.Equal(best.Match.Score, best.Explanation.Components.Total);
        Assert.True(matching.LoadReport!.Needs > 0);

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            var need = await db.Needs.SingleAsync(n => n.Id == best.Match.NeedId);
            need.Status = NeedStatus.Filled;
            var profile = await db.Profiles.SingleAsync(p => p.Id == profileId);
            profile.Visibility = Kompetensbron.Core.Profiles.ProfileVisibility.Hidden;
            await db.SaveChangesAsync();
        }

        await matching.RefreshNeedAsync(best.Match.NeedId);
        await matching.RefreshProfileAsync(profileId);

        Assert.DoesNotContain(await matching.NeedsForProfileAsync(profileId, null, 200), m => m.Match.NeedId == best.Match.NeedId);
        var remaining = await matching.NeedsForProfileAsync(profileId, null, 1);
        if (remaining.Count > 0 && remaining[0] is var other)
        {
            Assert.DoesNotContain(await matching.ProfilesForNeedAsync(other.Match.NeedId, 1000), m => m.Match.ProfileId == profileId);
            var why = await matching.ExplainAsync(other.Match.NeedId, profileId, MatchPerspective.Employer);
            Assert.Equal(MatchExclusions.ProfileHidden, why!.Explanation.Exclusions);
        }
    }

    private static async Task<int?> ProfileWithMatches(ServiceProvider services, MatchService matching)
    {
        await using var scope = services.CreateAsyncScope();
        var ids = await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Profiles.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        foreach (var id in ids)
        {
            if ((await matching.NeedsForProfileAsync(id, null, 2)).Count == 2)
            {
                return id;
            }
        }

        return null;
    }

    public void Dispose() => _database.Dispose();
}
