using System.Text.Json;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Kompetensbron.Web.Tests.Cli;

/// <summary><c>audit bias</c> on the demo region.</summary>
public sealed class AuditCliTests : IDisposable
{
    private readonly CliSandbox _cli = new("audit");

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Audit_bias_json_covers_every_visible_candidate_in_each_table_and_the_threshold_decides_the_flags()
    {
        Assert.Equal(0, (await _cli.Run("seed", "demo")).ExitCode);
        long visible;
        using (var connection = new SqliteConnection($"Data Source={_cli.DatabaseFile};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM \"Profiles\" WHERE \"Visibility\" <> 'Hidden'";
            visible = (long)command.ExecuteScalar()!;
        }

        var strict = await _cli.Run("audit", "bias", "--json", "--threshold", "0");
        var loose = await _cli.Run("audit", "bias", "--json", "--threshold", "1");

        Assert.True(strict.ExitCode == 0, strict.Error);
        using var json = JsonDocument.Parse(strict.Output);
        Assert.Equal(visible, json.RootElement.GetProperty("candidates").GetInt32());
        var tables = json.RootElement.GetProperty("tables").EnumerateArray().ToList();
        Assert.Equal(["gender", "targetGroup"], tables.Select(t => t.GetProperty("dimension").GetString()));
        foreach (var table in tables)
        {
            var groups = table.GetProperty("groups").EnumerateArray().ToList();
            Assert.Equal(visible, groups.Sum(g => g.GetProperty("count").GetInt32()));

            // The reference is named: the largest group of at least 30 people; smaller groups are never flagged.
            var largest = groups.Where(g => g.GetProperty("count").GetInt32() >= 30).MaxBy(g => g.GetProperty("count").GetInt32());
            var reference = table.GetProperty("reference");
            Assert.Equal(largest.ValueKind == JsonValueKind.Undefined ? JsonValueKind.Null : JsonValueKind.Object, reference.ValueKind);
            if (reference.ValueKind == JsonValueKind.Object)
            {
                Assert.Equal(largest.GetProperty("key").GetString(), reference.GetProperty("key").GetString());
                Assert.Equal(largest.GetProperty("count").GetInt32(), reference.GetProperty("count").GetInt32());
            }

            Assert.All(groups.Where(g => g.GetProperty("count").GetInt32() < 30), g => Assert.False(g.GetProperty("flagged").GetBoolean()));
        }

        // Threshold 0: any group behind the best is flagged; threshold 1: nothing can be.
        Assert.True(json.RootElement.GetProperty("flagged").GetBoolean());
        using var looseJson = JsonDocument.Parse(loose.Output);
        Assert.False(looseJson.RootElement.GetProperty("flagged").GetBoolean());
    }

    [Fact]
    public async Task Audit_bias_prints_tables_and_rejects_a_threshold_out_of_range()
    {
        Assert.Equal(0, (await _cli.Run("seed", "demo")).ExitCode);

        var text = await _cli.Run("audit", "bias");
        var bad = await _cli.Run("audit", "bias", "--threshold", "2");

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("Target group", text.Output, StringComparison.Ordinal);
        Assert.Contains("impact ratio", text.Output, StringComparison.Ordinal);
        Assert.Matches(@"Reference: (\w+|not stated) \(\d+ people, the largest group\)\.", text.Output);
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("--threshold", bad.Error, StringComparison.Ordinal);
    }
}
