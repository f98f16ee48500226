using System.Globalization;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data;
using Kompetensbron.Data.ChangeLog;
using Kompetensbron.Data.Database;
using Kompetensbron.Data.Demo;
using Kompetensbron.Data.Insights;
using Kompetensbron.Data.Invitations;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.ChangeLog;

/// <summary>
/// The insights cache is only as good as the change sequence: every table the insights input is read from must
/// move the sequence when a row of it is saved. The tables are found by watching the loader's SQL, so a table the
/// loader starts to read tomorrow is checked too.
/// </summary>
public sealed class InsightsChangeCoverageTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private readonly SqliteDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Saving_a_row_of_any_table_the_insights_read_moves_the_change_sequence()
    {
        await using var services = TestDatabaseServices.Build(DatabaseProvider.Sqlite, _database.ConnectionString);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            await db.Database.MigrateAsync();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(617, CancellationToken.None);

            // A hire, so that every table the insights read has a row to save.
            var need = await db.Needs.AsNoTracking().FirstAsync(n => n.Status == NeedStatus.Open);
            var profile = await db.Profiles.AsNoTracking().OrderBy(p => p.Id).FirstAsync();
            db.Invitations.Add(new Invitation
            {
                NeedId = need.Id,
                ProfileId = profile.Id,
                OrganisationId = need.OrganisationId,
                Status = InvitationStatus.Hired,
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var log = new CommandLog();
        await using (var db = log.Context(DatabaseProvider.Sqlite, _database.ConnectionString))
        {
            await InsightsLoader.LoadAsync(db, TaxonomyModel.LoadEmbedded(), Today, reachableProfileIds: null);
        }

        var tables = log.TablesRead;
        Assert.Superset(
            new HashSet<string>(["Needs", "NeedSkills", "Profiles", "ProfileSkills", "ProfileOccupations", "WorkforceCohorts", "Programmes", "Organisations", "Sites", "Invitations"], StringComparer.Ordinal),
            new HashSet<string>(tables, StringComparer.Ordinal));

        var silent = new List<string>();
        var saved = 0;
        foreach (var table in tables)
        {
            await using var db = log.Context(DatabaseProvider.Sqlite, _database.ConnectionString);
            var types = db.Model.GetEntityTypes().Where(t => t.GetTableName() == table && !t.IsOwned()).ToList();
            Assert.True(types.Count > 0, $"The insights read table {table}, which no entity maps to.");
            foreach (var type in types)
            {
                var entity = await FirstRowAsync(db, type) ?? throw new InvalidOperationException($"{table} has no row to save.");
                var before = await ChangeSequence.VersionAsync(db);
                db.Entry(entity).State = EntityState.Modified;
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
                saved++;
                if (await ChangeSequence.VersionAsync(db) == before)
                {
                    silent.Add(type.DisplayName());
                }
            }
        }

        Assert.Empty(silent);
        Assert.True(saved >= 10, $"only {saved} entity types checked");
    }

    /// <summary>The first row of the entity's table, found by key and tracked.</summary>
    private static async Task<object?> FirstRowAsync(KompetensbronDbContext db, IEntityType type)
    {
        var key = type.FindPrimaryKey()!.Properties;
        var columns = string.Join(", ", key.Select(p => $"\"{p.GetColumnName()}\""));
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        object?[] values;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT {columns} FROM \"{type.GetTableName()}\" LIMIT 1";
            await using var reader = await command.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                return null;
            }

            values = [.. key.Select((p, i) => Convert.ChangeType(reader.GetValue(i), p.ClrType, CultureInfo.InvariantCulture))];
        }

        return await db.FindAsync(type.ClrType, values);
    }
}
