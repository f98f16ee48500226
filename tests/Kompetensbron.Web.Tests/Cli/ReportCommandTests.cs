using System.Globalization;
using System.Text.RegularExpressions;
using Kompetensbron.Web.Tests.Infrastructure;
using MiniExcelLibs;

namespace Kompetensbron.Web.Tests.Cli;

/// <summary><c>kompetensbron report</c> on a seeded demo database.</summary>
public sealed partial class ReportCommandTests : IClassFixture<ReportCommandTests.SeededDatabase>
{
    private readonly SeededDatabase _database;

    public ReportCommandTests(SeededDatabase database) => _database = database;

    [Fact]
    public async Task Csv_for_Gnosjo_has_rows_that_add_up_to_the_printed_totals()
    {
        var file = Path.Combine(_database.Folder, "gnosjo.csv");

        var (code, output, _) = await _database.Run("report", "--format", "csv", "--municipality", "0617", "--horizon", "5", "--out", file);

        Assert.Equal(0, code);
        var lines = File.ReadAllLines(file);
        var header = ParseCsvLine(lines[0]);
        var rows = lines.Skip(1).Select(ParseCsvLine).ToList();
        var total = rows[^1];
        Assert.Equal("Totalt", total[1]);
        var body = rows[..^1];
        Assert.NotEmpty(body);

        foreach (var column in new[] { "Lediga platser", "Pensionsavgångar", "Profiler" })
        {
            var i = header.IndexOf(column);
            var printed = Regex.Match(output, $"{column} (\\d+)").Groups[1].Value;
            Assert.Equal(printed, total[i]);
            // Every cell is a whole number or suppressed; the visible ones never exceed the total.
            Assert.All(body, r => Assert.Matches(@"^(\d+|<5)$", r[i]));
            var visible = body.Where(r => r[i] != "<5").Sum(r => int.Parse(r[i], CultureInfo.InvariantCulture));
            var hidden = body.Count(r => r[i] == "<5");
            var sum = int.Parse(total[i], CultureInfo.InvariantCulture);
            Assert.InRange(sum - visible, hidden, hidden * 4);
        }

        // Open positions are places, not people: never suppressed, so they add up exactly.
        var open = header.IndexOf("Lediga platser");
        Assert.Equal(int.Parse(total[open], CultureInfo.InvariantCulture), body.Sum(r => int.Parse(r[open], CultureInfo.InvariantCulture)));
        Assert.Contains("Gnosjö", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reach_csv_has_a_row_per_target_group_adding_up_to_the_printed_totals()
    {
        var file = Path.Combine(_database.Folder, "reach.csv");

        var (code, output, _) = await _database.Run("report", "--format", "csv", "--table", "reach", "--out", file);

        Assert.Equal(0, code);
        var rows = File.ReadAllLines(file).Skip(1).Select(ParseCsvLine).ToList();
        Assert.Equal(["Unga", "Nyanlända", "Arbetslösa", "Byter yrke", "Ingen målgrupp angiven", "Alla profiler"], rows.Select(r => r[0]));
        var total = rows[^1];
        Assert.Matches($"Profiler {total[1]}, Med minst en matchning inom pendlingsavstånd {total[2]}", output);
        for (var i = 1; i <= 2; i++)
        {
            var visible = rows[..^1].Where(r => r[i] != "<5").Sum(r => int.Parse(r[i], CultureInfo.InvariantCulture));
            var hidden = rows[..^1].Count(r => r[i] == "<5");
            Assert.InRange(int.Parse(total[i], CultureInfo.InvariantCulture) - visible, hidden, hidden * 4);
        }

        // The demo region's young people mostly live within reach of some open need.
        Assert.True(int.Parse(rows[0][2], CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task Xlsx_has_a_sheet_per_table_and_the_occupation_totals()
    {
        var file = Path.Combine(_database.Folder, "region.xlsx");

        var (code, _, _) = await _database.Run("report", "--format", "xlsx", "--horizon", "10", "--out", file);

        Assert.Equal(0, code);
        var sheets = MiniExcel.GetSheetNames(file);
        Assert.Contains("Yrkesgrupper", sheets);
        Assert.Contains("Kommuner", sheets);
        Assert.Equal(9, sheets.Count);
        var occupations = MiniExcel.Query(file, useHeaderRow: true, sheetName: "Yrkesgrupper").Cast<IDictionary<string, object>>().ToList();
        var totalRow = occupations.Single(r => Equals(r["Yrkesgrupp"], "Totalt"));
        var open = occupations.Where(r => !ReferenceEquals(r, totalRow)).Sum(r => Convert.ToDouble(r["Lediga platser"], CultureInfo.InvariantCulture));
        Assert.Equal(open, Convert.ToDouble(totalRow["Lediga platser"], CultureInfo.InvariantCulture));
        Assert.True(open > 100);
    }

    [Fact]
    public async Task Html_is_a_printable_page_with_the_tables()
    {
        var file = Path.Combine(_database.Folder, "report.html");

        var (code, _, _) = await _database.Run("report", "--format", "html", "--municipality", "0683", "--language", "en", "--out", file);

        Assert.Equal(0, code);
        var html = await File.ReadAllTextAsync(file);
        Assert.Contains("@page { size: A4", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Occupation groups", html, StringComparison.Ordinal);
        Assert.Contains("Värnamo", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_municipality_is_a_clear_error_and_writes_nothing()
    {
        var file = Path.Combine(_database.Folder, "none.csv");

        var (code, _, error) = await _database.Run("report", "--format", "csv", "--municipality", "9999", "--out", file);

        Assert.NotEqual(0, code);
        Assert.Contains("--municipality", error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    private static List<string> ParseCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    /// <summary>One demo database for the class: seeding takes seconds.</summary>
    public sealed class SeededDatabase : IAsyncLifetime, IDisposable
    {
        private readonly CliSandbox _cli = new("report");

        public string Folder => _cli.Folder;

        public Task<CliResult> Run(params string[] args) => _cli.Run(args);

        public async Task InitializeAsync()
        {
            var (code, _, error) = await Run("seed", "demo");
            Assert.True(code == 0, error);
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose() => _cli.Dispose();
    }
}
