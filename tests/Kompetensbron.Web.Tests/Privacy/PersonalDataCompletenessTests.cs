using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Placement;
using Kompetensbron.Data.Privacy;
using Kompetensbron.Web.Employers;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using static Kompetensbron.Web.Tests.Api.ApiTesting;

namespace Kompetensbron.Web.Tests.Privacy;

/// <summary>
/// "Everything stored about the person": the export holds, and deletion removes, every row of every table that refers
/// to the account or the profile, found from the EF model (so a table added later cannot be forgotten), and the
/// e-mail waiting for them in the outbox.
/// </summary>
public sealed class PersonalDataCompletenessTests(EmptyWebFactory factory) : IClassFixture<EmptyWebFactory>
{
    [Fact]
    public void The_export_names_every_table_that_refers_to_a_person()
    {
        using var scope = factory.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().Model;
        var referring = PersonReferences(model).Select(r => r.Type.ClrType).Append(typeof(KompetensbronUser)).Distinct().ToList();
        Assert.Contains(typeof(RoundApplicant), referring);
        Assert.Contains(typeof(AuditEntry), referring);

        foreach (var type in referring)
        {
            Assert.True(PersonalDataExport.Coverage.ContainsKey(type), $"{type.Name} refers to a person but PersonalDataExport.Coverage does not say where the export holds it.");
        }

        foreach (var (type, where) in PersonalDataExport.Coverage)
        {
            Assert.True(
                where.StartsWith("not exported: ", StringComparison.Ordinal) || typeof(PersonalData).GetProperty(where) is not null,
                $"{type.Name}: '{where}' is neither a part of PersonalData nor a reason it is not exported.");
        }
    }

    [Fact]
    public async Task The_export_holds_the_placement_rows_the_run_snapshots_and_the_outbox_messages()
    {
        var person = await PersonInARunRoundAsync();
        await SendInvitationEmailAsync(person);

        using var client = await LoggedInAsync(factory, person.Email);
        using var response = await client.GetAsync(new Uri("/min-sida?handler=Export", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var placement = Assert.Single(json.RootElement.GetProperty("placements").EnumerateArray());
        Assert.Equal("Vårens APL", placement.GetProperty("round").GetString());
        Assert.Equal("Elev Exportsson", placement.GetProperty("name").GetString());
        Assert.Equal("Gymnasiet", placement.GetProperty("school").GetString());
        Assert.Equal("2008-05-01", placement.GetProperty("birthDate").GetString());
        var runs = placement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(2, runs.Count);
        Assert.All(runs, run =>
        {
            var asRun = run.GetProperty("asRun");
            Assert.True(asRun.GetProperty("home").GetProperty("latitude").GetDouble() != 0, asRun.ToString());
            Assert.NotEmpty(asRun.GetProperty("wishes").EnumerateArray());
            Assert.NotEmpty(run.GetProperty("scores").EnumerateArray());
            Assert.Equal(JsonValueKind.Object, run.GetProperty("outcome").ValueKind);
        });

        var message = Assert.Single(json.RootElement.GetProperty("messages").EnumerateArray());
        Assert.False(string.IsNullOrWhiteSpace(message.GetProperty("subject").GetString()));
    }

    [Fact]
    public async Task Deleting_the_account_leaves_no_row_and_no_outbox_message_that_refers_to_the_person()
    {
        var person = await PersonInARunRoundAsync();
        await SendInvitationEmailAsync(person);
        Assert.NotEmpty(OutboxFilesTo(person.Email));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<KompetensbronUser>>();
            Assert.True((await users.AddClaimAsync((await users.FindByIdAsync(person.UserId))!, new Claim("test", "value"))).Succeeded);
            Assert.True(await scope.ServiceProvider.GetRequiredService<AccountErasure>().DeleteAsync(person.UserId, AuditAction.AccountDeleted, CancellationToken.None));
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            foreach (var (type, column, isProfile) in PersonReferences(db.Model).Append((db.Model.FindEntityType(typeof(KompetensbronUser))!, db.Model.FindEntityType(typeof(KompetensbronUser))!.FindProperty("Id")!, false)))
            {
                var table = type.GetTableName()!;
                var name = column.GetColumnName(StoreObjectIdentifier.Table(table, type.GetSchema()))!;
                // Table and column names come from the model; the id is a parameter.
                var sql = $"SELECT COUNT(*) AS \"Value\" FROM \"{table}\" WHERE \"{name}\" = {{0}}";
                var count = await db.Database.SqlQueryRaw<int>(sql, isProfile ? person.ProfileId : person.UserId).SingleAsync();
                Assert.True(count == 0, $"{table}.{name} still refers to the deleted person ({count} rows).");
            }

            foreach (var result in await db.Set<RoundResult>().AsNoTracking().ToListAsync())
            {
                Assert.DoesNotContain("Elev Exportsson", result.RoundJson + result.ResultJson, StringComparison.Ordinal);
            }
        }

        Assert.Empty(OutboxFilesTo(person.Email));
    }

    /// <summary>Every column that holds an account or profile id: foreign keys to them, and columns named …UserId or …ProfileId.</summary>
    private static IEnumerable<(IEntityType Type, IProperty Column, bool IsProfile)> PersonReferences(IModel model)
    {
        foreach (var type in model.GetEntityTypes().Where(t => t.GetTableName() is not null))
        {
            foreach (var key in type.GetForeignKeys().Where(k => k.PrincipalEntityType.ClrType == typeof(KompetensbronUser) || k.PrincipalEntityType.ClrType == typeof(Profile)))
            {
                yield return (type, key.Properties.Single(), key.PrincipalEntityType.ClrType == typeof(Profile));
            }

            foreach (var property in type.GetProperties().Where(p => !p.IsForeignKey()))
            {
                if (property.Name.EndsWith("UserId", StringComparison.Ordinal) || property.Name.EndsWith("ProfileId", StringComparison.Ordinal))
                {
                    yield return (type, property, property.Name.EndsWith("ProfileId", StringComparison.Ordinal));
                }
            }
        }
    }

    /// <summary>A person who is an applicant (with a birth date and a wish) in a round that has been run with both algorithms.</summary>
    private async Task<TestPerson> PersonInARunRoundAsync()
    {
        var person = await TestAccounts.CreatePersonAsync(factory, "Elev Exportsson");
        var (_, employerId) = await TestAccounts.CreateAsync(factory, Roles.Employer);
        var (coordinatorEmail, _) = await TestAccounts.CreateAsync(factory, Roles.Coordinator);
        var needId = await AddNeedAsync(factory, employerId!.Value, NeedStatus.Open, "Svetsare");

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var profile = await db.Profiles.SingleAsync(p => p.Id == person.ProfileId);
        profile.Skills.Add(new ProfileSkill { SkillId = TigWelding, Level = 3 });
        await db.SaveChangesAsync();
        var kind = await db.Needs.Where(n => n.Id == needId).Select(n => n.Kind).SingleAsync();
        var coordinator = await db.Users.SingleAsync(u => u.Email == coordinatorEmail);

        var rounds = scope.ServiceProvider.GetRequiredService<PlacementRounds>();
        var round = await rounds.CreateAsync("Vårens APL", kind, new RoundViewer(coordinator.Id, IsCoordinator: true, OrganisationId: null));
        await rounds.AddPlacesAsync(round, [needId]);
        await rounds.AddApplicantsAsync(round, [new RoundApplicant
        {
            ProfileId = person.ProfileId, Name = "Elev Exportsson", School = "Gymnasiet", BirthDate = new DateOnly(2008, 5, 1), Wishes = [needId],
        }]);
        await rounds.RunAsync(round);
        return person;
    }

    private async Task SendInvitationEmailAsync(TestPerson person)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<InvitationEmail>().SendAsync(person.ProfileId, CancellationToken.None));
    }

    private List<string> OutboxFilesTo(string email) =>
        Directory.Exists(factory.OutboxFolder)
            ? [.. Directory.EnumerateFiles(factory.OutboxFolder, "*.eml").Where(f => File.ReadAllText(f).Contains(email, StringComparison.OrdinalIgnoreCase))]
            : [];
}
