using System.Text.Json;

using Kompetensbron.Web.Tests.Infrastructure;

namespace Kompetensbron.Web.Tests.Cli;

/// <summary><c>kompetensbron path</c> on a seeded temporary SQLite file.</summary>
public sealed class PathCliTests : IDisposable
{
    private readonly CliSandbox _cli = new("path");

    [Fact]
    public async Task Path_for_a_demo_profile_to_an_occupation_prints_weeks_ready_by_and_a_cover()
    {
        Assert.Equal(0, (await _cli.Run("seed", "demo")).ExitCode);

        var (code, output, error) = await _cli.Run("path", "--profile", "1", "--occupation", "7212", "--json");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var steps = root.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(steps.Sum(s => s.GetProperty("weeks").GetInt32()), root.GetProperty("totalWeeks").GetInt32());
        Assert.True(DateOnly.TryParse(root.GetProperty("readyBy").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        var missing = root.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToHashSet();
        var taught = steps.SelectMany(s => s.GetProperty("teaches").EnumerateArray().Select(t => t.GetProperty("id").GetString())).ToHashSet();
        var notTaught = root.GetProperty("notTaught").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToHashSet();
        Assert.True(missing.SetEquals(taught.Union(notTaught)));

        Assert.Equal(1, (await _cli.Run("path", "--profile", "1", "--occupation", "0000")).ExitCode);
        Assert.Equal(1, (await _cli.Run("path", "--profile", "1")).ExitCode);
    }

    public void Dispose() => _cli.Dispose();
}
