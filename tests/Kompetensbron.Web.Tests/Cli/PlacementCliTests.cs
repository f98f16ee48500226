using System.Text.Json;
using Kompetensbron.Cli;

namespace Kompetensbron.Web.Tests.Cli;

/// <summary><c>place</c> and <c>bench place</c>: no database involved.</summary>
public sealed class PlacementCliTests : IDisposable
{
    private const string Round = """
        {
          "name": "APL vt 2027",
          "lotterySeed": 7,
          "places": [
            { "id": "p1", "occupationId": "cnc", "capacity": 1, "periodStart": "2027-01-18", "periodEnd": "2027-04-30",
              "location": { "latitude": 57.35166, "longitude": 13.73465 }, "requirements": { "minimumAge": 18 } },
            { "id": "p2", "occupationId": "cnc", "capacity": 1, "periodStart": "2027-01-18", "periodEnd": "2027-04-30",
              "location": { "latitude": 57.35166, "longitude": 13.73465 } }
          ],
          "applicants": [
            { "id": "young", "schoolId": "gy", "age": 16, "home": { "latitude": 57.35166, "longitude": 13.73465 },
              "commuteMode": "car", "gender": "woman", "wishes": ["p1", "p2"] },
            { "id": "older", "schoolId": "gy", "birthDate": "2008-03-01", "home": { "latitude": 57.35166, "longitude": 13.73465 },
              "wishes": ["p2"] }
          ],
          "scores": [
            { "applicantId": "young", "placeId": "p2", "score": 900 },
            { "applicantId": "older", "placeId": "p2", "score": 600 }
          ]
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("kb-place-").FullName;

    private static async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string RoundFile(string json)
    {
        var path = Path.Combine(_folder, "round.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public async Task Place_runs_both_algorithms_and_says_why_someone_is_unplaced()
    {
        var (code, output, _) = await Run("place", "--file", RoundFile(Round), "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var da = json.RootElement.GetProperty("results")[0];
        Assert.Equal("deferredAcceptance", da.GetProperty("summary").GetProperty("algorithm").GetString());
        var young = da.GetProperty("applicants")[0];
        Assert.Equal("p2", young.GetProperty("placeId").GetString());
        Assert.Equal("belowMinimumAge", young.GetProperty("ineligibleWishes")[0].GetProperty("reasons").GetString());
        Assert.Equal("outrankedAtEveryEligibleWish", da.GetProperty("applicants")[1].GetProperty("unplacedReason").GetString());
        // Min-cost flow gives p2 to "older" (their 1st wish, "young"'s 2nd): one better off, one worse off.
        var comparison = json.RootElement.GetProperty("comparison");
        Assert.Equal((1, 1), (comparison.GetProperty("betterOffInSecond").GetInt32(), comparison.GetProperty("worseOffInSecond").GetInt32()));
    }

    [Fact]
    public async Task Place_as_text_shows_the_summary_and_suppresses_small_gender_counts()
    {
        var (code, output, _) = await Run("place", "--file", RoundFile(Round), "--algorithm", "da");

        Assert.Equal(0, code);
        Assert.Contains("Deferred acceptance", output, StringComparison.Ordinal);
        Assert.Contains("Blocking pairs", output, StringComparison.Ordinal);
        Assert.Contains("<5", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Min-cost flow", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Place_names_the_problem_in_a_bad_file()
    {
        var (code, _, error) = await Run("place", "--file", RoundFile("""{ "places": [], "applicants": [], "colour": "red" }"""));

        Assert.NotEqual(0, code);
        Assert.Contains("colour", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_place_prints_the_agreed_json_fields()
    {
        var (code, output, _) = await Run("bench", "place", "--applicants", "300", "--places", "40", "--wishes", "5", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        foreach (var field in new[] { "da_ms", "mcf_ms", "blocking_pairs_da", "unplaced_da" })
        {
            Assert.True(json.RootElement.TryGetProperty(field, out _), field);
        }

        Assert.Equal(0, json.RootElement.GetProperty("blocking_pairs_da").GetInt32());
        Assert.True(json.RootElement.GetProperty("total_quality_mcf").GetInt64() >= json.RootElement.GetProperty("total_quality_da").GetInt64());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
