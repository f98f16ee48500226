using System.Net;
using System.Text;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Database;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Import;

/// <summary>
/// Every file of <c>Fixtures/bad-files</c> (and an oversized file and an Excel file with formulas, made here) is
/// refused through the web upload and through the CLI with a message that names the problem, and no table changes.
/// </summary>
public sealed class BadFileCorpusTests(EmptyWebFactory factory) : IClassFixture<EmptyWebFactory>, IDisposable
{
    private const string Employer = "556036-0793";
    private readonly CliSandbox _cli = new("bad-files");

    /// <summary>File, and a part of the Swedish message it must give (the CLI prints Swedish and English).</summary>
    public static TheoryData<string, string> Corpus => new()
    {
        { "needs-unclosed-quote.csv", "citattecken (\") avslutas aldrig" },
        { "needs-binary.csv", "inte en textfil (CSV) eller en Excel-fil" },
        { "needs-utf16-without-bom.csv", "inte en textfil (CSV) eller en Excel-fil" },
        { "needs-formula-injection.csv", "kan köras som en formel" },
        { "needs-error-in-row-3.csv", "'många' är inte ett heltal" },
        { "needs-unknown-column.csv", "Okänd kolumn" },
        { "needs-too-many-columns.csv", "fler än 100 kolumner" },
        { "needs-broken.xlsx", "ingen giltig Excel-fil" },
        { "needs-text-named.xlsx", "Okänd kolumn" },
        { "jobtech-truncated.json", "ogiltig JSON, inget importerades" },
        { "jobtech-wrong-type.jsonl", "Annons nr 2 (rad 2): ogiltig JSON" },
        { "jobtech-not-json.json", "ska börja med { eller [" },
        { "jobtech-utf16.json", "ska börja med { eller [" },
        { "jobtech-deep-nesting.json", "ogiltig JSON, inget importerades" },
        { "jobtech-no-id.json", "saknar id" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task A_bad_file_is_refused_on_the_web_with_a_clear_message_and_nothing_written(string name, string message)
    {
        var client = await CoordinatorAsync();
        var before = await CountsAsync(factory);

        var (response, html) = await ImportUpload.UploadAsync(client, Kind(name), name, Read(name), dryRun: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"saved\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(factory));
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task A_bad_file_is_refused_by_the_cli_with_a_clear_message_and_nothing_written(string name, string message)
    {
        await CliEmployerAsync();
        var before = await CliCountsAsync();

        var (code, output, error) = await _cli.Run("import", Kind(name) == "JobTech" ? "jobtech" : "needs", Path.Combine(AppContext.BaseDirectory, "Fixtures", "bad-files", name));

        Assert.Equal(1, code);
        Assert.Contains(message, output + error, StringComparison.Ordinal);
        Assert.Equal(before, await CliCountsAsync());
    }

    [Fact]
    public async Task An_oversized_file_is_refused_on_the_web_and_by_the_cli_before_it_is_read()
    {
        var client = await CoordinatorAsync();
        var before = await CountsAsync(factory);
        var big = new byte[(20 * 1024 * 1024) + 1];
        Encoding.UTF8.GetBytes("Namn,Kommun\n").CopyTo(big, 0);

        var (response, html) = await ImportUpload.UploadAsync(client, "Profiles", "big.csv", big, dryRun: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Filen är större än 20 MB", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(factory));

        var path = Path.Combine(_cli.Folder, "big.csv");
        await File.WriteAllBytesAsync(path, big);
        var (code, _, error) = await _cli.Run("import", "profiles", path);
        Assert.Equal(1, code);
        Assert.Contains("larger than 20 MB", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_excel_file_with_formula_cells_is_refused_and_names_the_cells()
    {
        var client = await CoordinatorAsync();
        var before = await CountsAsync(factory);
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, new[]
        {
            new Dictionary<string, object> { ["Namn"] = "=cmd|' /C calc'!A0", ["Kommun"] = "0617" },
            new Dictionary<string, object> { ["Namn"] = "Eva", ["Kommun"] = "+0617" },
        });

        var (_, html) = await ImportUpload.UploadAsync(client, "Profiles", "formulas.xlsx", stream.ToArray(), dryRun: false);

        Assert.Contains("kan köras som en formel", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"numeric\">2</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"numeric\">3</td>", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(factory));
    }

    [Fact]
    public async Task Formula_text_in_a_jobtech_ad_is_kept_as_text_and_neutralised_on_export()
    {
        await CliEmployerAsync();
        var ads = Path.Combine(_cli.Folder, "formula-ad.json");
        await File.WriteAllTextAsync(ads, """
            {"id": "81000001", "headline": "=HYPERLINK(\"http://evil.example\")", "description": {"text": "@SUM(1+1) Svetsare sökes."},
             "occupation": {"concept_id": "9haD_NB6_ULH"}, "employer": {"organization_number": "5560360793", "name": "Gnosjö Mekaniska AB"}}
            """);
        Assert.Equal(0, (await _cli.Run("import", "jobtech", ads)).ExitCode);

        var export = Path.Combine(_cli.Folder, "needs.csv");
        var (code, _, _) = await _cli.Run("export", "needs", "--format", "csv", "--out", export);

        Assert.Equal(0, code);
        var text = await File.ReadAllTextAsync(export);
        Assert.Contains("'=HYPERLINK", text, StringComparison.Ordinal);
        Assert.Contains("'@SUM(1+1)", text, StringComparison.Ordinal);
        Assert.DoesNotMatch("(^|[,;\\n])\"?[=@+]", text);

        // And the export imports again unchanged: the apostrophe is read back away.
        Assert.Equal(0, (await _cli.Run("import", "needs", export)).ExitCode);
        Assert.Equal("=HYPERLINK(\"http://evil.example\")", await CliQueryAsync(db => db.Needs.Select(n => n.Title).SingleAsync()));
    }

    private static string Kind(string name) => name.StartsWith("jobtech-", StringComparison.Ordinal) ? "JobTech" : "Needs";

    private static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "bad-files", name));

    private async Task<HttpClient> CoordinatorAsync()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            if (!await db.Organisations.AnyAsync(o => o.OrganisationNumber == Employer))
            {
                db.Organisations.Add(new Organisation { Name = "Gnosjö Mekaniska AB", OrganisationNumber = Employer, IsApproved = true });
                await db.SaveChangesAsync();
            }
        }

        var (coordinator, _) = await TestAccounts.CreateAsync(factory, Roles.Coordinator);
        var client = factory.Browser();
        (await client.LoginAsync(coordinator, TestAccounts.Password)).Dispose();
        return client;
    }

    private async Task CliEmployerAsync()
    {
        Assert.Equal(0, (await _cli.Run("db", "migrate")).ExitCode);
        await CliQueryAsync(async db =>
        {
            db.Organisations.Add(new Organisation { Name = "Gnosjö Mekaniska AB", OrganisationNumber = Employer, IsApproved = true });
            return await db.SaveChangesAsync();
        });
    }

    private Task<string> CliCountsAsync() => CliQueryAsync(Counts);

    private async Task<T> CliQueryAsync<T>(Func<KompetensbronDbContext, Task<T>> query)
    {
        await using var services = TestDatabaseServices.Build(DatabaseProvider.Sqlite, $"Data Source={_cli.DatabaseFile}");
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>());
    }

    internal static async Task<string> CountsAsync(KompetensbronWebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await Counts(scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>());
    }

    private static async Task<string> Counts(KompetensbronDbContext db) =>
        $"{await db.Needs.CountAsync()} needs, {await db.Set<Kompetensbron.Core.Needs.NeedSkill>().CountAsync()} skills, " +
        $"{await db.Organisations.CountAsync()} organisations, {await db.Sites.CountAsync()} sites, {await db.Profiles.CountAsync()} profiles, " +
        $"{await db.Programmes.CountAsync()} programmes, {await db.WorkforceCohorts.CountAsync()} cohorts";

    public void Dispose() => _cli.Dispose();
}
