using Kompetensbron.Cli;
using Microsoft.Data.Sqlite;

namespace Kompetensbron.Web.Tests.Infrastructure;

/// <summary>What one CLI call printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>
/// A temporary folder with its own SQLite database for CLI tests: <see cref="Run"/> calls <c>kompetensbron</c> in
/// process against that database and captures what it prints.
/// </summary>
public sealed class CliSandbox(string name = "cli") : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory($"kb-{name}-").FullName;

    public string DatabaseFile => Path.Combine(Folder, "cli.db");

    public Task<CliResult> Run(params string[] args) => RunWithInput(string.Empty, args);

    public async Task<CliResult> RunWithInput(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = new StringReader(input);
        var code = await CliApp.RunAsync([.. args, "--database", DatabaseFile], output, error, reader);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
