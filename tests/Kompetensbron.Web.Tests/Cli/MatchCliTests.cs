using System.Text.Json;

using Kompetensbron.Web.Tests.Infrastructure;

namespace Kompetensbron.Web.Tests.Cli;

/// <summary><c>kompetensbron match</c> on a seeded temporary SQLite file.</summary>
public sealed class MatchCliTests : IDisposable
{
    private static readonly string[] Components = ["required", "related", "meriting", "experience", "commute"];

    private readonly CliSandbox _cli = new("match");

    [Fact]
    public async Task Match_for_a_demo_profile_returns_explained_matches_whose_components_add_up()
    {
        Assert.Equal(0, (await _cli.Run("seed", "demo")).ExitCode);

        var (code, output, error) = await _cli.Run("match", "--profile", "1", "--top", "5", "--json");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var matches = json.RootElement.EnumerateArray().ToList();
        Assert.InRange(matches.Count, 1, 5);
        var scores = matches.Select(m => m.GetProperty("score").GetInt32()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.All(matches, m =>
        {
            Assert.Equal(1, m.GetProperty("profileId").GetInt32());
            Assert.False(m.GetProperty("excluded").GetBoolean());
            var parts = m.GetProperty("components");
            var sum = Components.Sum(p => parts.GetProperty(p).GetInt32());
            Assert.Equal(m.GetProperty("score").GetInt32(), sum);
            var sv = m.GetProperty("explanation").GetProperty("sv").EnumerateArray().Select(s => s.GetString()!).ToList();
            var en = m.GetProperty("explanation").GetProperty("en").EnumerateArray().Select(s => s.GetString()!).ToList();
            Assert.Contains(sv, s => s.StartsWith("Du har ", StringComparison.Ordinal) || s == "Platsen har inga krav.");
            Assert.Contains(en, s => s.StartsWith("You have ", StringComparison.Ordinal) || s == "The need has no requirements.");
            Assert.False(string.IsNullOrWhiteSpace(m.GetProperty("needTitle").GetString()));
        });
    }

    [Fact]
    public async Task Match_for_a_need_lists_profiles_and_why_explains_an_excluded_pair()
    {
        Assert.Equal(0, (await _cli.Run("seed", "demo")).ExitCode);
        using var person = JsonDocument.Parse((await _cli.Run("match", "--profile", "1", "--top", "1", "--json")).Output);
        var needId = person.RootElement[0].GetProperty("needId").GetInt32();

        var (code, output, _) = await _cli.Run("match", "--need", needId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--top", "50", "--json");
        Assert.Equal(0, code);
        using var employer = JsonDocument.Parse(output);
        var profileIds = employer.RootElement.EnumerateArray().Select(m => m.GetProperty("profileId").GetInt32()).ToList();
        Assert.NotEmpty(profileIds);
        Assert.All(employer.RootElement.EnumerateArray(), m =>
            Assert.Contains(m.GetProperty("explanation").GetProperty("sv").EnumerateArray(), s => s.GetString()!.StartsWith("Personen har ", StringComparison.Ordinal)));

        // Some profile is not ranked for this need: --why says why, in words.
        var outsider = Enumerable.Range(1, 880).First(id => !profileIds.Contains(id));
        var why = await _cli.Run("match", "--need", needId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--why", outsider.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");
        using var whyJson = JsonDocument.Parse(why.Output);
        var pair = Assert.Single(whyJson.RootElement.EnumerateArray().ToList());
        if (pair.GetProperty("excluded").GetBoolean())
        {
            Assert.Contains(pair.GetProperty("explanation").GetProperty("sv").EnumerateArray(), s => s.GetString()!.StartsWith("Visas inte: ", StringComparison.Ordinal));
        }
        else
        {
            Assert.True(pair.GetProperty("score").GetInt32() <= employer.RootElement[profileIds.Count - 1].GetProperty("score").GetInt32());
        }
    }

    [Fact]
    public async Task Match_needs_exactly_one_of_profile_and_need_and_names_a_missing_profile()
    {
        var neither = await _cli.Run("match");
        var missing = await _cli.Run("match", "--profile", "999999");

        Assert.NotEqual(0, neither.ExitCode);
        Assert.Contains("--profile", neither.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("999999", missing.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
