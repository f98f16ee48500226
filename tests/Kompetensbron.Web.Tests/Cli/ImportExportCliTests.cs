using System.Text;
using System.Text.Json;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Data;
using Kompetensbron.Data.Database;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Cli;

/// <summary><c>import</c> and <c>export</c> on a fresh SQLite file per test, with the hand-written fixtures in JobTech's layout.</summary>
public sealed class ImportExportCliTests : IDisposable
{
    private const string Employer = "556036-0793";
    private readonly CliSandbox _cli = new("import");

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private async Task<T> Query<T>(Func<KompetensbronDbContext, Task<T>> query)
    {
        await using var services = TestDatabaseServices.Build(DatabaseProvider.Sqlite, $"Data Source={_cli.DatabaseFile}");
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>());
    }

    private async Task AddEmployerAsync()
    {
        Assert.Equal(0, (await _cli.Run("db", "migrate")).ExitCode);
        await Query(async db =>
        {
            db.Organisations.Add(new Organisation { Name = "Gnosjö Mekaniska AB", OrganisationNumber = Employer, IsApproved = true });
            return await db.SaveChangesAsync();
        });
    }

    private string WriteFile(string name, string text, Encoding? encoding = null)
    {
        var path = Path.Combine(_cli.Folder, name);
        var chosen = encoding ?? new UTF8Encoding(false);
        File.WriteAllBytes(path, [.. chosen.GetPreamble(), .. chosen.GetBytes(text)]);
        return path;
    }

    [Fact]
    public async Task Jobtech_search_response_creates_needs_lists_the_bad_ad_and_a_second_run_updates_instead_of_duplicating()
    {
        var (code, output, error) = await _cli.Run("import", "jobtech", Fixture("jobtech-search.json"));

        Assert.Equal(2, code); // imported, one ad rejected
        Assert.Contains("2 needs created", output, StringComparison.Ordinal);
        Assert.Contains("SearchResponse", output, StringComparison.Ordinal);
        Assert.Contains("28900003", error, StringComparison.Ordinal);
        Assert.Contains("organisationsnummer", error, StringComparison.Ordinal);

        var cnc = await Query(db => db.Needs.SingleAsync(n => n.ExternalId == "jobtech:28900001"));
        Assert.Equal(NeedKind.Job, cnc.Kind);
        Assert.Equal("9haD_NB6_ULH", cnc.OccupationId);
        Assert.Equal(2, cnc.Headcount);
        Assert.Equal(["B"], cnc.Licences);
        Assert.Equal(CefrLevel.B1, cnc.MinimumSwedishLevel);
        Assert.True(cnc.ShiftWork);
        Assert.Equal(new DateOnly(2026, 4, 15), cnc.ApplicationDeadline);
        var turning = Assert.Single(cnc.Skills, s => s.SkillId == "d2yX_cZM_fSy");
        Assert.True(turning is { IsRequired: true, Importance: 3, Source: NeedSkillSource.Stated });
        Assert.Contains(cnc.Skills, s => s is { SkillId: "CiMi_7ax_tXs", IsRequired: false, Source: NeedSkillSource.Stated });
        Assert.Contains(cnc.Skills, s => s is { Source: NeedSkillSource.Recognised, IsRequired: false });

        var apprentice = await Query(db => db.Needs.SingleAsync(n => n.ExternalId == "jobtech:28900002"));
        Assert.Equal(NeedKind.Apprenticeship, apprentice.Kind);
        Assert.NotEmpty(apprentice.OccupationId); // recognised from the text: the ad has none
        Assert.All(apprentice.Skills, s => Assert.Equal(NeedSkillSource.Recognised, s.Source));
        var site = await Query(db => db.Sites.SingleAsync(s => s.Id == apprentice.SiteId));
        Assert.Equal("0683", site.MunicipalityCode);
        var organisation = await Query(db => db.Organisations.SingleAsync(o => o.OrganisationNumber == Employer));
        Assert.Equal(organisation.Id, apprentice.OrganisationId);

        var counts = await Query(async db => (await db.Needs.CountAsync(), await db.Organisations.CountAsync(), await db.Sites.CountAsync(), await db.Set<NeedSkill>().CountAsync()));
        (code, output, _) = await _cli.Run("import", "jobtech", Fixture("jobtech-search.json"));

        Assert.Equal(2, code);
        Assert.Contains("0 needs created, 2 updated", output, StringComparison.Ordinal);
        Assert.Equal(counts, await Query(async db => (await db.Needs.CountAsync(), await db.Organisations.CountAsync(), await db.Sites.CountAsync(), await db.Set<NeedSkill>().CountAsync())));
    }

    [Fact]
    public async Task Jobtech_json_lines_decode_legacy_ids_fix_swapped_coordinates_and_update_fields()
    {
        await _cli.Run("import", "jobtech", Fixture("jobtech-search.json"));

        var (code, output, _) = await _cli.Run("import", "jobtech", Fixture("jobtech-historical.jsonl"), "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("jsonLines", json.RootElement.GetProperty("layout").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("created").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("updated").GetInt32());

        var summer = await Query(db => db.Needs.SingleAsync(n => n.ExternalId == "jobtech:7501234"));
        Assert.Equal(NeedKind.SummerJob, summer.Kind);
        Assert.Equal("GQSf_fnq_kjF", summer.OccupationId); // legacy occupation-name 5687, Truckförare
        Assert.Equal(["CE"], summer.Licences); // legacy driving-licence 7
        Assert.Equal(CefrLevel.B1, summer.MinimumSwedishLevel); // legacy language 502, Svenska
        var site = await Query(db => db.Sites.SingleAsync(s => s.Id == summer.SiteId));
        Assert.Equal("0617", site.MunicipalityCode); // from the municipality concept id
        Assert.Equal(57.3589, site.Latitude, 3);
        Assert.Equal(13.7372, site.Longitude, 3);

        var cnc = await Query(db => db.Needs.SingleAsync(n => n.ExternalId == "jobtech:28900001"));
        Assert.Equal(3, cnc.Headcount);
        Assert.Equal("CNC-operatör till Gnosjö Mekaniska (nattskift)", cnc.Title);
        Assert.DoesNotContain(cnc.Skills, s => s.SkillId == "CiMi_7ax_tXs"); // no longer stated
    }

    [Fact]
    public async Task A_malformed_ad_rolls_back_the_whole_file_and_names_the_ad()
    {
        var (code, _, error) = await _cli.Run("import", "jobtech", Fixture("jobtech-malformed.jsonl"));

        Assert.Equal(1, code);
        Assert.Contains("Ad no. 2 (line 2): invalid JSON", error, StringComparison.Ordinal);
        Assert.Contains("number_of_vacancies", error, StringComparison.Ordinal);
        Assert.Equal(0, await Query(db => db.Needs.CountAsync()));
        Assert.Equal(0, await Query(db => db.Organisations.CountAsync()));
    }

    [Fact]
    public async Task Jobtech_dry_run_writes_nothing()
    {
        var (code, output, _) = await _cli.Run("import", "jobtech", Fixture("jobtech-historical.jsonl"), "--dry-run");

        Assert.Equal(0, code);
        Assert.Contains("would import 2 ads", output, StringComparison.Ordinal);
        Assert.Equal(0, await Query(db => db.Needs.CountAsync()));
    }

    private const string NeedsHeader = "Organisationsnummer,Typ,Titel,Yrke,Antal,Krav,Meriterande,Körkort och certifikat,Svenska (lägsta nivå),Kommun";

    [Fact]
    public async Task A_csv_with_an_error_in_row_3_is_rejected_names_row_3_and_leaves_the_database_unchanged()
    {
        await AddEmployerAsync();
        var file = WriteFile("needs.csv", string.Join("\r\n",
            NeedsHeader,
            $"{Employer},jobb,CNC-operatör,CNC-operatör,2,\"TIG-svetsning: 3; Svarvning, CNC\",,B,B1,Gnosjö",
            $"{Employer},jobb,Svetsare,Svetsare,två,TIG-svetsning,,B,B1,Gnosjö",
            $"{Employer},lärlingsplats,Lärling,9haD_NB6_ULH,1,,,,,0617"));

        var (code, output, error) = await _cli.Run("import", "needs", file);

        Assert.Equal(1, code);
        Assert.Contains("Nothing was imported", output, StringComparison.Ordinal);
        Assert.Contains("rad/row 3, Antal", error, StringComparison.Ordinal);
        Assert.DoesNotContain("rad/row 2", error, StringComparison.Ordinal);
        Assert.Equal(0, await Query(db => db.Needs.CountAsync()));
        Assert.Equal(0, await Query(db => db.Sites.CountAsync()));
    }

    [Fact]
    public async Task Every_error_is_reported_with_row_and_column_in_swedish_and_english()
    {
        await AddEmployerAsync();
        var file = WriteFile("needs.csv", string.Join("\n",
            NeedsHeader,
            "556036-0794,jobbet,,Okänt yrke,0,Okänd kompetens,,Z,D1,Atlantis"));

        var (code, output, _) = await _cli.Run("import", "needs", file, "--json");

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        var errors = json.RootElement.GetProperty("errors").EnumerateArray().ToList();
        var columns = errors.Select(e => e.GetProperty("column").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "Organisationsnummer", "Typ", "Titel", "Yrke", "Antal", "Krav", "Körkort och certifikat", "Svenska (lägsta nivå)", "Kommun" }, columns);
        Assert.All(errors, e =>
        {
            Assert.Equal(2, e.GetProperty("row").GetInt32());
            Assert.False(string.IsNullOrEmpty(e.GetProperty("messageSv").GetString()));
            Assert.False(string.IsNullOrEmpty(e.GetProperty("messageEn").GetString()));
        });
    }

    [Fact]
    public async Task Csv_dry_run_reports_what_would_be_created_and_writes_nothing()
    {
        await AddEmployerAsync();
        var file = WriteFile("needs.csv", NeedsHeader + "\n" + $"{Employer},jobb,CNC-operatör,CNC-operatör,2,,,,,Gnosjö\n");

        var (code, output, _) = await _cli.Run("import", "needs", file, "--dry-run");

        Assert.Equal(0, code);
        Assert.Contains("would create 1", output, StringComparison.Ordinal);
        Assert.Equal(0, await Query(db => db.Needs.CountAsync()));
    }

    [Fact]
    public async Task Windows_1252_with_semicolons_and_decimal_commas_is_read()
    {
        var file = WriteFile("profiles.csv", string.Join("\r\n",
            "Namn;Kommun;Ort;Kompetenser;Yrken;Språk;Kön",
            "Åsa Öberg;Gnosjö;Hillerstorp;TIG-svetsning: 3;Svetsare: 2,5;\"Svenska: C2; Engelska: B1\";kvinna"), Encoding.Latin1);

        var (code, output, _) = await _cli.Run("import", "profiles", file);

        Assert.Equal(0, code);
        Assert.Contains("Windows-1252", output, StringComparison.Ordinal);
        Assert.Contains("';'", output, StringComparison.Ordinal);
        var profile = await Query(db => db.Profiles.SingleAsync());
        Assert.Equal("Åsa Öberg", profile.DisplayName);
        Assert.Equal("0617", profile.MunicipalityCode);
        Assert.Equal(2.5m, Assert.Single(profile.Occupations).Years);
        Assert.Equal(3, Assert.Single(profile.Skills).Level);
        Assert.Equal(2, profile.Languages.Count);
        Assert.Equal(Gender.Woman, profile.Gender);
    }

    [Fact]
    public async Task Utf8_with_bom_and_commas_is_read_too()
    {
        var file = WriteFile("profiles.csv", "Namn,Kommun\r\nÅke,0617\r\n", new UTF8Encoding(true));

        var (code, output, _) = await _cli.Run("import", "profiles", file);

        Assert.Equal(0, code);
        Assert.Contains("UTF-8 (BOM), ','", output, StringComparison.Ordinal);
        Assert.Equal("Åke", (await Query(db => db.Profiles.SingleAsync())).DisplayName);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task An_export_imports_again_without_changes(string format)
    {
        await AddEmployerAsync();
        await _cli.Run("import", "jobtech", Fixture("jobtech-search.json"));
        var cohorts = WriteFile("cohorts.csv", $"Organisationsnummer;Yrke;Ålder från;Ålder till;Kön;Antal\n{Employer};CNC-operatör;55;59;man;4\n{Employer};Svetsare;60;64;;2\n");
        Assert.Equal(0, (await _cli.Run("import", "cohorts", cohorts)).ExitCode);
        var profiles = WriteFile("profiles.csv", "Namn;Kommun;Kompetenser;Yrken;Språk;Kön\nEva;Värnamo;TIG-svetsning: 3;Svetsare: 1,5;Svenska: B2;kvinna\n");
        Assert.Equal(0, (await _cli.Run("import", "profiles", profiles)).ExitCode);

        foreach (var entity in new[] { "needs", "profiles", "cohorts" })
        {
            var first = Path.Combine(_cli.Folder, $"{entity}-1.{format}");
            var second = Path.Combine(_cli.Folder, $"{entity}-2.{format}");
            Assert.Equal(0, (await _cli.Run("export", entity, "--format", format, "--out", first)).ExitCode);

            var (code, output, error) = await _cli.Run("import", entity, first);

            Assert.True(code == 0, error);
            Assert.Contains("Created 0 and updated", output, StringComparison.Ordinal);
            Assert.Equal(0, (await _cli.Run("export", entity, "--format", format, "--out", second)).ExitCode);
            if (format == "csv")
            {
                Assert.Equal(await File.ReadAllTextAsync(first), await File.ReadAllTextAsync(second));
            }
        }
    }

    [Fact]
    public async Task Profile_export_leaves_out_gender_and_target_group_unless_asked()
    {
        var profiles = WriteFile("profiles.csv", "Namn;Kommun;Kön;Målgrupp\nEva;Värnamo;kvinna;yrkesväxlare\n");
        await _cli.Run("import", "profiles", profiles);
        var plain = Path.Combine(_cli.Folder, "plain.csv");
        var full = Path.Combine(_cli.Folder, "full.csv");

        await _cli.Run("export", "profiles", "--format", "csv", "--out", plain);
        await _cli.Run("export", "profiles", "--format", "csv", "--out", full, "--include-gender-and-target-group");

        Assert.DoesNotContain("Kön", await File.ReadAllTextAsync(plain), StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(full);
        Assert.Contains("kvinna", text, StringComparison.Ordinal);
        Assert.Contains("yrkesväxlare", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exported_cells_that_look_like_formulas_are_neutralised_and_import_again()
    {
        await AddEmployerAsync();
        var needs = WriteFile("needs.csv", "Organisationsnummer,Typ,Titel,Yrke\n" + $"{Employer},jobb,'=Svetsare,Svetsare\n");
        Assert.Equal(0, (await _cli.Run("import", "needs", needs)).ExitCode);
        Assert.Equal("=Svetsare", (await Query(db => db.Needs.SingleAsync())).Title);
        var file = Path.Combine(_cli.Folder, "needs-export.csv");

        await _cli.Run("export", "needs", "--format", "csv", "--out", file);

        Assert.Contains(",'=Svetsare,", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        Assert.Equal(0, (await _cli.Run("import", "needs", file)).ExitCode);
    }

    public static TheoryData<string, byte[], string> BadFiles() => new()
    {
        { "formula.csv", Encoding.UTF8.GetBytes("Namn,Kommun\n=HYPERLINK(\"http://evil\"),0617\n"), "rad/row 2, Namn" },
        { "plus.csv", Encoding.UTF8.GetBytes("Namn,Kommun\n+cmd|' /C calc'!A0,0617\n"), "formel" },
        { "unclosed.csv", Encoding.UTF8.GetBytes("Namn,Kommun\n\"Eva,0617\n"), "never closed" },
        { "binary.csv", [0x00, 0x01, 0x02, 0xFF, 0x00, 0x10, 0x20], "not a text (CSV) file" },
        { "broken.xlsx", [(byte)'P', (byte)'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8], "not a valid Excel" },
        { "unknown-column.csv", Encoding.UTF8.GetBytes("Namn,Kommun,Personnummer\nEva,0617,19900101-1234\n"), "rad/row 1, Personnummer" },
        { "missing-column.csv", Encoding.UTF8.GetBytes("Namn\nEva\n"), "rad/row 1, Kommun" },
        { "empty.csv", [], "empty" },
        { "utf16-garbage.csv", Encoding.Unicode.GetBytes("Namn,Kommun\nEva,0617\n"), "not a text (CSV) file" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Bad_files_are_rejected_clearly_and_write_nothing(string name, byte[] content, string message)
    {
        var path = Path.Combine(_cli.Folder, name);
        await File.WriteAllBytesAsync(path, content);

        var (code, output, error) = await _cli.Run("import", "profiles", path);

        Assert.Equal(1, code);
        Assert.Contains(message, output + error, StringComparison.Ordinal);
        Assert.Equal(0, await Query(db => db.Profiles.CountAsync()));
    }

    [Fact]
    public async Task Oversized_files_are_rejected_before_parsing()
    {
        var path = Path.Combine(_cli.Folder, "big.csv");
        await using (var stream = File.Create(path))
        {
            stream.SetLength(21L * 1024 * 1024);
        }

        var (code, _, error) = await _cli.Run("import", "needs", path);

        Assert.Equal(1, code);
        Assert.Contains("larger than 20 MB", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task A_template_has_the_headings_and_imports_as_an_empty_file(string format)
    {
        var file = Path.Combine(_cli.Folder, $"needs-template.{format}");

        var (code, output, _) = await _cli.Run("import", "template", "needs", "--format", format, "--out", file);

        Assert.Equal(0, code);
        Assert.Contains("Organisationsnummer *", output, StringComparison.Ordinal);
        var (importCode, importOutput, _) = await _cli.Run("import", "needs", file);
        Assert.Equal(0, importCode);
        Assert.Contains("from 0 rows", importOutput, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
