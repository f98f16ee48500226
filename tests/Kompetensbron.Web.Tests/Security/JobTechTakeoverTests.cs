using System.Text;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Database;
using Kompetensbron.Web.Tests.Import;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Security;

/// <summary>
/// Issue 13, item 3: a JobTech ad whose id is already another organisation's need does not update that need or move
/// it to the importer, through the upload page (employer and coordinator) and the command line; only the operator's
/// <c>--allow-owner-change</c> moves it. The writers themselves: <c>JobTechWriterTests</c>.
/// </summary>
public sealed class JobTechTakeoverTests(EmptyWebFactory factory) : IClassFixture<EmptyWebFactory>, IDisposable
{
    private readonly CliSandbox _cli = new("takeover");

    private static byte[] Ad(string id, string headline, string organisationNumber) => Encoding.UTF8.GetBytes(
        $$$"""{"id": "{{{id}}}", "headline": "{{{headline}}}", "occupation": {"concept_id": "9haD_NB6_ULH"}, "employer": {"organization_number": "{{{organisationNumber}}}", "name": "AB {{{organisationNumber}}}"}}""" + "\n");

    private async Task<(HttpClient Client, int? OrganisationId, string Number)> LoginAsync(string role)
    {
        var (email, organisationId) = await TestAccounts.CreateAsync(factory, role);
        var client = factory.Browser();
        (await client.LoginAsync(email, TestAccounts.Password)).Dispose();
        var number = organisationId is { } id ? await QueryAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.OrganisationNumber).SingleAsync()) : "";
        return (client, organisationId, number);
    }

    private async Task<T> QueryAsync<T>(Func<KompetensbronDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>());
    }

    private Task<(int OrganisationId, string Title, int Version)> NeedAsync(string adId) =>
        QueryAsync(db => db.Needs.Where(n => n.ExternalId == "jobtech:" + adId).Select(n => ValueTuple.Create(n.OrganisationId, n.Title, n.Version)).SingleAsync());

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_employer_cannot_take_over_another_employer_s_need_by_uploading_an_ad_with_its_id(bool dryRunFirst)
    {
        var adId = dryRunFirst ? "72000001" : "72000002";
        var (owner, ownerId, ownerNumber) = await LoginAsync(Roles.Employer);
        var (attacker, attackerId, attackerNumber) = await LoginAsync(Roles.Employer);
        var (_, created) = await ImportUpload.UploadAsync(owner, "JobTech", "annons.jsonl", Ad(adId, "Svetsare", ownerNumber), dryRun: false);
        Assert.Contains("Klart: 1 skapades", created, StringComparison.Ordinal);
        var before = await NeedAsync(adId);

        // The ad names the attacker's own organisation (so it passes the "own ads only" rule) but carries the owner's ad id.
        var file = Ad(adId, "Kapad annons", attackerNumber);
        var (_, html) = await ImportUpload.UploadAsync(attacker, "JobTech", "annons.jsonl", file, dryRun: dryRunFirst);
        if (dryRunFirst)
        {
            Assert.Contains("Provkörning: 0 skulle skapas och 0 uppdateras", html, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("Klart: 0 skapades och 0 uppdaterades", html, StringComparison.Ordinal);
        }

        Assert.Contains($"Annonsen {adId} finns redan som ett behov hos en annan organisation. Behovet ändras inte", html, StringComparison.Ordinal);
        Assert.Equal(before, await NeedAsync(adId));
        Assert.Equal(ownerId, before.OrganisationId);
        Assert.Equal(0, await QueryAsync(db => db.Needs.CountAsync(n => n.OrganisationId == attackerId)));
    }

    [Fact]
    public async Task A_coordinator_upload_does_not_move_a_need_to_the_organisation_an_ad_names()
    {
        const string adId = "72000003";
        var (owner, ownerId, ownerNumber) = await LoginAsync(Roles.Employer);
        var (_, _, otherNumber) = await LoginAsync(Roles.Employer);
        var (coordinator, _, _) = await LoginAsync(Roles.Coordinator);
        (await ImportUpload.UploadAsync(owner, "JobTech", "annons.jsonl", Ad(adId, "Svetsare", ownerNumber), dryRun: false)).Response.Dispose();
        var before = await NeedAsync(adId);

        var (_, html) = await ImportUpload.UploadAsync(coordinator, "JobTech", "annons.jsonl", Ad(adId, "Flyttad", otherNumber), dryRun: false);

        Assert.Contains($"Annonsen {adId} finns redan som ett behov hos en annan organisation", html, StringComparison.Ordinal);
        Assert.Equal(before, await NeedAsync(adId));
        Assert.Equal(ownerId, before.OrganisationId);

        // The owner's own re-import still updates it.
        var (_, again) = await ImportUpload.UploadAsync(coordinator, "JobTech", "annons.jsonl", Ad(adId, "Svetsare natt", ownerNumber), dryRun: false);
        Assert.Contains("Klart: 0 skapades och 1 uppdaterades", again, StringComparison.Ordinal);
        Assert.Equal((ownerId!.Value, "Svetsare natt"), ((await NeedAsync(adId)).OrganisationId, (await NeedAsync(adId)).Title));
    }

    [Fact]
    public async Task The_cli_refuses_an_owner_change_unless_allowed_explicitly()
    {
        const string owner = "5560360793";
        const string other = "5566778899";
        Assert.Equal(0, (await _cli.Run("db", "migrate")).ExitCode);
        var first = Path.Combine(_cli.Folder, "first.jsonl");
        var second = Path.Combine(_cli.Folder, "second.jsonl");
        await File.WriteAllBytesAsync(first, Ad("73000001", "Svetsare", owner));
        await File.WriteAllBytesAsync(second, Ad("73000001", "Flyttad", other));
        Assert.Equal(0, (await _cli.Run("import", "jobtech", first)).ExitCode);

        var refused = await _cli.Run("import", "jobtech", second);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("Annonsen 73000001 finns redan som ett behov hos en annan organisation", refused.Error, StringComparison.Ordinal);
        Assert.Contains("(id 73000001)", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--allow-owner-change", refused.Error, StringComparison.Ordinal);
        Assert.Equal(("556036-0793", "Svetsare"), await CliNeedAsync("jobtech:73000001"));

        var allowed = await _cli.Run("import", "jobtech", second, "--allow-owner-change");

        Assert.True(allowed.ExitCode == 0, allowed.Error);
        Assert.Equal(("556677-8899", "Flyttad"), await CliNeedAsync("jobtech:73000001"));
    }

    private async Task<(string Owner, string Title)> CliNeedAsync(string externalId)
    {
        await using var services = TestDatabaseServices.Build(DatabaseProvider.Sqlite, $"Data Source={_cli.DatabaseFile}");
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        return await db.Needs.Where(n => n.ExternalId == externalId)
            .Join(db.Organisations, n => n.OrganisationId, o => o.Id, (n, o) => ValueTuple.Create(o.OrganisationNumber, n.Title)).SingleAsync();
    }

    public void Dispose() => _cli.Dispose();
}
