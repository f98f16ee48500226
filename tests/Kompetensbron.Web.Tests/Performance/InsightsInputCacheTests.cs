using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Core.Workforce;
using Kompetensbron.Data;
using Kompetensbron.Data.Database;
using Kompetensbron.Data.Demo;
using Kompetensbron.Data.Insights;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Performance;

/// <summary>
/// The insights input is read from the database once per version of the change sequence: a second read with no
/// change in between runs only the version query; any write (here, through another instance's services on the same
/// database) is seen by the next read. On SQLite and, with PG_CONN, PostgreSQL.
/// </summary>
public sealed class InsightsInputCacheTests : IAsyncLifetime
{
    private static readonly Lazy<TaxonomyModel> Taxonomy = new(TaxonomyModel.LoadEmbedded);
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly string[] OnlyTheChangeLog = ["ChangeLog"];
    private readonly PostgresDatabase _postgres = new();

    public Task InitializeAsync() => _postgres.InitializeAsync();

    public Task DisposeAsync() => _postgres.DisposeAsync();

    [Fact]
    public async Task Sqlite_a_second_read_runs_only_the_version_query_and_a_write_is_read_next_time()
    {
        using var sqlite = new SqliteDatabase();
        await SecondReadIsCheapAndAWriteIsSeen(DatabaseProvider.Sqlite, sqlite.ConnectionString);
    }

    [PostgresFact]
    public Task Postgres_a_second_read_runs_only_the_version_query_and_a_write_is_read_next_time() =>
        SecondReadIsCheapAndAWriteIsSeen(DatabaseProvider.Postgres, _postgres.ConnectionString);

    [Fact]
    public async Task Sqlite_two_instances_on_one_database_see_each_others_writes()
    {
        using var sqlite = new SqliteDatabase();
        await TwoInstancesSeeEachOthersWrites(DatabaseProvider.Sqlite, sqlite.ConnectionString);
    }

    [PostgresFact]
    public Task Postgres_two_instances_on_one_database_see_each_others_writes() =>
        TwoInstancesSeeEachOthersWrites(DatabaseProvider.Postgres, _postgres.ConnectionString);

    private static async Task SecondReadIsCheapAndAWriteIsSeen(DatabaseProvider provider, string connectionString)
    {
        await using var services = await SeededAsync(provider, connectionString);
        var cache = new InsightsInputCache(Taxonomy.Value);
        var log = new CommandLog();
        await using var db = log.Context(provider, connectionString);

        var first = await cache.GetAsync(db, Today);
        Assert.Contains("Needs", log.TablesRead);
        Assert.Contains("Profiles", log.TablesRead);

        log.Clear();
        var second = await cache.GetAsync(db, Today);
        Assert.Same(first, second);
        var version = Assert.Single(log.Commands);
        Assert.Equal(OnlyTheChangeLog, log.TablesRead);

        await AddOpenNeedAsync(services, headcount: 7);
        log.Clear();
        var third = await cache.GetAsync(db, Today);

        Assert.NotSame(first, third);
        Assert.Contains("Needs", log.TablesRead);
        Assert.Equal(Positions(first) + 7, Positions(third));
        Assert.Equal(2, cache.Loads);
        Assert.Contains("ChangeLog", version, StringComparison.Ordinal);
    }

    private static async Task TwoInstancesSeeEachOthersWrites(DatabaseProvider provider, string connectionString)
    {
        // Two "instances": their own services and their own cache on the same database.
        await using var a = await SeededAsync(provider, connectionString);
        await using var b = TestDatabaseServices.Build(provider, connectionString);
        var cacheA = new InsightsInputCache(Taxonomy.Value);
        var cacheB = new InsightsInputCache(Taxonomy.Value);
        var a0 = await ReadAsync(a, cacheA);
        var b0 = await ReadAsync(b, cacheB);
        Assert.Equal(Positions(a0), Positions(b0));

        // B records five more staff near retirement; A's next read has them.
        await using (var scope = b.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            var cohort = await db.WorkforceCohorts.AsNoTracking().FirstAsync();
            db.WorkforceCohorts.Add(new WorkforceCohort
            {
                OrganisationId = cohort.OrganisationId,
                OccupationId = cohort.OccupationId,
                AgeFrom = 60,
                AgeTo = 64,
                Count = 5,
            });
            await db.SaveChangesAsync();
        }

        var a1 = await ReadAsync(a, cacheA);
        Assert.Equal(Staff(a0) + 5, Staff(a1));

        // A withdraws an employer's approval; B's next read no longer counts its open positions.
        int withdrawn;
        await using (var scope = a.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            var employer = await db.Organisations
                .Where(o => o.IsApproved && o.Kind == OrganisationKind.Employer && db.Needs.Any(n => n.OrganisationId == o.Id && n.Status == NeedStatus.Open))
                .OrderBy(o => o.Id).FirstAsync();
            withdrawn = await db.Needs
                .Where(n => n.OrganisationId == employer.Id && n.Status == NeedStatus.Open)
                .SumAsync(n => n.Headcount);
            employer.IsApproved = false;
            await db.SaveChangesAsync();
        }

        var b1 = await ReadAsync(b, cacheB);
        Assert.True(withdrawn > 0);
        Assert.InRange(Positions(b1), Positions(b0) - withdrawn, Positions(b0) - 1);
        Assert.Equal(Positions(b1), Positions(await ReadAsync(a, cacheA)));
        Assert.Same(b1, await ReadAsync(b, cacheB));
    }

    private static int Positions(InsightsSnapshot snapshot) => snapshot.Input.Needs.Sum(n => n.Headcount);

    private static int Staff(InsightsSnapshot snapshot) => snapshot.Input.Workforce.Sum(w => w.Count);

    private static async Task<InsightsSnapshot> ReadAsync(ServiceProvider services, InsightsInputCache cache)
    {
        await using var scope = services.CreateAsyncScope();
        return await cache.GetAsync(scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>(), Today);
    }

    private static async Task<ServiceProvider> SeededAsync(DatabaseProvider provider, string connectionString)
    {
        var services = TestDatabaseServices.Build(provider, connectionString);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(617, CancellationToken.None);
        return services;
    }

    /// <summary>An open need at an approved employer's site, in an occupation the insights place (one already in use).</summary>
    private static async Task AddOpenNeedAsync(ServiceProvider services, int headcount)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var template = await db.Needs.AsNoTracking()
            .Where(n => n.Status == NeedStatus.Open && n.SiteId != null && db.Organisations.Any(o => o.Id == n.OrganisationId && o.IsApproved))
            .OrderBy(n => n.Id).FirstAsync();
        db.Needs.Add(new Need
        {
            OrganisationId = template.OrganisationId,
            SiteId = template.SiteId,
            Title = "Ny svetsare",
            OccupationId = template.OccupationId,
            Headcount = headcount,
            Status = NeedStatus.Open,
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }
}
