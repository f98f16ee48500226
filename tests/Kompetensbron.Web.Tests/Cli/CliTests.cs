using System.Text.Json;

using Kompetensbron.Web.Tests.Infrastructure;

namespace Kompetensbron.Web.Tests.Cli;

/// <summary>The <c>kompetensbron</c> CLI against a fresh SQLite file per test.</summary>
public sealed class CliTests : IDisposable
{
    private readonly CliSandbox _cli = new("cli");

    [Fact]
    public async Task Recognise_json_reads_standard_input_and_lists_skills_with_spans_and_occupations()
    {
        var (code, output, _) = await _cli.RunWithInput("Vi söker en CNC-operatör med erfarenhet av tigsvetsning.", "recognise", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var tig = Assert.Single(json.RootElement.GetProperty("skills").EnumerateArray(), s => s.GetProperty("id").GetString() == "WBnc_JXj_MvY");
        Assert.Equal("tigsvetsning", tig.GetProperty("spans")[0].GetProperty("text").GetString());
        var occupations = json.RootElement.GetProperty("occupations").EnumerateArray().ToList();
        Assert.InRange(occupations.Count, 1, 5);
        Assert.Equal("9haD_NB6_ULH", occupations[0].GetProperty("id").GetString());
        Assert.Equal("7223", occupations[0].GetProperty("ssyk4").GetString());
    }

    [Fact]
    public async Task Recognise_without_input_is_a_clear_error()
    {
        var (code, _, error) = await _cli.RunWithInput("  ", "recognise");

        Assert.NotEqual(0, code);
        Assert.Contains("standard input", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_text_prints_precision_recall_and_occupation_accuracy()
    {
        var file = Path.Combine(_cli.Folder, "ads.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"text": "Svetsare sökes. Du kan TIG-svetsning och läsa ritningar.", "skills": ["WBnc_JXj_MvY", "aHCV_VsV_LiD", "aENT_QTu_v8Y"], "occupation": "rxrQ_Nyy_k6y"}""",
            """{"text": "CNC-operatör till nattskift, CNC-svarvning.", "skills": ["d2yX_cZM_fSy"], "occupation": "9haD_NB6_ULH"}""",
        ]);

        var (code, output, _) = await _cli.Run("eval", "text", file, "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(2, json.RootElement.GetProperty("texts").GetInt32());
        Assert.Equal(1.0, json.RootElement.GetProperty("precision").GetDouble());
        Assert.Equal(0.75, json.RootElement.GetProperty("recall").GetDouble());
        Assert.Equal(1.0, json.RootElement.GetProperty("occupationTop1").GetDouble());
    }

    [Fact]
    public async Task Eval_text_names_the_bad_line()
    {
        var file = Path.Combine(_cli.Folder, "bad.jsonl");
        await File.WriteAllTextAsync(file, "{\"text\": \"x\"}\n");

        var (code, _, error) = await _cli.Run("eval", "text", file);

        Assert.NotEqual(0, code);
        Assert.Contains("Line 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Taxonomy_search_tig_as_json_lists_tig_welding()
    {
        var (code, output, _) = await _cli.Run("taxonomy", "search", "tig", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var ids = json.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.Contains("WBnc_JXj_MvY", ids);
    }

    [Fact]
    public async Task Taxonomy_search_for_occupations_finds_cnc_operator()
    {
        var (code, output, _) = await _cli.Run("taxonomy", "search", "cnc op", "--kind", "occupation", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Contains(json.RootElement.EnumerateArray(), e => e.GetProperty("label").GetString() == "CNC-operatör");
    }

    [Fact]
    public async Task Db_migrate_creates_the_database_file()
    {
        var (code, output, _) = await _cli.Run("db", "migrate");

        Assert.Equal(0, code);
        Assert.True(File.Exists(_cli.DatabaseFile));
        Assert.Contains("migrations applied", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_provider_is_a_clear_error()
    {
        var (code, _, error) = await _cli.Run("db", "migrate", "--provider", "oracle");

        Assert.NotEqual(0, code);
        Assert.Contains("--provider", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_add_creates_the_first_coordinator_and_refuses_a_duplicate()
    {
        var first = await _cli.Run("users", "add", "--email", "samordnare@example.se", "--password", "ett-langt-losenord", "--role", "coordinator");
        var again = await _cli.Run("users", "add", "--email", "samordnare@example.se", "--password", "ett-langt-losenord", "--role", "coordinator");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Coordinator", first.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("samordnare@example.se", again.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Users_add_employer_without_organisation_names_the_option()
    {
        var (code, _, error) = await _cli.Run("users", "add", "--email", "hr@example.se", "--password", "ett-langt-losenord", "--role", "employer");

        Assert.NotEqual(0, code);
        Assert.Contains("--organisation", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_add_person_creates_an_account_with_a_hidden_profile_in_the_municipality()
    {
        var missing = await _cli.Run("users", "add", "--email", "anna@example.se", "--password", "ett-langt-losenord", "--role", "person");
        var created = await _cli.Run("users", "add", "--email", "anna@example.se", "--password", "ett-langt-losenord", "--role", "person", "--name", "Anna", "--municipality", "Gnosjö");
        var profiles = await _cli.Run("list", "profiles", "--json");

        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("--municipality", missing.Error, StringComparison.Ordinal);
        Assert.Equal(0, created.ExitCode);
        using var json = JsonDocument.Parse(profiles.Output);
        var profile = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("Anna", profile.GetProperty("name").GetString());
        Assert.Equal("0617", profile.GetProperty("municipalityCode").GetString());
        Assert.Equal("hidden", profile.GetProperty("visibility").GetString());
    }

    [Fact]
    public async Task Users_add_rejects_a_short_password()
    {
        var (code, _, error) = await _cli.Run("users", "add", "--email", "kort@example.se", "--password", "kort", "--role", "person");

        Assert.NotEqual(0, code);
        Assert.NotEmpty(error);
    }

    [Fact]
    public async Task Seed_demo_then_list_shows_the_region_as_json_and_a_second_seed_changes_nothing()
    {
        var seeded = await _cli.Run("seed", "demo");
        var again = await _cli.Run("seed", "demo");
        var needs = await _cli.Run("list", "needs", "--top", "5", "--json");
        var organisations = await _cli.Run("list", "organisations", "--top", "1000", "--json");
        var profiles = await _cli.Run("list", "profiles", "--top", "3", "--json");
        var programmes = await _cli.Run("list", "programmes", "--json");

        Assert.Equal(0, seeded.ExitCode);
        Assert.Contains("Demo region loaded", seeded.Output, StringComparison.Ordinal);
        Assert.Contains("already loaded", again.Output, StringComparison.Ordinal);

        using var needsJson = JsonDocument.Parse(needs.Output);
        Assert.Equal(5, needsJson.RootElement.GetArrayLength());
        Assert.All(needsJson.RootElement.EnumerateArray(), n =>
        {
            Assert.True(n.GetProperty("id").GetInt32() > 0);
            Assert.False(string.IsNullOrWhiteSpace(n.GetProperty("title").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(n.GetProperty("occupation").GetString()));
        });

        using var organisationsJson = JsonDocument.Parse(organisations.Output);
        Assert.True(organisationsJson.RootElement.GetArrayLength() >= 60);
        Assert.All(organisationsJson.RootElement.EnumerateArray(), o => Assert.False(string.IsNullOrWhiteSpace(o.GetProperty("name").GetString())));

        using var profilesJson = JsonDocument.Parse(profiles.Output);
        Assert.Equal(3, profilesJson.RootElement.GetArrayLength());
        Assert.All(profilesJson.RootElement.EnumerateArray(), p => Assert.False(p.TryGetProperty("gender", out _)));

        using var programmesJson = JsonDocument.Parse(programmes.Output);
        Assert.Equal(20, programmesJson.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task List_table_output_names_the_columns()
    {
        await _cli.Run("seed", "demo");

        var (code, output, _) = await _cli.Run("list", "needs", "--top", "2");

        Assert.Equal(0, code);
        Assert.Contains("Title", output, StringComparison.Ordinal);
        Assert.Contains("Occupation", output, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
