using System.Text.Json;
using Kompetensbron.Cli;

namespace Kompetensbron.Web.Tests.Cli;

/// <summary>The <c>kompetensbron</c> CLI against a fresh SQLite file per test.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kb-cli-").FullName;

    private string DatabaseFile => Path.Combine(_folder, "cli.db");

    private async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync([.. args, "--database", DatabaseFile], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Taxonomy_search_tig_as_json_lists_tig_welding()
    {
        var (code, output, _) = await Run("taxonomy", "search", "tig", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var ids = json.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.Contains("WBnc_JXj_MvY", ids);
    }

    [Fact]
    public async Task Taxonomy_search_for_occupations_finds_cnc_operator()
    {
        var (code, output, _) = await Run("taxonomy", "search", "cnc op", "--kind", "occupation", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Contains(json.RootElement.EnumerateArray(), e => e.GetProperty("label").GetString() == "CNC-operatör");
    }

    [Fact]
    public async Task Db_migrate_creates_the_database_file()
    {
        var (code, output, _) = await Run("db", "migrate");

        Assert.Equal(0, code);
        Assert.True(File.Exists(DatabaseFile));
        Assert.Contains("migrations applied", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_provider_is_a_clear_error()
    {
        var (code, _, error) = await Run("db", "migrate", "--provider", "oracle");

        Assert.NotEqual(0, code);
        Assert.Contains("--provider", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_add_creates_the_first_coordinator_and_refuses_a_duplicate()
    {
        var first = await Run("users", "add", "--email", "samordnare@example.se", "--password", "ett-langt-losenord", "--role", "coordinator");
        var again = await Run("users", "add", "--email", "samordnare@example.se", "--password", "ett-langt-losenord", "--role", "coordinator");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Coordinator", first.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("samordnare@example.se", again.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Users_add_employer_without_organisation_names_the_option()
    {
        var (code, _, error) = await Run("users", "add", "--email", "hr@example.se", "--password", "ett-langt-losenord", "--role", "employer");

        Assert.NotEqual(0, code);
        Assert.Contains("--organisation", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_add_rejects_a_short_password()
    {
        var (code, _, error) = await Run("users", "add", "--email", "kort@example.se", "--password", "kort", "--role", "person");

        Assert.NotEqual(0, code);
        Assert.NotEmpty(error);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
