using System.Text.Json;
using Kompetensbron.Cli;

namespace Kompetensbron.Web.Tests.Cli;

/// <summary><c>bench insights</c> on a small data set: the database figures are reported beside the computation.</summary>
public sealed class InsightsBenchCliTests
{
    [Fact]
    public async Task Bench_insights_reports_the_database_read_and_the_cached_request_beside_the_dashboard()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await CliApp.RunAsync(["bench", "insights", "--needs", "200", "--profiles", "1000", "--runs", "1", "--json"], output, error);

        Assert.True(code == 0, error.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        var root = json.RootElement;
        foreach (var field in new[] { "dashboard_ms", "load_ms", "first_after_change_ms", "cached_dashboard_ms", "cached_ratio", "version_ms" })
        {
            Assert.True(root.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number, field);
        }

        Assert.Equal(1000, root.GetProperty("profiles").GetInt32());
    }
}
