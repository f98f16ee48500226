using System.Globalization;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Import.JobTech;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data;
using Kompetensbron.Data.ChangeLog;
using Kompetensbron.Data.Database;
using Kompetensbron.Data.Import;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Import;

/// <summary>
/// The bulk writer of the JobTech import (decision 0018) leaves exactly the rows EF Core's change tracker leaves:
/// a first import, a second one that updates most ads and adds others, and the same ad twice in one file.
/// </summary>
public sealed class JobTechWriterTests(PostgresDatabase postgres)
    : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly SqliteDatabase _bulk = new();
    private readonly SqliteDatabase _reference = new();

    [Fact]
    public async Task Bulk_and_change_tracker_writers_leave_the_same_rows_on_sqlite()
    {
        var bulk = await ImportThreeFilesAsync(DatabaseProvider.Sqlite, _bulk.ConnectionString, JobTechWriter.Bulk);
        var reference = await ImportThreeFilesAsync(DatabaseProvider.Sqlite, _reference.ConnectionString, JobTechWriter.ChangeTracker);

        AssertSame(reference, bulk);
    }

    [PostgresFact]
    public async Task Bulk_and_change_tracker_writers_leave_the_same_rows_on_postgres()
    {
        var bulk = await ImportThreeFilesAsync(DatabaseProvider.Postgres, postgres.ConnectionString, JobTechWriter.Bulk);
        await using var other = new PostgresDatabase();
        await other.InitializeAsync();
        try
        {
            var reference = await ImportThreeFilesAsync(DatabaseProvider.Postgres, other.ConnectionString, JobTechWriter.ChangeTracker);
            AssertSame(reference, bulk);
        }
        finally
        {
            await other.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_failure_in_a_later_batch_leaves_nothing_of_the_earlier_ones()
    {
        await using var services = Services(DatabaseProvider.Sqlite, _bulk.ConnectionString);
        await MigrateAsync(services);
        var ads = Generate(300, seed: 3);
        var broken = new MemoryStream([.. ads, .. "{\"id\": \"99\", \"number_of_vacancies\": \"many\"}\n"u8]);

        await Assert.ThrowsAsync<Kompetensbron.Core.Import.ImportFileException>(() => ImportAsync(services, broken, JobTechWriter.Bulk));

        var (needs, organisations) = await QueryAsync(services, async db => (await db.Needs.CountAsync(), await db.Organisations.CountAsync()));
        Assert.Equal(0, needs);
        Assert.Equal(0, organisations);
    }

    [Theory]
    [InlineData(JobTechWriter.Bulk)]
    [InlineData(JobTechWriter.ChangeTracker)]
    public async Task An_ad_cannot_take_over_another_organisation_s_need_on_sqlite(JobTechWriter writer)
    {
        await using var services = Services(DatabaseProvider.Sqlite, _bulk.ConnectionString);
        await MigrateAsync(services);
        await AssertNoTakeoverAsync(services, writer);
    }

    [PostgresFact]
    public async Task An_ad_cannot_take_over_another_organisation_s_need_on_postgres()
    {
        foreach (var writer in new[] { JobTechWriter.Bulk, JobTechWriter.ChangeTracker })
        {
            await using var database = new PostgresDatabase();
            await database.InitializeAsync();
            try
            {
                await using var services = Services(DatabaseProvider.Postgres, database.ConnectionString);
                await MigrateAsync(services);
                await AssertNoTakeoverAsync(services, writer);
            }
            finally
            {
                await database.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Organisation A's need from ad 71000001; then a file from organisation B with the same ad id (and a new ad): the
    /// ad is rejected by id and A's need is untouched, while B's own ad is created. A re-import by A still updates it,
    /// and only an operator's <see cref="JobTechImportOptions.AllowOwnerChange"/> moves it to B.
    /// </summary>
    private static async Task AssertNoTakeoverAsync(ServiceProvider services, JobTechWriter writer)
    {
        const string A = "556036-0793";
        const string B = "556677-8899";
        var first = await ImportAsync(services, Ads(("71000001", "Svetsare", A)), new JobTechImportOptions { Writer = writer });
        Assert.Equal(1, first.Created);
        var before = await QueryAsync(services, db => db.Needs.AsNoTracking().SingleAsync(n => n.ExternalId == "jobtech:71000001"));

        var takeover = await ImportAsync(services, Ads(("71000001", "Kapad", B), ("71000002", "Montör", B)), new JobTechImportOptions { Writer = writer });

        Assert.Equal((1, 0), (takeover.Created, takeover.Updated));
        var rejected = Assert.Single(takeover.Rejected);
        Assert.Equal(1, takeover.OwnerChangesRefused);
        Assert.Equal((1, "71000001"), (rejected.Row, rejected.RecordId));
        Assert.Contains("Annonsen 71000001 finns redan som ett behov hos en annan organisation", rejected.MessageSv, StringComparison.Ordinal);
        Assert.Contains("Ad 71000001 is already a need of another organisation", rejected.MessageEn, StringComparison.Ordinal);
        var after = await QueryAsync(services, db => db.Needs.AsNoTracking().SingleAsync(n => n.ExternalId == "jobtech:71000001"));
        Assert.Equal((before.OrganisationId, before.Title, before.Version, before.UpdatedAt), (after.OrganisationId, after.Title, after.Version, after.UpdatedAt));
        Assert.Equal(A, await OwnerAsync(services, "jobtech:71000001"));
        Assert.Equal(B, await OwnerAsync(services, "jobtech:71000002"));

        var own = await ImportAsync(services, Ads(("71000001", "Svetsare natt", A)), new JobTechImportOptions { Writer = writer });
        Assert.Equal((0, 1, 0), (own.Created, own.Updated, own.Rejected.Count));

        var moved = await ImportAsync(services, Ads(("71000001", "Flyttad", B)), new JobTechImportOptions { Writer = writer, AllowOwnerChange = true });
        Assert.Equal((0, 1, 0), (moved.Created, moved.Updated, moved.Rejected.Count));
        Assert.Equal(B, await OwnerAsync(services, "jobtech:71000001"));
    }

    private static Task<string> OwnerAsync(ServiceProvider services, string externalId) =>
        QueryAsync(services, db => db.Needs.Where(n => n.ExternalId == externalId).Join(db.Organisations, n => n.OrganisationId, o => o.Id, (n, o) => o.OrganisationNumber).SingleAsync());

    private static MemoryStream Ads(params (string Id, string Headline, string OrganisationNumber)[] ads) =>
        new(System.Text.Encoding.UTF8.GetBytes(string.Concat(ads.Select(ad =>
            $$$"""{"id": "{{{ad.Id}}}", "headline": "{{{ad.Headline}}}", "occupation": {"concept_id": "9haD_NB6_ULH"}, "employer": {"organization_number": "{{{ad.OrganisationNumber}}}", "name": "AB {{{ad.OrganisationNumber}}}"}}""" + "\n"))));

    private static void AssertSame(Snapshot expected, Snapshot actual)
    {
        Assert.Equal(500, actual.Needs.Count); // 300 + 200 new; the repeated ads updated, not duplicated
        Assert.Contains(actual.Needs, n => n.Contains("Recognised", StringComparison.Ordinal));
        Assert.Equal(expected.Organisations, actual.Organisations);
        Assert.Equal(500, actual.Logged.Count);
        Assert.Equal(expected.Logged, actual.Logged);
        Assert.Equal(expected.Sites, actual.Sites);
        Assert.Equal(expected.Needs.Count, actual.Needs.Count);
        for (var i = 0; i < expected.Needs.Count; i++)
        {
            Assert.Equal(expected.Needs[i], actual.Needs[i]);
        }
    }

    private static async Task<Snapshot> ImportThreeFilesAsync(DatabaseProvider provider, string connectionString, JobTechWriter writer)
    {
        await using var services = Services(provider, connectionString);
        await MigrateAsync(services);
        var first = await ImportAsync(services, new MemoryStream(Generate(300, seed: 42)), writer);
        Assert.Equal((300, 0), (first.Created, first.Updated));

        // Same ad ids (the generator numbers them), other content and employers; then the first 50 again in the same file.
        // Moving a need to another employer takes the operator's consent (AssertNoTakeoverAsync checks the refusal).
        var second = await ImportAsync(services, new MemoryStream([.. Generate(500, seed: 7), .. Generate(50, seed: 8)]),
            new JobTechImportOptions { BatchSize = 64, Writer = writer, AllowOwnerChange = true });
        Assert.Equal(200, second.Created);
        Assert.Equal(350, second.Updated);

        return await QueryAsync(services, async db =>
        {
            var organisations = await db.Organisations.OrderBy(o => o.OrganisationNumber).Select(o => o.OrganisationNumber + " " + o.Name).ToListAsync();
            var sites = await db.Sites.Join(db.Organisations, s => s.OrganisationId, o => o.Id, (s, o) => new { o.OrganisationNumber, s.Name, s.MunicipalityCode, s.PlaceName, s.PostalCode, s.Latitude, s.Longitude })
                .ToListAsync();
            var needs = await db.Needs.AsNoTracking().ToListAsync();
            var numbers = await db.Organisations.ToDictionaryAsync(o => o.Id, o => o.OrganisationNumber);
            // Other instances follow the change sequence: every imported need is in it (by external id, as ids may differ).
            var externalIds = needs.ToDictionary(n => n.Id, n => n.ExternalId!);
            var logged = (await db.Set<ChangeLogEntry>().Where(e => e.Kind == ChangedEntity.Need).Select(e => e.EntityId).Distinct().ToListAsync())
                .Select(id => externalIds[id]).Order(StringComparer.Ordinal).ToList();
            var siteNames = await db.Sites.ToDictionaryAsync(s => s.Id, s => string.Create(CultureInfo.InvariantCulture, $"{s.MunicipalityCode} {s.Latitude:F5} {s.Longitude:F5}"));
            return new Snapshot(
                organisations,
                logged,
                [.. sites.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.OrganisationNumber} {s.Name} {s.MunicipalityCode} {s.PlaceName} {s.PostalCode} {s.Latitude:F5} {s.Longitude:F5}")).Order(StringComparer.Ordinal)],
                [.. needs.OrderBy(n => n.ExternalId, StringComparer.Ordinal).Select(n => string.Join(" | ",
                    n.ExternalId, n.Kind, n.Title, n.Description, n.OccupationId, n.Headcount, string.Join(",", n.Licences), n.MinimumSwedishLevel,
                    n.ShiftWork, n.StartDate, n.ApplicationDeadline, numbers[n.OrganisationId], n.SiteId is { } site ? siteNames[site] : "-", n.Status,
                    n.CreatedAt.ToUnixTimeSeconds(), n.UpdatedAt.ToUnixTimeSeconds(), n.Version,
                    string.Join(",", n.Skills.OrderBy(s => s.SkillId, StringComparer.Ordinal).Select(s => $"{s.SkillId}:{s.IsRequired}:{s.Importance}:{s.Source}"))))]);
        });
    }

    private static byte[] Generate(int count, int seed)
    {
        using var stream = new MemoryStream();
        JobTechAdGenerator.WriteJsonLines(stream, Taxonomy, Geography, count, seed);
        return [.. stream.ToArray(), (byte)'\n'];
    }

    private static Task<JobTechImportResult> ImportAsync(ServiceProvider services, Stream ads, JobTechWriter writer) =>
        ImportAsync(services, ads, new JobTechImportOptions { BatchSize = 64, Writer = writer });

    private static async Task<JobTechImportResult> ImportAsync(ServiceProvider services, Stream ads, JobTechImportOptions options)
    {
        await using var scope = services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<JobTechImporter>();
        return await importer.ImportAsync(ads, options);
    }

    private static async Task<T> QueryAsync<T>(ServiceProvider services, Func<KompetensbronDbContext, Task<T>> query)
    {
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>());
    }

    private static async Task MigrateAsync(ServiceProvider services) =>
        await QueryAsync(services, async db =>
        {
            await db.Database.MigrateAsync();
            return 0;
        });

    private static ServiceProvider Services(DatabaseProvider provider, string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = connectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FixedTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero)));
        services.AddSingleton(Taxonomy);
        services.AddSingleton(Geography);
        services.AddKompetensbronDatabase(configuration);
        services.AddKompetensbronImport();
        return services.BuildServiceProvider();
    }

    private static readonly TaxonomyModel Taxonomy = TaxonomyModel.LoadEmbedded();
    private static readonly GeographyModel Geography = GeographyModel.LoadEmbedded();

    private sealed record Snapshot(List<string> Organisations, List<string> Logged, List<string> Sites, List<string> Needs);

    public void Dispose()
    {
        _bulk.Dispose();
        _reference.Dispose();
    }
}
